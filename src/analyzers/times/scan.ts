import type { RuleMatch } from './context.js';
import { NUMBER_PREFIX, PREFIX_LENGTH } from './first.js';
import { DIGIT, OPEN_PREFIX, TOKEN, type CompiledRule, type TimeGrammar } from './grammar.js';
import { lexiconKey } from './pattern.js';

/** How far before its first anchor word a rule's match may start ("il y a un peu plus de deux ans"). */
const ANCHOR_WINDOW = 60;

/** Every rule of `rules` that matches at `position`, longest first (ties keep the data's order). */
function candidatesAt(text: string, position: number, rules: readonly CompiledRule[], narrow: boolean): RuleMatch[] {
  const found: RuleMatch[] = [];
  if (rules.length === 0) return found;
  for (const rule of rules) {
    const regex = narrow ? rule.narrow : rule.regex;
    regex.lastIndex = position;
    const m = regex.exec(text);
    if (m && m[0].length > 0) found.push({ rule, start: position, end: position + m[0].length, text: m[0], groups: m.groups ?? {} });
  }
  return found.length > 1 ? found.sort((a, b) => b.end - a.end || a.rule.index - b.rule.index) : found;
}

interface Anchor {
  position: number;
  categories: readonly string[];
}

interface Start {
  position: number;
  /** The rules whose match can begin with this word. */
  rules: readonly CompiledRule[];
}

/**
 * One pass over the words of the text: the words a rule can begin with (by prefix, first.ts),
 * and the words that can anchor a rule (a month, a unit, a number…).
 */
function scanWords(text: string, grammar: TimeGrammar): { starts: Start[]; anchors: Anchor[] } {
  const starts: Start[] = [];
  const anchors: Anchor[] = [];
  const open = grammar.rulesByPrefix.get(OPEN_PREFIX);
  const token = new RegExp(TOKEN.source, 'gu');
  for (let m = token.exec(text); m; m = token.exec(text)) {
    const word = m[0];
    const code = word.charCodeAt(0);
    if (code >= 48 && code <= 57) {
      const rules = grammar.rulesByPrefix.get(NUMBER_PREFIX);
      if (rules) starts.push({ position: m.index, rules });
      anchors.push({ position: m.index, categories: DIGIT_CATEGORIES });
      continue;
    }
    // Most words are plain ASCII: their lower case is their key; only others need folding.
    const lower = word.toLowerCase();
    const key = /^[a-z]*$/.test(lower) ? lower : lexiconKey(lower);
    const rules = grammar.rulesByPrefix.get(key.slice(0, PREFIX_LENGTH)) ?? open;
    if (rules) starts.push({ position: m.index, rules });
    // Plurals anchor too: "tous les jeudis".
    const categories = grammar.anchors.get(key) ?? (key.endsWith('s') ? grammar.anchors.get(key.slice(0, -1)) : undefined);
    if (categories) anchors.push({ position: m.index, categories });
  }
  return { starts, anchors };
}

const DIGIT_CATEGORIES = [DIGIT];

/**
 * Finds the rule matches of a text, left to right, without overlaps. One pass over the words
 * collects anchor words (a month, a unit, a number…) and the words a rule can begin with; at
 * each such word near an anchor, the rules that both the anchor and the word allow are tried.
 * `take` sees the candidates of a place longest first and returns true for the one it keeps;
 * the search goes on after it. `narrow`: the text fits the narrow regex builds (narrow.ts).
 */
export function scanMatches(text: string, grammar: TimeGrammar, take: (candidate: RuleMatch) => boolean, narrow = false): void {
  const { starts, anchors } = scanWords(text, grammar);
  // anchored[rule] === stamp: an anchor of the rule is within reach of this start.
  const anchored = new Int32Array(grammar.rules.length);
  let stamp = 0;
  let next = 0;
  let firstAnchor = 0;
  for (const start of starts) {
    const { position } = start;
    if (position < next) continue;
    while (firstAnchor < anchors.length && anchors[firstAnchor]!.position < position) firstAnchor++;
    if (firstAnchor === anchors.length) break;
    if (anchors[firstAnchor]!.position - position > ANCHOR_WINDOW) continue;
    // The rules anchored by a word within reach of this start…
    stamp++;
    for (let a = firstAnchor; a < anchors.length && anchors[a]!.position - position <= ANCHOR_WINDOW; a++) {
      for (const category of anchors[a]!.categories) {
        for (const rule of grammar.rulesByCategory.get(category) ?? []) anchored[rule.index] = stamp;
      }
    }
    // …that can begin with this word.
    const rules = start.rules.filter((rule) => anchored[rule.index] === stamp);
    for (const candidate of candidatesAt(text, position, rules, narrow)) {
      if (take(candidate)) {
        next = candidate.end;
        break;
      }
    }
  }
}

