/**
 * Who may do what, decided from the request alone (a pure function, tested on its own):
 * - a loopback server answers only to loopback Host names (no DNS rebinding);
 * - writes (any method but GET/HEAD) from another site are refused (no CSRF, even without a token);
 * - with VEILLE_TOKEN set, writes need `Authorization: Bearer <token>`;
 * - on a non-loopback host, every API call needs the bearer token or the session cookie
 *   (reads only), and every page the session cookie (else the login page).
 */
import { hostHeaderName, isLoopbackHost } from './loopback.js';
import { parseCookies, sameSecret, sessionValue, SESSION_COOKIE } from './session.js';

export interface AccessPolicy {
  token: string | null;
  /** Non-loopback host: reads need the token too. */
  requireAll: boolean;
  /** Listening on loopback: the Host header must be a loopback name. */
  loopback: boolean;
}

export interface AccessRequest {
  method: string;
  /**
   * The path the router matched (its pattern, `/api/documents/:id`), else the decoded path:
   * the router decodes `%61pi` to `api`, so the raw path must not decide.
   */
  path: string;
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

export type AccessDecision =
  | { allow: true }
  | { allow: false; status: 401 | 403; detail: string; login?: boolean };

/** Paths anyone may reach: what the login page needs, and a liveness probe that tells nothing. */
const PUBLIC = [/^\/static\//, /^\/favicon\.ico$/, /^\/api\/health$/, /^\/login$/];

export function accessPolicy(host: string, token: string | null | undefined): AccessPolicy {
  const loopback = isLoopbackHost(host);
  return { token: token || null, requireAll: !loopback, loopback };
}

export function decideAccess(policy: AccessPolicy, req: AccessRequest): AccessDecision {
  const h = (name: string): string | undefined => {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  if (policy.loopback) {
    const name = hostHeaderName(h('host'));
    if (name === null || !isLoopbackHost(name)) {
      return { allow: false, status: 403, detail: 'this server answers only to localhost, 127.0.0.1 or [::1]' };
    }
  }
  const write = req.method !== 'GET' && req.method !== 'HEAD';
  if (write && crossSite(h('origin'), h('host'), h('sec-fetch-site'))) {
    return { allow: false, status: 403, detail: 'requests that change data must come from this site' };
  }
  const api = req.path === '/api' || req.path.startsWith('/api/');
  const bearer = bearerToken(h('authorization'));
  const bearerOk = policy.token !== null && bearer !== null && sameSecret(bearer, policy.token);
  if (bearer !== null && !bearerOk && api) {
    return { allow: false, status: 401, detail: 'the bearer token is wrong' };
  }
  const session = req.path === '/login' || req.path === '/logout';
  // Every write but logging in and out needs the bearer token when one is set, whatever its path.
  if (write && !session && policy.token !== null) {
    return bearerOk ? { allow: true } : { allow: false, status: 401, detail: 'writing needs Authorization: Bearer <VEILLE_TOKEN>' };
  }
  if (PUBLIC.some((p) => p.test(req.path)) || (req.path === '/logout' && write)) return { allow: true };
  if (!policy.requireAll || policy.token === null) return { allow: true };
  if (bearerOk) return { allow: true };
  const cookie = parseCookies(h('cookie')).get(SESSION_COOKIE);
  const sessionOk = cookie !== undefined && sameSecret(cookie, sessionValue(policy.token));
  if (sessionOk && !write) return { allow: true };
  return api
    ? { allow: false, status: 401, detail: 'this server needs Authorization: Bearer <VEILLE_TOKEN>' }
    : { allow: false, status: 401, detail: 'log in first', login: true };
}

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const m = /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(header ?? '');
  return m?.[1] ?? null;
}

/** Whether a write comes from a page of another origin (browsers send Origin or Sec-Fetch-Site). */
function crossSite(origin: string | undefined, host: string | undefined, fetchSite: string | undefined): boolean {
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return true;
  if (origin === undefined) return false;
  if (origin === 'null') return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
