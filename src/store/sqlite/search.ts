import type { Database } from 'better-sqlite3';
import { VeilleError } from '../../core/errors.js';
import type { Span } from '../../core/record.js';
import { decodeCursor, encodeCursor, pageLimit } from '../paging.js';
import { parseSearchQuery, type QueryPart } from '../query.js';
import { DEFAULT_SEARCH_LIMIT, type Page, type SearchHit, type SearchOptions, type Snippet } from '../store.js';
import { documentConditions, whereClause, type Conditions } from './filters.js';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './rows.js';
import { statement } from './statements.js';

/** bm25 column weights (title, text): a word in the title counts twice — a judgement call, to tune with evals. */
const TITLE_WEIGHT = 2;
const TEXT_WEIGHT = 1;
/** Words around the matches in a snippet (FTS5 allows up to 64). */
const SNIPPET_TOKENS = 24;
// Unicode noncharacters: never in real text, so they can only be the snippet's own marks.
const MARK_OPEN = '\uFDD0';
const MARK_CLOSE = '\uFDD1';

/**
 * The FTS5 MATCH expression for parsed parts: each part one quoted phrase (a word is a
 * one-word phrase), ANDed. Parts hold only letters and digits; quotes are doubled anyway.
 */
export function toFts5Query(parts: QueryPart[]): string {
  return parts.map((p) => `"${p.words.join(' ').replaceAll('"', '""')}"${p.prefix ? '*' : ''}`).join(' AND ');
}

/**
 * Matches ranked together (see searchDocuments). bm25 costs one to two microseconds per
 * match, so a word found in half of a 100k-document store took 50–100 ms to rank whole; a
 * window ranks in a few milliseconds, and a store with fewer matches than this ranks whole.
 */
export const DEFAULT_SEARCH_WINDOW = 5000;
/** Candidates checked against the filters per statement, best first. */
const FILTER_BATCH = 500;

/** A match: its document's seq and bm25 rank (lower is better). */
type Match = [seq: number, rank: number];
/** Where a page ended: its window (by the window's ceiling seq), then (rank, seq) within it. */
interface Cursor { ceiling: number; rank: number; seq: number }
interface Hit { seq: number; rank: number; ceiling: number }

/**
 * Full-text search. Matches are ranked in windows of `window` matches, the most recently
 * stored first: within a window best bm25 first, ties the most recent first; then the window
 * before it, and so on until every match has been returned once. A keyset cursor (window,
 * rank, seq) pages through, unmoved by documents stored after the first page.
 */
export function searchDocuments(db: Database, options: SearchOptions, window = DEFAULT_SEARCH_WINDOW): Page<SearchHit> {
  const parts = parseSearchQuery(options.query);
  const match = toFts5Query(parts);
  const limit = pageLimit(options.limit, DEFAULT_SEARCH_LIMIT);
  const conditions = documentConditions(options);
  let cursor: Cursor | null = null;
  if (options.cursor != null) {
    const [ceiling, rank, seq] = decodeCursor(options.cursor, 'search', 'nnn');
    cursor = { ceiling: Number(ceiling), rank: Number(rank), seq: Number(seq) };
  }
  let hits: Hit[] = [];
  let summaries = new Map<number, SummaryRow>();
  let snippets = new Map<number, Snippet>();
  try {
    // One read transaction: every statement sees the same snapshot, whatever a writer commits meanwhile.
    db.transaction(() => {
      hits = hitsInWindows(db, match, limit + 1, cursor, conditions, Number.isFinite(window) ? Math.max(1, Math.floor(window)) : DEFAULT_SEARCH_WINDOW);
      const seqs = hits.slice(0, limit).map((h) => h.seq);
      summaries = summariesOf(db, seqs);
      snippets = snippetsOf(db, match, seqs, parts.some((p) => p.prefix));
    })();
  } catch (err) {
    // Parsed queries are always valid FTS5; should one not be, it is the query's fault, not the store's.
    if (err instanceof Error && err.message.startsWith('fts5')) throw new VeilleError('BAD_QUERY', `cannot search for ${JSON.stringify(options.query)}: ${err.message}`);
    throw err;
  }
  const page = hits.slice(0, limit).flatMap((hit) => {
    const row = summaries.get(hit.seq);
    return row ? [{ ...toSummary(row), snippet: snippets.get(hit.seq) ?? { text: '', marks: [] }, score: -hit.rank }] : [];
  });
  const last = hits[limit - 1];
  return {
    items: page,
    nextCursor: hits.length > limit && last ? encodeCursor('search', [last.ceiling, last.rank, last.seq]) : null,
  };
}

/** Up to `take` hits from the cursor on, window after window. */
function hitsInWindows(db: Database, match: string, take: number, cursor: Cursor | null, conditions: Conditions, window: number): Hit[] {
  const hits: Hit[] = [];
  let ceiling = cursor?.ceiling ?? lastSeq(db) + 1;
  let after: Cursor | null = cursor;
  while (hits.length < take) {
    const matches = windowMatches(db, match, ceiling, window);
    const ranked = matches
      .filter(([seq, rank]) => !after || rank > after.rank || (rank === after.rank && seq < after.seq))
      .sort((a, b) => a[1] - b[1] || b[0] - a[0]);
    for (const [seq, rank] of passing(db, ranked, take - hits.length, conditions)) hits.push({ seq, rank, ceiling });
    if (matches.length < window) break; // the oldest window
    ceiling = matches[matches.length - 1]![0];
    after = null;
  }
  return hits;
}

function lastSeq(db: Database): number {
  return (statement(db, 'SELECT coalesce(max(seq), 0) AS seq FROM documents').get() as { seq: number }).seq;
}

/**
 * The `window` most recent matches below the ceiling, newest first, with their bm25 ranks:
 * one pass of the index, no document read.
 */
function windowMatches(db: Database, match: string, ceiling: number, window: number): Match[] {
  return statement(db, `SELECT rowid, bm25(documents_fts, ${TITLE_WEIGHT}, ${TEXT_WEIGHT}) FROM documents_fts
    WHERE documents_fts MATCH @match AND rowid < @ceiling ORDER BY rowid DESC LIMIT @window`)
    .raw(true).all({ match, ceiling, window }) as Match[];
}

/** The first `take` of the ranked matches whose documents pass the filters, checked a batch at a time. */
function passing(db: Database, ranked: Match[], take: number, conditions: Conditions): Match[] {
  if (conditions.where.length === 0) return ranked.slice(0, take);
  const kept: Match[] = [];
  const check = statement(db, `SELECT d.seq FROM documents d
    ${whereClause(['d.seq IN (SELECT value FROM json_each(@seqs))', ...conditions.where])}`).pluck(true);
  for (let i = 0; i < ranked.length && kept.length < take; i += FILTER_BATCH) {
    const batch = ranked.slice(i, i + FILTER_BATCH);
    const ok = new Set(check.all({ ...conditions.params, seqs: JSON.stringify(batch.map(([seq]) => seq)) }) as number[]);
    for (const m of batch) if (ok.has(m[0]) && kept.length < take) kept.push(m);
  }
  return kept;
}

function summariesOf(db: Database, seqs: number[]): Map<number, SummaryRow> {
  const rows = statement(db, `SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.seq IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(seqs)) as SummaryRow[];
  return new Map(rows.map((r) => [r.seq, r]));
}

/**
 * The best excerpt of each document for the query, its matches as spans. A prefix query is
 * expanded to its words once per statement: its snippets come from one pass over the page's
 * seq range rather than one lookup (and one expansion) per document.
 */
function snippetsOf(db: Database, match: string, seqs: number[], prefix: boolean): Map<number, Snippet> {
  const marked = `snippet(documents_fts, -1, @open, @close, '…', ${SNIPPET_TOKENS})`;
  const marks = { open: MARK_OPEN, close: MARK_CLOSE, match };
  const out = new Map<number, Snippet>();
  if (seqs.length === 0) return out;
  if (prefix) {
    const rows = statement(db, `SELECT rowid AS seq, ${marked} AS s FROM documents_fts
      WHERE documents_fts MATCH @match AND rowid BETWEEN @low AND @high AND +rowid IN (SELECT value FROM json_each(@seqs))`)
      .all({ ...marks, low: Math.min(...seqs), high: Math.max(...seqs), seqs: JSON.stringify(seqs) }) as { seq: number; s: string | null }[];
    for (const row of rows) out.set(row.seq, parseMarks(row.s ?? ''));
    return out;
  }
  const one = statement(db, `SELECT ${marked} AS s FROM documents_fts WHERE documents_fts MATCH @match AND rowid = @seq`).pluck(true);
  for (const seq of seqs) out.set(seq, parseMarks((one.get({ ...marks, seq }) as string | null | undefined) ?? ''));
  return out;
}

/** Removes the marks from FTS5's snippet and records where they were. */
function parseMarks(marked: string): Snippet {
  let text = '';
  const marks: Span[] = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === MARK_OPEN) open = text.length;
    else if (ch === MARK_CLOSE && open >= 0) {
      marks.push({ start: open, end: text.length });
      open = -1;
    } else text += ch;
  }
  return { text, marks };
}
