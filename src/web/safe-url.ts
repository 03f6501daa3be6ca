/**
 * A URL from a document (its source URL) that may become a link: only absolute http(s) URLs
 * do, so `javascript:`, `data:` and relative tricks stay plain text. Returns the normalized
 * URL, or null when it must not be linked.
 */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (typeof value !== 'string' || value.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

/**
 * A path to return to after login: only a local absolute path (not `//host`, not `/\host`),
 * so the login form cannot be used as an open redirect.
 */
export function localPath(value: string | null | undefined, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > 2048) return fallback;
  if (/^\/[\\/]/.test(value) || /[\u0000-\u001f\\]/.test(value)) return fallback;
  return value;
}
