import { createHmac, timingSafeEqual } from 'node:crypto';

/** The UI's session cookie: HttpOnly, SameSite=Strict, never the token itself. */
export const SESSION_COOKIE = 'veille_session';
/** A working day: analysts log in again the next morning. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/**
 * The cookie value proving the token was given: an HMAC of a fixed label under the token, so
 * the cookie cannot be turned back into the token, and changing VEILLE_TOKEN logs everyone out.
 */
export function sessionValue(token: string): string {
  return createHmac('sha256', token).update('veille.session/1').digest('base64url');
}

/** Compares secrets in constant time (no early exit that leaks how much matched). */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHmac('sha256', 'veille.compare').update(given).digest();
  const b = createHmac('sha256', 'veille.compare').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The cookies of a Cookie header (first value wins; values percent-decoded when valid). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      // keep the raw value: a malformed cookie simply won't match
    }
    if (name && !out.has(name)) out.set(name, value);
  }
  return out;
}

/** A Set-Cookie header value for the session (or its removal when `value` is null). */
export function sessionCookie(value: string | null, secure: boolean): string {
  const parts = [`${SESSION_COOKIE}=${value ?? ''}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${value ? SESSION_MAX_AGE_SECONDS : 0}`];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}
