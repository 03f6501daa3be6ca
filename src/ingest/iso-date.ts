const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date as declared by an input (ISO 8601, RFC 822 as in RSS, a Date) reduced to an ISO date:
 * `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when that is all it states. The calendar date is read as
 * written, before any time-zone shift, so `2023-10-18T23:30-04:00` stays the 18th.
 * @example isoDate('Wed, 18 Oct 2023 23:30:00 -0400') // '2023-10-18'
 */
export function isoDate(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  const s = value.trim();
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T\s])/.exec(s) ?? /^(\d{4})[/.](\d{2})[/.](\d{2})\b/.exec(s)
    ?? /^(\d{4})(\d{2})(\d{2})(?=$|T)/.exec(s);
  if (iso) return checked(iso[1], iso[2], iso[3]);
  // RFC 822 / 2822 as in RSS: `Wed, 18 Oct 2023 23:30:00 -0400`.
  const rfc = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{4})\b/.exec(s);
  if (rfc) {
    const month = MONTHS.indexOf((rfc[2] ?? '').toLowerCase()) + 1;
    if (month > 0) return checked(rfc[3], String(month), rfc[1]);
  }
  // Last resort, only with a 4-digit year: V8's lenient parser reads dates into any digits.
  if (!/\b\d{4}\b/.test(s)) return null;
  const parsed = Date.parse(s);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString().slice(0, 10);
}

function checked(year: string | undefined, month: string | undefined, day: string | undefined): string | null {
  if (!year) return null;
  if (!month) return year;
  const m = Number(month);
  if (m < 1 || m > 12) return null;
  const mm = String(m).padStart(2, '0');
  if (!day) return `${year}-${mm}`;
  const d = Number(day);
  const last = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
  if (d < 1 || d > last) return null;
  return `${year}-${mm}-${String(d).padStart(2, '0')}`;
}
