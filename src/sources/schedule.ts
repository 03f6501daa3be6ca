import type { Source } from '../store/store.js';
import { isFetchError } from './fetch-error.js';
import { retryAfterSeconds } from './retry-after.js';

/** First retry after a failure: soon enough to ride out a blip, late enough not to hammer. */
export const BACKOFF_BASE_SECONDS = 60;
/** Retries never wait longer than this: a source down for a day is still checked four times a day. */
export const BACKOFF_MAX_SECONDS = 6 * 3600;
/** A Retry-After further away than a day is taken as a day (a bogus header must not park a source for good). */
export const RETRY_AFTER_MAX_SECONDS = 24 * 3600;
/** Statuses whose Retry-After says when to come back (RFC 9110 §10.2.3; RFC 6585 §4). */
const RETRY_AFTER_STATUSES = new Set([429, 503]);

/** When a source is next due after a successful poll: its interval from now. */
export function nextPollAfterSuccess(source: Pick<Source, 'everySeconds'>, now: Date): Date {
  return new Date(now.getTime() + source.everySeconds * 1000);
}

/**
 * How long to wait after a failed poll, in seconds: exponential backoff on the failures in a
 * row (1m, 2m, 4m… up to BACKOFF_MAX_SECONDS), and never sooner than a 429's or 503's
 * Retry-After (capped at RETRY_AFTER_MAX_SECONDS).
 * @example retryDelaySeconds(2, httpError503WithRetryAfter600, now) // 600
 */
export function retryDelaySeconds(failuresInARow: number, error: unknown, now: Date): number {
  const exponent = Math.max(0, Math.min(failuresInARow - 1, 30));
  const backoff = Math.min(BACKOFF_MAX_SECONDS, BACKOFF_BASE_SECONDS * 2 ** exponent);
  if (!isFetchError(error) || error.status === null || !RETRY_AFTER_STATUSES.has(error.status)) return backoff;
  const asked = retryAfterSeconds(error.retryAfter, now);
  return asked === null ? backoff : Math.max(backoff, Math.min(asked, RETRY_AFTER_MAX_SECONDS));
}

/** When a source is next due after a failed poll (`source.failures` counts those before this one). */
export function nextPollAfterFailure(source: Pick<Source, 'failures'>, error: unknown, now: Date): Date {
  return new Date(now.getTime() + retryDelaySeconds(source.failures + 1, error, now) * 1000);
}
