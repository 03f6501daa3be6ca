/** Days since 1970-01-01 (UTC) and back: the unit in which stories compare dates. */
const DAY_MS = 86_400_000;
const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/** The interval of days an ISO date can denote: a day, a whole month or a whole year. */
export interface DayRange {
  from: number;
  to: number;
}

export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `2023-10-18` → that day; `2023-10` → the month; `2023` → the year; anything else → null. */
export function dayRange(iso: string | null | undefined): DayRange | null {
  const m = ISO.exec(iso ?? '');
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) return { from: dayNumber(year, 1, 1), to: dayNumber(year, 12, 31) };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { from: dayNumber(year, month, 1), to: dayNumber(year, month + 1, 1) - 1 };
  return { from: dayNumber(year, month, Number(m[3])), to: dayNumber(year, month, Number(m[3])) };
}

/** Days between two intervals (0 when they overlap). */
export function dayGap(a: DayRange, b: DayRange): number {
  return Math.max(0, a.from - b.to, b.from - a.to);
}
