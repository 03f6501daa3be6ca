import type { Translator } from './i18n.js';

/** What every page needs besides its data: the strings, where it is, and the session. */
export interface PageContext {
  t: Translator;
  /** The path and query of this request (for the language switch and pagination). */
  url: string;
  /** Whether a token protects the UI (so there is a session to end). */
  loginEnabled: boolean;
}

/** This page's URL with some query parameters set (or removed with null). */
export function withQuery(url: string, changes: Readonly<Record<string, string | null | undefined>>): string {
  const u = new URL(url, 'http://local');
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '') u.searchParams.delete(k);
    else u.searchParams.set(k, v);
  }
  const q = u.searchParams.toString();
  return `${u.pathname}${q ? `?${q}` : ''}`;
}
