import { FetchError } from './fetch-error.js';

/**
 * Schemes that make an input a URL even without `//` (`javascript:…`, `data:…`), so that they
 * are refused by name rather than read as file names. Windows drive letters (`C:`) are one
 * letter long and never match.
 */
const BARE_SCHEMES = new Set(['javascript', 'vbscript', 'data', 'mailto', 'file', 'ftp', 'about', 'blob', 'tel', 'ws', 'wss', 'gopher']);
const SCHEME = /^([a-z][a-z0-9+.-]+):/i;

/** Whether an ingest input is a URL (to fetch or to refuse) rather than a path. */
export function isUrlInput(input: string): boolean {
  const scheme = SCHEME.exec(input)?.[1];
  if (!scheme) return false;
  return input.slice(scheme.length + 1).startsWith('//') || BARE_SCHEMES.has(scheme.toLowerCase());
}

/**
 * The URL, when it is a well-formed http or https URL; otherwise a FetchError 'scheme'
 * naming it. `context` prefixes the message (a redirect names where it came from).
 * @example parseHttpUrl('ftp://example.org/a') // throws: only http and https URLs can be fetched, not ftp:
 */
export function parseHttpUrl(text: string, context = ''): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FetchError('scheme', `${context ? `${context} ` : ''}not a valid URL`, text);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('scheme', `${context ? `${context} ${text}: ` : ''}only http and https URLs can be fetched, not ${url.protocol}`, text);
  }
  if (url.username || url.password) {
    // Credentials in URLs end up in logs and in the store (doc.origin).
    throw new FetchError('scheme', 'URLs with a user name or password are not fetched', text);
  }
  return url;
}
