import { VeilleError, type ErrorCode } from '../core/errors.js';

/** What went wrong with a fetch, for callers that react differently (backoff, Retry-After). */
export type FetchFailure =
  | 'scheme'      // not http or https
  | 'refused'     // a private or otherwise forbidden address
  | 'timeout'
  | 'network'     // DNS, connection refused or reset, TLS
  | 'http'        // a 4xx or 5xx status
  | 'redirects'   // too many redirects, or a loop
  | 'too-large';

const CODES: Record<FetchFailure, ErrorCode> = {
  scheme: 'USAGE',
  refused: 'UNREADABLE',
  timeout: 'UNREADABLE',
  network: 'UNREADABLE',
  http: 'UNREADABLE',
  redirects: 'UNREADABLE',
  'too-large': 'TOO_LARGE',
};

/**
 * A failed fetch: a VeilleError naming the URL, with the kind of failure and, for HTTP
 * errors, the status and the Retry-After header as sent.
 */
export class FetchError extends VeilleError {
  constructor(
    readonly failure: FetchFailure,
    message: string,
    url: string,
    readonly status: number | null = null,
    readonly retryAfter: string | null = null,
  ) {
    super(CODES[failure], message, url);
    this.name = 'FetchError';
  }
}

export function isFetchError(e: unknown): e is FetchError {
  return e instanceof FetchError;
}
