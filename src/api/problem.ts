/**
 * Errors at the HTTP boundary as RFC 9457 problem details (`application/problem+json`):
 * `{ type, title, status, detail }`. VeilleError codes map to statuses here, in one place.
 */
import { isVeilleError, type ErrorCode } from '../core/errors.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
/** Problem types are URIs; they name the kind of failure, not the instance. */
export const PROBLEM_BASE = 'https://veille.dev/problems/';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Extension member: per-input failures of an ingest that read nothing. */
  errors?: { origin: string; code: string; detail: string }[];
}

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not found', 405: 'Method not allowed',
  406: 'Not acceptable', 413: 'Payload too large', 415: 'Unsupported media type', 422: 'Unprocessable content',
  429: 'Too many requests', 500: 'Internal server error', 503: 'Service unavailable',
};

const STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  BAD_QUERY: 400, USAGE: 400, TOO_LARGE: 413, EMPTY: 422, NOT_TEXT: 422, MALFORMED: 422, UNREADABLE: 422, STORE: 500,
};

export function problem(status: number, slug: string, detail: string): Problem {
  return { type: `${PROBLEM_BASE}${slug}`, title: TITLES[status] ?? 'Error', status, detail };
}

/** What the client is told for an error; `internal` says it must be logged, its message hidden. */
export function problemFromError(error: unknown): { problem: Problem; internal: boolean } {
  if (isVeilleError(error)) {
    const status = STATUS_BY_CODE[error.code];
    if (status >= 500) return { problem: problem(status, 'store', 'the database failed to answer; the server log says why'), internal: true };
    return { problem: problem(status, slugOf(error.code), error.message), internal: false };
  }
  const e = error as { statusCode?: unknown; validation?: unknown; message?: unknown; code?: unknown } | null;
  const status = typeof e?.statusCode === 'number' ? e.statusCode : 500;
  const message = typeof e?.message === 'string' ? e.message : 'request failed';
  if (e?.validation) return { problem: problem(400, 'invalid-request', message), internal: false };
  if (status === 413) return { problem: problem(413, 'too-large', message), internal: false };
  if (status === 415) return { problem: problem(415, 'unsupported-media-type', message), internal: false };
  if (status === 429) return { problem: problem(429, 'rate-limited', message), internal: false };
  if (status >= 400 && status < 500) return { problem: problem(status, 'client-error', message), internal: false };
  return { problem: problem(500, 'internal', 'the server failed; its log says why'), internal: true };
}

function slugOf(code: ErrorCode): string {
  return code.toLowerCase().replace(/_/g, '-');
}
