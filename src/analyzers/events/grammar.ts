import type { LanguageData } from '../../lang/types.js';
import { eventLexicon, type EventLexicon } from './lexicon.js';
import { buildPatternIndex, type PatternIndex } from './pattern-index.js';
import { readUserPatterns } from './user-patterns.js';
import { wordKey } from './word-key.js';
import { WordTable } from './word-table.js';

/** Everything the coder needs for one language: the lexicon and the indexed patterns. */
export interface EventGrammar {
  lexicon: EventLexicon;
  index: PatternIndex;
  /** Words known to name events that no pattern codes yet: reported as `unknown_pattern`. */
  unframed: Set<string>;
  /** What the coder reads of each distinct token text, learnt as texts come. */
  words: WordTable;
}

const cache = new Map<string, EventGrammar>();

/**
 * The grammar of a language: `lang/<code>/events.json` plus the user's pattern files under
 * `patternsDir` (see PATTERNS_DIR_ENV), compiled once per language data and directory.
 */
export function eventGrammar(lang: LanguageData, patternsDir: string | null): EventGrammar {
  const key = `${lang.code}\0${patternsDir ?? ''}`;
  let grammar = cache.get(key);
  if (!grammar) {
    const lexicon = eventLexicon(lang);
    const ours = (lang.compiled('events', (r) => r) ?? {}) as { patterns?: unknown[]; unframed?: unknown[] };
    const files = [{ path: `lang/${lang.code}/events.json`, patterns: ours.patterns ?? [] }, ...readUserPatterns(patternsDir, lang.code)];
    const index = buildPatternIndex(files, lexicon.inflection);
    const unframed = new Set((ours.unframed ?? []).filter((w): w is string => typeof w === 'string').map(wordKey));
    grammar = { lexicon, index, unframed, words: new WordTable({ classes: lexicon.classes, byForm: index.byForm, unframed }) };
    cache.set(key, grammar);
  }
  return grammar;
}

/** Forgets compiled grammars (tests that change a user pattern directory). */
export function clearEventGrammars(): void {
  cache.clear();
}
