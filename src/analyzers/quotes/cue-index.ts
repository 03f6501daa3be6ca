import type { Cue } from './cues.js';
import { MAX_LOOKBACK } from '../attribution/speaker-context.js';

/** The cues of a text by the index of their first word; negated cues are never returned. */
export class CueIndex {
  private readonly byFirst = new Map<number, Cue>();
  constructor(readonly cues: readonly Cue[]) {
    for (const c of cues) this.byFirst.set(c.first, c);
  }
  startingAt(i: number): Cue | undefined {
    const c = this.byFirst.get(i);
    return c && !c.negated ? c : undefined;
  }
  /** The last cue that ends at or before word `i` and starts at or after `from`. */
  lastBefore(from: number, i: number): Cue | undefined {
    for (let k = i - 1; k >= Math.max(from, i - MAX_LOOKBACK); k--) {
      const c = this.byFirst.get(k);
      if (c && c.last <= i && !c.negated) return c;
    }
    return undefined;
  }
}
