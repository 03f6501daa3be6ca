import { isVeilleError } from '../core/errors.js';

/** A query error (bad search syntax, date filter, cursor) as a message for the page; anything else is rethrown. */
export function userError(error: unknown): string {
  if (isVeilleError(error) && (error.code === 'BAD_QUERY' || error.code === 'USAGE')) return error.message;
  throw error;
}
