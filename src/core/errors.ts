/**
 * The one error type at Veille's boundaries. `code` is from a small catalogue so that callers
 * (CLI, API) can map it to an exit code or HTTP status; `input` names what failed.
 */
export type ErrorCode =
  | 'EMPTY'          // the input holds no text
  | 'NOT_TEXT'       // binary content
  | 'TOO_LARGE'      // over the size limit
  | 'UNREADABLE'     // cannot be read (missing file, permission)
  | 'MALFORMED'      // malformed feed, HTML, JSON
  | 'BAD_QUERY'      // a search query that cannot be answered
  | 'USAGE'          // wrong arguments
  | 'STORE';         // database failure

export class VeilleError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly input?: string,
  ) {
    super(message);
    this.name = 'VeilleError';
  }
}

export function isVeilleError(e: unknown): e is VeilleError {
  return e instanceof VeilleError;
}
