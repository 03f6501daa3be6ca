import { partitionPoint } from '../attribution/sorted.js';
import type { ClaimContext } from './context.js';

// A pronoun with no quote before it refers to a person named at most this far back (characters).
const PRONOUN_REACH = 600;

/** Who "il", "she", "-t-il" stands for at `pos`: the speaker of the last quote before, else the last person named. */
export function previousSpeaker(ctx: ClaimContext, pos: number): string | null {
  const lo = partitionPoint(ctx.quotes, (q) => q.start < pos);
  for (let i = lo - 1; i >= Math.max(0, lo - 3); i--) {
    const q = ctx.quotes[i]!;
    if (q.kind !== 'partial' && (q.speaker !== null || q.speaker_text !== null)) return q.speaker;
  }
  return ctx.mentions.lastPersonBefore(Math.max(0, pos - PRONOUN_REACH), pos)?.entity ?? null;
}
