import { VeilleError, isVeilleError } from '../../core/errors.js';

/**
 * A database failure as a VeilleError('STORE') that says which database and what was being
 * done; VeilleErrors pass through unchanged.
 */
export function storeError(location: string, doing: string, err: unknown): VeilleError {
  if (isVeilleError(err)) return err;
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'SQLITE_NOTADB') {
    return new VeilleError('STORE', `${location} is not a SQLite database (${message}); give the path of a Veille store or of a new file`, location);
  }
  if (code === 'SQLITE_CORRUPT') {
    return new VeilleError('STORE', `${location} is damaged (${message}) while ${doing}`, location);
  }
  return new VeilleError('STORE', `${location}: ${doing} failed: ${message}${code ? ` (${code})` : ''}`, location);
}
