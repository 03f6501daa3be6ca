import { VeilleError, isVeilleError } from '../../core/errors.js';

/** SQLSTATE classes and socket errors after which the same statement may succeed on a new connection. */
const TRANSIENT_SQLSTATE = /^(08|57P0[1-3]|53300|40001|40P01)/;
const TRANSIENT_SOCKET = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN']);

function codeOf(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
}

/**
 * Whether a failure is the server or the network going away (restart, failover, a killed
 * backend, a serialization conflict) rather than the statement being wrong: worth a retry.
 */
export function isTransient(err: unknown): boolean {
  const cause = isVeilleError(err) ? (err as { cause?: unknown }).cause : err;
  const code = codeOf(cause);
  if (TRANSIENT_SQLSTATE.test(code) || TRANSIENT_SOCKET.has(code)) return true;
  const message = cause instanceof Error ? cause.message : '';
  return /Connection terminated|connection timeout|Client has encountered a connection error|server closed the connection/i.test(message);
}

/**
 * A database failure as a VeilleError('STORE') naming the database (password hidden) and what
 * was being done; VeilleErrors pass through. The original error is kept as `cause`.
 */
export function storeError(location: string, doing: string, err: unknown): VeilleError {
  if (isVeilleError(err)) return err;
  const code = codeOf(err);
  const message = err instanceof Error ? err.message : String(err);
  let text = `${location}: ${doing} failed: ${message}${code ? ` (${code})` : ''}`;
  if (code === 'ECONNREFUSED') text = `${location}: cannot connect to PostgreSQL (${message}); is the server running and the URL right?`;
  else if (code === '3D000') text = `${location}: ${message}; create it first (createdb) or give another database`;
  else if (code === '28P01' || code === '28000') text = `${location}: PostgreSQL refused the credentials (${message})`;
  const error = new VeilleError('STORE', text, location);
  (error as { cause?: unknown }).cause = err;
  return error;
}

/** The URL with its password replaced by `***`, for messages and logs. */
export function redactUrl(location: string): string {
  try {
    const url = new URL(location);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return location.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
  }
}
