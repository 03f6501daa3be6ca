import type { Span } from '../../core/record.js';
import { foldName } from '../entity-key.js';
import type { Snippet } from '../store.js';

/** Words in a snippet, about as many as SQLite's (24 tokens). */
export const SNIPPET_WORDS = 24;
/** How far a word may run past a stem and still be marked as its match ("negoci" → "négociations"). */
const MAX_SUFFIX = 7;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/** The lexemes of a tsquery as PostgreSQL prints it (`'core' <2> 'nord' & 'nucl':*`). */
export function queryLexemes(tsquery: string): string[] {
  return [...tsquery.matchAll(/'((?:[^']|'')*)'/g)].map((m) => (m[1] ?? '').replaceAll("''", "'")).filter(Boolean);
}

/** Whether a folded word is a form of a lexeme (a stem is a prefix; English turns a final y into i). */
function matches(word: string, lexemes: readonly string[]): boolean {
  return lexemes.some((l) => {
    if (word.startsWith(l)) return word.length - l.length <= MAX_SUFFIX;
    return l.endsWith('i') && word.startsWith(`${l.slice(0, -1)}y`);
  });
}

/**
 * The excerpt of `text` around the most matches of the query's lexemes (the document
 * language's stems, as the index holds them), with the matched words marked. Computed here
 * rather than by ts_headline, which re-parses every document of the page (about 1 ms each).
 */
export function makeSnippet(text: string, lexemes: readonly string[], words = SNIPPET_WORDS): Snippet {
  const tokens = [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, hit: matches(foldName(m[0]), lexemes) }));
  if (tokens.length === 0) return { text: text.slice(0, 200), marks: [] };
  let best = 0;
  let bestHits = -1;
  let hits = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.hit) hits++;
    if (i >= words && tokens[i - words]!.hit) hits--;
    const start = Math.max(0, i - words + 1);
    if (hits > bestHits) [best, bestHits] = [start, hits];
  }
  // Start a little before the first match, so that it is read in context.
  const firstHit = tokens.findIndex((t, i) => i >= best && t.hit);
  const from = firstHit >= 0 ? Math.max(0, Math.min(best, firstHit - 3)) : 0;
  const window = tokens.slice(from, from + words);
  const startChar = window[0]!.start;
  const endChar = window[window.length - 1]!.end;
  const prefix = from > 0 ? '…' : '';
  const marks: Span[] = window.filter((t) => t.hit).map((t) => ({ start: t.start - startChar + prefix.length, end: t.end - startChar + prefix.length }));
  const suffix = from + words < tokens.length ? '…' : '';
  return { text: `${prefix}${text.slice(startChar, endChar)}${suffix}`, marks };
}
