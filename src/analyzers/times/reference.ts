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

/** References already parsed (never changed by their readers): documents of a feed share a few dates. */
const PARSED = new Map<string, Reference | null>();
const MAX_PARSED = 1000;

/** Parses `doc.date`; null when absent or not a valid ISO date. */
export function parseReference(date: string | null | undefined): Reference | null {
  if (!date) return null;
  let known = PARSED.get(date);
  if (known === undefined) {
    known = parseDate(date);
    if (PARSED.size >= MAX_PARSED) PARSED.clear();
    PARSED.set(date, known);
  }
  return known;
}

function parseDate(date: string): Reference | null {
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
