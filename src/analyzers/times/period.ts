import { addDays, addMonths, compareYmd, daysInMonth, formatDay, isoWeekday, yearInRange, type Ymd } from './calendar.js';

/** A closed interval of days: what a time expression can denote (the record's `range`). */
export interface Period {
  from: Ymd;
  to: Ymd;
}

/** TIMEX3 `mod` values for "début", "mi-", "fin" / early, mid, late. */
export type Mod = 'START' | 'MID' | 'END';

export const dayPeriod = (d: Ymd): Period => ({ from: d, to: d });

export const monthPeriod = (y: number, m: number): Period => ({ from: { y, m, d: 1 }, to: { y, m, d: daysInMonth(y, m) } });

export const yearPeriod = (y: number): Period => ({ from: { y, m: 1, d: 1 }, to: { y, m: 12, d: 31 } });

/** Years `first`…`last` inclusive (decades, centuries). */
export const yearsPeriod = (first: number, last: number): Period => ({ from: { y: first, m: 1, d: 1 }, to: { y: last, m: 12, d: 31 } });

/** The ISO week (Monday–Sunday) that holds a day. */
export function weekPeriod(d: Ymd): Period {
  const monday = addDays(d, 1 - isoWeekday(d));
  return { from: monday, to: addDays(monday, 6) };
}

/**
 * Meteorological seasons of year `y`: spring March–May, summer June–August, autumn
 * September–November, winter December of `y` to February of `y + 1` (TIMEX3 `y-WI`).
 */
export function seasonPeriod(y: number, season: string): Period | null {
  switch (season) {
    case 'SP': return { from: { y, m: 3, d: 1 }, to: { y, m: 5, d: 31 } };
    case 'SU': return { from: { y, m: 6, d: 1 }, to: { y, m: 8, d: 31 } };
    case 'FA': return { from: { y, m: 9, d: 1 }, to: { y, m: 11, d: 30 } };
    case 'WI': return { from: { y, m: 12, d: 1 }, to: { y: y + 1, m: 2, d: daysInMonth(y + 1, 2) } };
    default: return null;
  }
}

/** The first, middle or last third of a period ("début octobre" = 1–10 October). */
export function applyMod(p: Period, mod: Mod | null): Period {
  if (!mod) return p;
  const length = compareYmd(p.to, p.from) + 1;
  const third = Math.max(1, Math.floor(length / 3));
  if (mod === 'START') return { from: p.from, to: addDays(p.from, third - 1) };
  if (mod === 'END') return { from: addDays(p.to, 1 - third), to: p.to };
  return { from: addDays(p.from, third), to: addDays(p.to, -third) };
}

export function shiftPeriodDays(p: Period, days: number): Period {
  return { from: addDays(p.from, days), to: addDays(p.to, days) };
}

export function shiftPeriodMonths(p: Period, months: number): Period {
  const to = addMonths(p.to, months);
  return { from: addMonths(p.from, months), to: { ...to, d: p.to.d === daysInMonth(p.to.y, p.to.m) ? daysInMonth(to.y, to.m) : to.d } };
}

export function unionPeriod(a: Period, b: Period): Period {
  return {
    from: compareYmd(a.from, b.from) <= 0 ? a.from : b.from,
    to: compareYmd(a.to, b.to) >= 0 ? a.to : b.to,
  };
}

export function intersectPeriod(a: Period, b: Period): Period | null {
  const from = compareYmd(a.from, b.from) >= 0 ? a.from : b.from;
  const to = compareYmd(a.to, b.to) <= 0 ? a.to : b.to;
  return compareYmd(from, to) <= 0 ? { from, to } : null;
}

/** The day in the middle of a period. */
export function midpoint(p: Period): Ymd {
  return addDays(p.from, Math.floor(compareYmd(p.to, p.from) / 2));
}

/** True when both ends fall in years 1–9999, so that both format as valid ISO dates. */
export function periodInRange(p: Period): boolean {
  return yearInRange(p.from.y) && yearInRange(p.to.y);
}

export function formatPeriod(p: Period): { from: string; to: string } {
  return { from: formatDay(p.from), to: formatDay(p.to) };
}
