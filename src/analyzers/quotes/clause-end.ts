import { sentenceContentEnd } from '../attribution/content-end.js';
import type { SpeechContext } from './context.js';
import type { Cue } from './cues.js';
import type { CueIndex } from './cue-index.js';

// Words a clause-final attribution may go on after the speaker ("… dans un entretien publié dimanche …").
export const MAX_TAIL_WORDS = 14;
// Words between a comma and a subject-first cue at the end of a clause ("…, the ministry said").
export const MAX_TAIL_SUBJECT = 5;

/** After a clause-final cue, the sentence ends soon and reports nothing more ("que", "that"). */
export function tailEnds(ctx: SpeechContext, c: Cue, end: number): boolean {
  if (end - c.last > MAX_TAIL_WORDS) return false;
  for (let i = c.last; i < end; i++) if (ctx.lex.complementizers.has(ctx.words.key(i)!)) return false;
  return true;
}

/**
 * Where reported content ends: the sentence end, a semicolon, a clause-final attribution
 * (", a rapporté l'agence Tass", ", he said"), a new cue coordinated with the first ("et a
 * ajouté que"), or for a subordinate clause ("même si X a déclaré que …, …") the next comma.
 */
export function clauseEnd(ctx: SpeechContext, cues: CueIndex, from: number, subordinate: boolean): number {
  const { words, lex } = ctx;
  return sentenceContentEnd(words, from, subordinate, (i, end) => {
    if (words.key(i) === ',' && tailAt(ctx, cues, i + 1, end)) return true;
    return i > from && lex.coordinators.match((k) => words.key(k), i) !== null && (cues.startingAt(i + 1) !== undefined || (lex.pronouns.has(words.key(i + 1) ?? '') && cues.startingAt(i + 2) !== undefined));
  });
}

/** A clause-final attribution starts at word `j` (", a rapporté X", ", selon X", ", he said", ", the ministry said"), or a participle clause (", saying …"). */
function tailAt(ctx: SpeechContext, cues: CueIndex, j: number, end: number): boolean {
  // ", saying …", ", affirmant que …": a participle opens a clause of its own
  const at = cues.startingAt(j);
  if (at && at.kind === 'verb' && !at.frames.includes('inverted')) return true;
  for (let k = j; k < Math.min(end, j + MAX_TAIL_SUBJECT + 1); k++) {
    const c = cues.startingAt(k);
    if (c) return (c.kind === 'according' || c.frames.includes('inverted')) && tailEnds(ctx, c, end);
    if (ctx.words.isPunct(k)) return false;
  }
  return false;
}

