import type { QuantityGrammar } from './grammar.js';
import { norm } from './grammar.js';
import { isLetterWord, wordAt } from './words.js';

const MAX_WORDS = 4;

/**
 * What a measure is of, when stated: "2 400 caisses de vêtements et de médicaments"
 * → "vêtements et médicaments" (the repeated "de" dropped). Null when nothing follows.
 */
export function readOf(text: string, position: number, grammar: QuantityGrammar): string | null {
  grammar.ofWordAfter.lastIndex = position;
  const first = grammar.ofWordAfter.exec(text);
  if (!first) return null;
  let pos = position + first[0].length;
  grammar.ofDeterminerAfter.lastIndex = pos;
  const determiner = grammar.ofDeterminerAfter.exec(text);
  if (determiner) pos += determiner[0].length;
  const parts: string[] = [];
  let current: string[] = [];
  let joiner = '';
  for (;;) {
    const w = wordAt(text, pos);
    if (!isLetterWord(w)) break;
    const lower = norm(w.text);
    if (grammar.coordinators.has(lower) && current.length) {
      // "et de munitions": another complement of the same measure.
      grammar.ofWordAfter.lastIndex = w.end;
      const of = grammar.ofWordAfter.exec(text);
      const next = wordAt(text, of ? w.end + of[0].length : w.end);
      if (!isLetterWord(next) || grammar.stopWords.has(norm(next.text))) break;
      parts.push(`${joiner}${current.join(' ')}`);
      joiner = `${w.text} `;
      current = [];
      pos = of ? w.end + of[0].length : w.end;
      continue;
    }
    if (grammar.stopWords.has(lower) || current.length >= MAX_WORDS || grammar.ofStop.test(lower)) break;
    current.push(w.text);
    pos = w.end;
  }
  if (current.length) parts.push(`${joiner}${current.join(' ')}`);
  return parts.length ? parts.join(' ') : null;
}
