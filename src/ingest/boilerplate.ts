import { allBoilerplateRules, type BoilerplateRules } from './boilerplate-rules.js';

/** Paragraphs searched for an outlet's lead marker: the first, or the second after a headline. */
const MARKER_PARAGRAPHS = 2;

export interface CleanedBody {
  paragraphs: string[];
  /** The outlet named by a lead marker (`(Reuters) - ` → `Reuters`), or null. */
  outlet: string | null;
  /** Ids of the rules that removed something, in order. */
  removed: string[];
}

/**
 * Removes outlet boilerplate from a body's paragraphs: the lead marker of a wire or outlet
 * (kept as `outlet`) and whole lines such as "Read more: …" or "© 2024 …".
 * @example cleanBody(['(Reuters) - A fire broke out.', 'Read more: Other story']).paragraphs // ['A fire broke out.']
 */
export function cleanBody(paragraphs: readonly string[], rules: BoilerplateRules = allBoilerplateRules()): CleanedBody {
  const removed: string[] = [];
  const kept = paragraphs
    .map((paragraph) => dropBoilerplateLines(paragraph, rules, removed))
    .filter((paragraph) => paragraph !== '');
  let outlet: string | null = null;
  for (let i = 0; i < Math.min(MARKER_PARAGRAPHS, kept.length) && outlet === null; i++) {
    const found = cutOutletMarker(kept[i] ?? '', rules);
    if (found) {
      outlet = found.outlet;
      removed.push(found.id);
      kept[i] = found.rest;
    }
  }
  return { paragraphs: kept.filter((p) => p !== ''), outlet, removed };
}

function dropBoilerplateLines(paragraph: string, rules: BoilerplateRules, removed: string[]): string {
  return paragraph
    .split('\n')
    .filter((line) => {
      const rule = rules.lines.find((r) => r.pattern.test(line.trim()));
      if (rule) removed.push(rule.id);
      return !rule;
    })
    .join('\n')
    .trim();
}

function cutOutletMarker(paragraph: string, rules: BoilerplateRules): { outlet: string; rest: string; id: string } | null {
  for (const rule of rules.outletMarkers) {
    const match = rule.pattern.exec(paragraph);
    const outlet = match?.groups?.outlet?.trim();
    if (!match || !outlet) continue;
    // Only the `cut` group goes when there is one (keeping a dateline's place), else the whole match.
    const [start, end] = match.indices?.groups?.cut ?? [match.index, match.index + match[0].length];
    return { outlet, rest: (paragraph.slice(0, start) + paragraph.slice(end)).trim(), id: rule.id };
  }
  return null;
}
