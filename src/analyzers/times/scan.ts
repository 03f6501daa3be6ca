import type { RuleMatch } from './context.js';
import { NUMBER_PREFIX, PREFIX_LENGTH } from './first.js';
import { DIGIT, OPEN_PREFIX, TOKEN, type CompiledRule, type TimeGrammar } from './grammar.js';
import { holdsStandIn } from '../../text/narrow-regex.js';
import { lexiconKey } from './pattern.js';
import { maskOf, readWords, type Words } from './words.js';

/** How far before its first anchor word a rule's match may start ("il y a un peu plus de deux ans"). */
const ANCHOR_WINDOW = 60;

/** No candidate (shared, never filled): most places have none. */
const NONE: RuleMatch[] = [];

/**
 * Every rule of `rules` anchored within reach (`mask`) that matches at `position`, longest
 * first (ties keep the data's order).
 */
function candidatesAt(text: string, position: number, rules: readonly CompiledRule[], mask: number, narrow: boolean, original: string, numberTest: RegExp | null): readonly RuleMatch[] {
  if (numberTest && narrow) {
    numberTest.lastIndex = position;
    if (!numberTest.test(text)) return NONE;
  }
  let found: RuleMatch[] = NONE;
  for (const rule of rules) {
    if ((rule.anchorMask & mask) === 0) continue;
    const regex = narrow ? rule.narrow : rule.regex;
    regex.lastIndex = position;
    let m = regex.exec(text);
    if (m && text !== original && holdsStandIn(m)) {
      // On a narrow view: the same match, with its text read from the original.
      rule.regex.lastIndex = position;
      m = rule.regex.exec(original);
    }
    if (m && m[0].length > 0) {
      const match: RuleMatch = { rule, start: position, end: position + m[0].length, text: m[0], groups: m.groups ?? {} };
      if (found === NONE) found = [match];
      else found.push(match);
    }
  }
  return found.length > 1 ? found.sort((a, b) => b.end - a.end || a.rule.index - b.rule.index) : found;
}

/**
 * One pass over the words of the text: the words a rule can begin with (by prefix, first.ts),
 * and the words that can anchor a rule (a month, a unit, a number…). Texts that fit the narrow
 * builds take the character-table pass of words.ts, which finds the same anchors and keeps
 * only the starts `scanMatches` can try (at most ANCHOR_WINDOW before an anchor).
 */
export function scanWords(text: string, grammar: TimeGrammar, narrow: boolean): Words {
  const numberRules = grammar.rulesByPrefix.get(NUMBER_PREFIX);
  const open = grammar.rulesByPrefix.get(OPEN_PREFIX);
  const digitMask = grammar.categoryBits.get(DIGIT) ?? 0;
  const fast = narrow ? readWords(text, grammar.words, numberRules, open, digitMask, ANCHOR_WINDOW) : null;
  if (fast) return fast;
  const words: Words = { startPositions: [], startRules: [], anchorPositions: [], anchorMasks: [] };
  const token = new RegExp(TOKEN.source, 'gu');
  for (let m = token.exec(text); m; m = token.exec(text)) {
    const word = m[0];
    const code = word.charCodeAt(0);
    if (code >= 48 && code <= 57) {
      if (numberRules) {
        words.startPositions.push(m.index);
        words.startRules.push(numberRules);
      }
      words.anchorPositions.push(m.index);
      words.anchorMasks.push(digitMask);
      continue;
    }
    // Most words are plain ASCII: their lower case is their key; only others need folding.
    const lower = word.toLowerCase();
    const key = /^[a-z]*$/.test(lower) ? lower : lexiconKey(lower);
    const rules = grammar.rulesByPrefix.get(key.slice(0, PREFIX_LENGTH)) ?? open;
    if (rules) {
      words.startPositions.push(m.index);
      words.startRules.push(rules);
    }
    // Plurals anchor too: "tous les jeudis".
    const categories = grammar.anchors.get(key) ?? (key.endsWith('s') ? grammar.anchors.get(key.slice(0, -1)) : undefined);
    if (categories) {
      words.anchorPositions.push(m.index);
      words.anchorMasks.push(maskOf(categories, grammar.categoryBits));
    }
  }
  return words;
}

/**
 * Finds the rule matches of a text, left to right, without overlaps. One pass over the words
 * collects anchor words (a month, a unit, a number…) and the words a rule can begin with; at
 * each such word near an anchor, the rules that both the anchor and the word allow are tried.
 * `take` sees the candidates of a place longest first and returns true for the one it keeps;
 * the search goes on after it. `narrow`: the text fits the narrow regex builds (text/narrow-regex.ts);
 * when `text` is the narrow view of `original`, matches are read from `original`.
 */
export function scanMatches(text: string, grammar: TimeGrammar, take: (candidate: RuleMatch) => boolean, narrow = false, original = text): void {
  const { startPositions, startRules, anchorPositions, anchorMasks } = scanWords(text, grammar, narrow);
  const numberRules = grammar.rulesByPrefix.get(NUMBER_PREFIX);
  const anchorCount = anchorPositions.length;
  let next = 0;
  let firstAnchor = 0;
  for (let s = 0; s < startPositions.length; s++) {
    const position = startPositions[s]!;
    if (position < next) continue;
    while (firstAnchor < anchorCount && anchorPositions[firstAnchor]! < position) firstAnchor++;
    if (firstAnchor === anchorCount) break;
    if (anchorPositions[firstAnchor]! - position > ANCHOR_WINDOW) continue;
    // The categories of the anchors within reach of this start…
    let mask = 0;
    for (let a = firstAnchor; a < anchorCount && anchorPositions[a]! - position <= ANCHOR_WINDOW; a++) mask |= anchorMasks[a]!;
    if (mask === 0) continue;
    // …and the rules they anchor that can begin with this word.
    for (const candidate of candidatesAt(text, position, startRules[s]!, mask, narrow, original, startRules[s] === numberRules ? grammar.numberTest : null)) {
      if (take(candidate)) {
        next = candidate.end;
        break;
      }
    }
  }
}

