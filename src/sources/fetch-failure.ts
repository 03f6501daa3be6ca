import { isVeilleError } from '../core/errors.js';
import { FetchError } from './fetch-error.js';

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);
const NETWORK_REASONS: Record<string, string> = {
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed (temporary)',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_SOCKET: 'connection closed by the server',
};

/** The FetchError (or VeilleError) inside an error, following `cause` chains. */
function innerVeilleError(error: unknown): Error | null {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (isVeilleError(e)) return e;
  }
  return null;
}

/**
 * Any failure of a fetch as a FetchError naming the URL asked for: timeouts (ours or
 * undici's), refusals from the address guard, network errors by their code.
 */
export function fetchFailure(error: unknown, url: string, context: { timeoutMs: number; connectTimeoutMs: number; signal?: AbortSignal | undefined }): Error {
  const inner = innerVeilleError(error);
  if (inner instanceof FetchError) {
    return inner.input === url ? inner : new FetchError(inner.failure, inner.message, url, inner.status, inner.retryAfter);
  }
  if (inner) return inner;
  if (context.signal?.aborted) return new FetchError('network', 'stopped before the response was complete', url);
  const code = (error as { code?: unknown } | null)?.code;
  const name = (error as { name?: unknown } | null)?.name;
  if ((typeof code === 'string' && TIMEOUT_CODES.has(code)) || name === 'TimeoutError' || name === 'AbortError') {
    const message = code === 'UND_ERR_CONNECT_TIMEOUT'
      ? `could not connect within ${context.connectTimeoutMs} ms`
      : `no complete response within ${context.timeoutMs} ms`;
    return new FetchError('timeout', `timed out: ${message}`, url);
  }
  const reason = typeof code === 'string' ? NETWORK_REASONS[code] : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return new FetchError('network', reason ?? message, url);
}
