import { compareYmd, dayNumber, type Ymd } from './calendar.js';
import type { Tense } from './grammar.js';
import { midpoint, type Period } from './period.js';

/**
 * Which of several candidate periods an expression means, seen from the document day:
 * "dernier" (direction −1) the latest strictly before, "prochain" (+1) the earliest strictly
 * after; a past tense the latest not after, a future tense the earliest not before; otherwise
 * the nearest (ties go to the past). Candidates are in time order.
 */
export interface Choice<T> {
  item: T;
  /** How it was chosen, appended to the rule id. */
  how: 'explicit-past' | 'explicit-future' | 'past-tense' | 'future-tense' | 'nearest';
}

// Compared at the candidates' own granularity: a month is "before" when it ends before the day's month starts.
// (Module functions, not closures made per call: choose runs for most expressions.)
const before = (c: { period: Period }, refDay: Ymd): boolean => compareYmd(c.period.to, refDay) < 0;
const after = (c: { period: Period }, refDay: Ymd): boolean => compareYmd(c.period.from, refDay) > 0;
const contains = (c: { period: Period }, refDay: Ymd): boolean => !before(c, refDay) && !after(c, refDay);

export function choose<T extends { period: Period }>(
  candidates: readonly T[],
  refDay: Ymd,
  direction: number | null,
  tense: Tense | null,
): Choice<T> | null {
  if (candidates.length === 0) return null;
  if (direction !== null && direction < 0) {
    for (let i = candidates.length - 1; i >= 0; i--) {
      const c = candidates[i]!;
      if (before(c, refDay) && !contains(c, refDay)) return { item: c, how: 'explicit-past' };
    }
  }
  if (direction !== null && direction > 0) {
    for (const c of candidates) if (after(c, refDay)) return { item: c, how: 'explicit-future' };
  }
  if (tense === 'past') {
    for (let i = candidates.length - 1; i >= 0; i--) {
      const c = candidates[i]!;
      if (!after(c, refDay)) return { item: c, how: 'past-tense' };
    }
  }
  if (tense === 'future') {
    for (const c of candidates) if (!before(c, refDay)) return { item: c, how: 'future-tense' };
  }
  let best = candidates[0]!;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const distance = contains(c, refDay) ? 0 : Math.abs(dayNumber(midpoint(c.period)) - dayNumber(refDay));
    if (distance < bestDistance) {
      best = c;
      bestDistance = distance;
    }
  }
  return { item: best, how: 'nearest' };
}
