import { VeilleError } from '../core/errors.js';
import { MAX_PAGE_LIMIT } from './store.js';

/** The number of items to return: a positive integer, lowered to MAX_PAGE_LIMIT. */
export function pageLimit(limit: unknown, fallback?: number): number {
  const value = limit ?? fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new VeilleError('BAD_QUERY', `limit must be a positive integer, not ${String(value)}`);
  }
  return Math.min(value, MAX_PAGE_LIMIT);
}

/** A cursor's position: the sort key of the last item returned (strings and numbers). */
export type CursorKey = (string | number)[];

/**
 * Cursors are opaque to callers: base64url JSON of a kind tag (so one query's cursor is not
 * taken for another's) and the sort key of the last item of the page.
 */
export function encodeCursor(kind: string, key: CursorKey): string {
  return Buffer.from(JSON.stringify([kind, ...key]), 'utf8').toString('base64url');
}

/** The sort key in a cursor, checked against the expected kinds of its fields ('s', 'n'). */
export function decodeCursor(cursor: string, kind: string, shape: string): CursorKey {
  const bad = (): VeilleError => new VeilleError('BAD_QUERY', `invalid cursor ${JSON.stringify(cursor.slice(0, 40))}: pass back a nextCursor unchanged`);
  if (typeof cursor !== 'string' || cursor.length > 4096 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parsed) || parsed[0] !== kind || parsed.length !== shape.length + 1) throw bad();
  const key = parsed.slice(1) as unknown[];
  key.forEach((v, i) => {
    const ok = shape[i] === 'n' ? typeof v === 'number' && Number.isFinite(v) : typeof v === 'string';
    if (!ok) throw bad();
  });
  return key as CursorKey;
}
