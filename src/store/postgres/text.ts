/**
 * PostgreSQL text cannot hold U+0000, which JavaScript strings (and so records, source names
 * and hostile lookups) can. Values go in through `toPg` and come out through `fromPg`: NUL is
 * written U+FFFF '0' and U+FFFF itself doubled, so the mapping is reversible and injective
 * (equality lookups still work) and leaves every ordinary string unchanged.
 */
const ESCAPE = '\uFFFF';

export function toPg(value: string): string;
export function toPg(value: string | null): string | null;
export function toPg(value: string | null): string | null {
  if (value === null) return null;
  const s = String(value);
  if (!s.includes('\u0000') && !s.includes(ESCAPE)) return s;
  return s.replaceAll(ESCAPE, ESCAPE + ESCAPE).replaceAll('\u0000', `${ESCAPE}0`);
}

export function fromPg(value: string): string;
export function fromPg(value: string | null): string | null;
export function fromPg(value: string | null): string | null {
  if (value === null || !value.includes(ESCAPE)) return value;
  return value.replace(/\uFFFF([\uFFFF0])/g, (_, c: string) => (c === '0' ? '\u0000' : ESCAPE));
}

/** A copy of a JSON value with NUL and lone surrogates replaced by U+FFFD: what jsonb accepts. */
export function jsonbSafe(json: string): string {
  // Only JSON.stringify's escapes can carry them: \u0000 and \ud800–\udfff.
  if (!/\\u(0000|d[89a-f])/i.test(json)) return json;
  return JSON.stringify(JSON.parse(json), (_key, v: unknown) =>
    typeof v === 'string' ? v.replace(/\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\uFFFD') : v);
}
