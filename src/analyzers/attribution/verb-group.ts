/**
 * What the verb groups of the quotes' cues and the claims' stance verbs share: the look-back
 * from a verb over adverbs and negation to where its auxiliary may stand.
 */
import type { Grammar } from './grammar.js';
import type { Words } from './words.js';

// Adverbs or negation words that may stand between an auxiliary and the verb ("a également déclaré", "a catégoriquement démenti").
const MAX_BETWEEN = 3;

/** Whether a word index lies in the sentence of word `i`. */
export function inSentenceOf(words: Words, i: number): (k: number) => boolean {
  const sentence = words.at(i)?.sentence;
  return (k) => k >= 0 && words.at(k)?.sentence === sentence;
}

/**
 * From the verb at word `i`, back over adverbs and negation words of its sentence ("n'a pas
 * encore démenti"): the word where an auxiliary or a clitic may stand, and whether a negation
 * was passed. A few words at most: linear over a text.
 */
export function backOverAdverbs(words: Words, lex: Grammar, i: number): { k: number; negated: boolean } {
  const inSentence = inSentenceOf(words, i);
  let negated = false;
  let k = i - 1;
  for (let steps = 0; steps < MAX_BETWEEN && inSentence(k); steps++) {
    if (lex.negAfter.has(words.key(k)!)) {
      negated = true;
      k--;
      continue;
    }
    const adverb = adverbEndingAt(words, lex, k);
    if (adverb === 0) break;
    k -= adverb;
  }
  return { k, negated };
}

/** How many words of an adverb phrase end at word `k` (0 when none). */
function adverbEndingAt(words: Words, lex: Grammar, k: number): number {
  for (let len = 3; len >= 1; len--) {
    const m = lex.adverbs.match((j) => words.key(j), k - len + 1);
    if (m && m.length === len) return len;
  }
  return 0;
}
