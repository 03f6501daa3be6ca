import { VeilleError } from '../core/errors.js';

/**
 * One part of a search query: a word, or words that must follow each other (a phrase).
 * `prefix`: the last word may be the start of a longer word (`nucl*`).
 */
export interface QueryPart {
  words: string[];
  prefix: boolean;
}

/** Longer queries are refused rather than cut: a silently truncated search misleads. */
export const MAX_QUERY_LENGTH = 1000;
export const MAX_QUERY_PARTS = 32;

// A word is a run of letters and digits (combining marks kept so decomposed accents stay inside).
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
// A quoted phrase (the closing quote may be missing), or words joined by hyphens or
// apostrophes, with an optional `*`. Anything else (spaces, operators, NUL, emoji) separates.
const CHUNK = /"([^"]*)"?|[\p{L}\p{N}\p{M}'’\-‐‑*]+/gu;

/**
 * Turns what a user typed into parts that every backend renders safely: only letters and
 * digits survive, so operators, quotes, parentheses and SQL never reach the engine.
 * `a b` → both words; `"a b"` → the phrase; `nord-coréen` / `l'Ukraine` → a phrase (the
 * words are joined in the text too); `nucl*` → a prefix.
 *
 * @example parseSearchQuery('"Corée du Nord" missile*')
 *   // [{ words: ['Corée', 'du', 'Nord'], prefix: false }, { words: ['missile'], prefix: true }]
 */
export function parseSearchQuery(query: string): QueryPart[] {
  if (typeof query !== 'string') throw new VeilleError('BAD_QUERY', 'the search query must be a string');
  if (query.length > MAX_QUERY_LENGTH) {
    throw new VeilleError('BAD_QUERY', `the search query is ${query.length} characters long; the limit is ${MAX_QUERY_LENGTH}`);
  }
  const parts: QueryPart[] = [];
  for (const m of query.normalize('NFC').matchAll(CHUNK)) {
    const quoted = m[1] !== undefined;
    const chunk = quoted ? (m[1] ?? '') : m[0];
    const words = chunk.match(WORD) ?? [];
    if (words.length === 0) continue;
    parts.push({ words, prefix: !quoted && chunk.endsWith('*') });
  }
  if (parts.length === 0) {
    throw new VeilleError('BAD_QUERY', `the search query ${preview(query)} has no word to search for (letters or digits)`);
  }
  if (parts.length > MAX_QUERY_PARTS) {
    throw new VeilleError('BAD_QUERY', `the search query has ${parts.length} words or phrases; the limit is ${MAX_QUERY_PARTS}`);
  }
  return parts;
}

/** A short, printable rendering of user input for error messages. */
function preview(s: string): string {
  const clean = s.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return JSON.stringify(clean.length > 60 ? `${clean.slice(0, 60)}…` : clean);
}
