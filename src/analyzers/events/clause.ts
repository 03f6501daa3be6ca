import type { Match } from './match.js';
import type { SentenceView } from './sentence-view.js';
import { W } from './word-class.js';

const EDGE = W.COMP | W.OPENER | W.REL | W.BOUNDARY;

/** The tokens of the clause a trigger sits in: up to the nearest `que`/`that`, relative, clause opener or strong punctuation on each side. */
export function clauseOf(view: SentenceView, m: Match): { first: number; last: number } {
  let first = m.head;
  while (first > 0 && !(view.classes[first - 1]! & EDGE)) first--;
  let last = m.last;
  while (last + 1 < view.tokens.length && !(view.classes[last + 1]! & EDGE)) last++;
  return { first, last };
}
