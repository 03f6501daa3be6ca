import { sentenceContentEnd } from '../attribution/content-end.js';
import type { ClaimContext } from './context.js';

/**
 * Where the content that starts at word `from` ends: where an indirect quote starting there
 * ends (the quotes analyzer knows clause-final attributions), else the sentence end, a
 * semicolon, a comma before another verb of the lexicon (", saying …"), or for a subordinate
 * clause the next comma.
 */
export function contentEnd(ctx: ClaimContext, from: number, subordinate: boolean): number {
  const { words } = ctx;
  const start = words.at(from)?.start;
  const quoteEnd = start === undefined ? undefined : ctx.indirectEnds.get(start);
  if (quoteEnd !== undefined) return words.indexAt(quoteEnd);
  // ", saying …", ", affirmant que …", ", a ajouté X": another verb's clause
  return sentenceContentEnd(words, from, subordinate, (i) => words.key(i) === ',' && ctx.lex.verbs.match((k) => words.key(k), i + 1) !== null);
}
