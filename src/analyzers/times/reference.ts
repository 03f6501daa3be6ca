import { isValidYmd, yearInRange, type Ymd } from './calendar.js';
import { monthPeriod, yearPeriod, type Period } from './period.js';

/**
 * The document date that relative expressions resolve against, as precise as it is known:
 * `2023-10-18` (day), `2023-10` (month) or `2023` (year).
 */
export interface Reference {
  precision: 'day' | 'month' | 'year';
  /** Every day the document date can be. */
  period: Period;
}

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$/;

/** Parses `doc.date`; null when absent or not a valid ISO date. */
export function parseReference(date: string | null | undefined): Reference | null {
  if (!date) return null;
  const m = ISO_DATE.exec(date.trim());
  if (!m) return null;
  const y = Number(m[1]);
  if (!yearInRange(y)) return null;
  if (m[2] === undefined) return { precision: 'year', period: yearPeriod(y) };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { precision: 'month', period: monthPeriod(y, month) };
  const day: Ymd = { y, m: month, d: Number(m[3]) };
  if (!isValidYmd(day.y, day.m, day.d)) return null;
  return { precision: 'day', period: { from: day, to: day } };
}
