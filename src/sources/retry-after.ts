/**
 * A Retry-After header (RFC 9110 §10.2.3) as seconds from `now`: a number of seconds, or an
 * HTTP date (a past date is 0). Null when absent or unreadable.
 * @example retryAfterSeconds('120', new Date()) // 120
 * @example retryAfterSeconds('Wed, 21 Oct 2015 07:28:00 GMT', new Date('2015-10-21T07:20:00Z')) // 480
 */
export function retryAfterSeconds(value: string | null | undefined, now: Date): number | null {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  if (/^\d+$/.test(text)) return Number(text);
  // HTTP dates always name the day and the GMT zone; a bare number or ISO string is not one.
  if (!/^[a-z]{3},?\s/i.test(text) || !/GMT$/i.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}
