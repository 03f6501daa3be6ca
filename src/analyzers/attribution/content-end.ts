import type { Words } from './words.js';

// Words of reported content at most: a text without sentence ends stays linear.
export const MAX_CONTENT_WORDS = 200;

const SENTENCE_END = new Set(['.', '!', '?', '…', ':']);

/**
 * Where content that starts at word `from` ends: at the sentence end (within
 * MAX_CONTENT_WORDS), a semicolon, for a subordinate clause the next comma, or the first word
 * where `breaksAt(i, end)` sees another clause begin; end punctuation is left out.
 */
export function sentenceContentEnd(words: Words, from: number, subordinate: boolean, breaksAt: (i: number, end: number) => boolean): number {
  const end = Math.min(words.sentenceEnd(from), from + MAX_CONTENT_WORDS);
  let to = end;
  for (let i = from; i < end; i++) {
    const key = words.key(i)!;
    if (key === ';' || (subordinate && key === ',') || breaksAt(i, end)) {
      to = i;
      break;
    }
  }
  while (to > from && SENTENCE_END.has(words.key(to - 1)!)) to--;
  return to;
}
