import type { QuantityGrammar } from './grammar.js';
import { norm } from './grammar.js';
import { isCapitalized, isLetterWord, wordAt, type Word } from './words.js';

/**
 * What follows a number: the counted noun, or a reason it is not a quantity at all
 * (a time unit makes it a duration, a month a date, a capitalized word a name: "38 North").
 */
export type NounResult = { noun: Word } | { not: 'time' | 'date' | 'name'; word: Word } | null;

const MAX_RUN = 3;

function looksPlural(word: string, grammar: QuantityGrammar): boolean {
  const w = norm(word);
  return grammar.lemma.irregular.has(w) || /[sx]$/.test(w);
}

/** French: the first content word after the number, past a few adjectives ("deux grandes puissances"). */
function firstNoun(text: string, position: number, grammar: QuantityGrammar): NounResult {
  let w = wordAt(text, position);
  for (let skipped = 0; isLetterWord(w) && grammar.skipWords.has(norm(w.text)) && skipped < 2; skipped++) w = wordAt(text, w.end);
  if (!isLetterWord(w)) return null;
  const lower = norm(w.text);
  if (grammar.monthWords.has(lower)) return { not: 'date', word: w };
  if (grammar.timeUnits.has(lower)) return { not: 'time', word: w };
  if (grammar.stopWords.has(lower)) return null;
  if (isCapitalized(w.text) && !looksPlural(w.text, grammar) && !/^\p{Lu}{2,}$/u.test(w.text)) return { not: 'name', word: w };
  return { noun: w };
}

/** English: the head of the run of content words ("500 Palestinian civilians" → civilians). */
function headOfRun(text: string, position: number, grammar: QuantityGrammar): NounResult {
  const run: Word[] = [];
  let pos = position;
  for (let i = 0; i < MAX_RUN; i++) {
    const w = wordAt(text, pos);
    if (!isLetterWord(w)) break;
    const lower = norm(w.text);
    if (i === 0 && grammar.monthWords.has(lower) && isCapitalized(w.text)) return { not: 'date', word: w };
    if (grammar.timeUnits.has(lower)) return run.length === 0 || run.every((r) => grammar.skipWords.has(norm(r.text))) ? { not: 'time', word: w } : { noun: run[run.length - 1]! };
    if (grammar.stopWords.has(lower) || /ly$/.test(lower)) break;
    run.push(w);
    pos = w.end;
    if (!grammar.skipWords.has(lower) && looksPlural(w.text, grammar)) return { noun: w };
  }
  const content = run.filter((w) => !grammar.skipWords.has(norm(w.text)));
  if (content.length === 0) return null;
  if (isCapitalized(content[0]!.text)) return { not: 'name', word: content[0]! };
  return { noun: content[0]! };
}

export function findNoun(text: string, position: number, grammar: QuantityGrammar): NounResult {
  return grammar.headNoun === 'plural-run' ? headOfRun(text, position, grammar) : firstNoun(text, position, grammar);
}
