import { VeilleError } from '../../core/errors.js';
import { compilePattern } from './compile-pattern.js';
import { nounForms, verbForms, type Inflection } from './inflect.js';
import type { EventPattern, TriggerForm } from './pattern.js';
import type { PatternFile } from './user-patterns.js';
import { wordKey } from './word-key.js';

/** Patterns by the word forms that trigger them. */
export interface PatternIndex {
  patterns: EventPattern[];
  byForm: Map<string, TriggerForm[]>;
}

/**
 * Merges our patterns with the user's (a user pattern with a known id replaces ours, with
 * `"drop": true` removes it, with a new id adds one) and indexes every trigger form.
 */
export function buildPatternIndex(files: readonly PatternFile[], inflection: Inflection): PatternIndex {
  const byId = new Map<string, { raw: unknown; where: string }>();
  for (const file of files) {
    for (const raw of file.patterns) {
      const id = (raw as { id?: unknown })?.id;
      if (typeof id !== 'string') throw new VeilleError('MALFORMED', `${file.path}: a pattern has no "id"`, file.path);
      // a replaced pattern keeps the place of the one it replaces (Map order is first insertion)
      if ((raw as { drop?: unknown }).drop === true) byId.delete(id);
      else byId.set(id, { raw, where: file.path });
    }
  }
  const patterns = [...byId.values()].map(({ raw, where }, i) => compilePattern(raw, where, i));
  const byForm = new Map<string, TriggerForm[]>();
  const add = (form: string, entry: TriggerForm): void => {
    const key = wordKey(form);
    const list = byForm.get(key);
    if (list) {
      if (!list.some((e) => e.pattern === entry.pattern)) list.push(entry);
    } else byForm.set(key, [entry]);
  };
  for (const pattern of patterns) {
    if (pattern.pos === 'verb') for (const f of verbForms(pattern.trigger, inflection)) add(f.form, { pattern, tag: f.tag });
    else if (pattern.pos === 'noun') for (const f of nounForms(pattern.trigger, inflection)) add(f, { pattern, tag: 'noun' });
    else for (const f of pattern.trigger.split('|')) add(f, { pattern, tag: 'form' });
  }
  return { patterns, byForm };
}
