import { VeilleError, type ErrorCode } from '../core/errors.js';
import type { IngestedDocument, ReadOutcome } from './types.js';

export function success(doc: IngestedDocument): ReadOutcome {
  return { ok: true, doc };
}

/** A failed read; anything that is not a VeilleError already becomes `fallback`, naming `origin`. */
export function failure(error: unknown, origin: string, fallback: ErrorCode = 'MALFORMED'): ReadOutcome {
  if (error instanceof VeilleError) return { ok: false, error: error.input ? error : new VeilleError(error.code, error.message, origin) };
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, error: new VeilleError(fallback, message, origin) };
}

export function failed(code: ErrorCode, message: string, origin: string): ReadOutcome {
  return { ok: false, error: new VeilleError(code, message, origin) };
}

/** A file-system failure (missing file, permission) as UNREADABLE, naming the path. */
export function unreadable(e: unknown, path: string): ReadOutcome {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  const why = code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
  return failed('UNREADABLE', `cannot read: ${why}`, path);
}
