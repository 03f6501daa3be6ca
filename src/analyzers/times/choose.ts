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

export function choose<T extends { period: Period }>(
  candidates: readonly T[],
  refDay: Ymd,
  direction: number | null,
  tense: Tense | null,
): Choice<T> | null {
  if (candidates.length === 0) return null;
  // Compare at the candidates' own granularity: a month is "before" when it ends before the day's month starts.
  const before = (c: T) => compareYmd(c.period.to, refDay) < 0;
  const after = (c: T) => compareYmd(c.period.from, refDay) > 0;
  const contains = (c: T) => !before(c) && !after(c);
  if (direction !== null && direction < 0) {
    const found = [...candidates].reverse().find((c) => before(c) && !contains(c));
    if (found) return { item: found, how: 'explicit-past' };
  }
  if (direction !== null && direction > 0) {
    const found = candidates.find((c) => after(c));
    if (found) return { item: found, how: 'explicit-future' };
  }
  if (tense === 'past') {
    const found = [...candidates].reverse().find((c) => !after(c));
    if (found) return { item: found, how: 'past-tense' };
  }
  if (tense === 'future') {
    const found = candidates.find((c) => !before(c));
    if (found) return { item: found, how: 'future-tense' };
  }
  let best = candidates[0]!;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const distance = contains(c) ? 0 : Math.abs(dayNumber(midpoint(c.period)) - dayNumber(refDay));
    if (distance < bestDistance) {
      best = c;
      bestDistance = distance;
    }
  }
  return { item: best, how: 'nearest' };
}
