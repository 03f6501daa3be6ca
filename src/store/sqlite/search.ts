import type { Database } from 'better-sqlite3';
import { VeilleError } from '../../core/errors.js';
import type { Span } from '../../core/record.js';
import { decodeCursor, encodeCursor, pageLimit } from '../paging.js';
import { parseSearchQuery, type QueryPart } from '../query.js';
import { DEFAULT_SEARCH_LIMIT, type Page, type SearchHit, type SearchOptions, type Snippet } from '../store.js';
import { documentConditions, whereClause } from './filters.js';
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

/** Best-ranked matches the index alone hands to the join beyond a page: room for ties at the cut. */
const TIE_ROOM = 16;

type RankedRow = SummaryRow & { rank: number };
interface Cursor { rank: number; id: string }

/** Full-text search, best bm25 first then id, with a keyset cursor on (rank, id). */
export function searchDocuments(db: Database, options: SearchOptions): Page<SearchHit> {
  const match = toFts5Query(parseSearchQuery(options.query));
  const limit = pageLimit(options.limit, DEFAULT_SEARCH_LIMIT);
  const { where, params } = documentConditions(options);
  let cursor: Cursor | null = null;
  if (options.cursor != null) {
    const [rank, id] = decodeCursor(options.cursor, 'search', 'ns');
    cursor = { rank: Number(rank), id: String(id) };
  }
  let rows: RankedRow[];
  try {
    rows = (where.length === 0 ? bestFromIndex(db, match, limit, cursor) : null) ?? rankAll(db, match, limit, cursor, where, params);
  } catch (err) {
    // Parsed queries are always valid FTS5; should one not be, it is the query's fault, not the store's.
    if (err instanceof Error && err.message.startsWith('fts5')) throw new VeilleError('BAD_QUERY', `cannot search for ${JSON.stringify(options.query)}: ${err.message}`);
    throw err;
  }
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({ ...toSummary(row), snippet: snippet(db, match, row.seq), score: -row.rank })),
    nextCursor: rows.length > limit && last ? encodeCursor('search', [last.rank, last.id]) : null,
  };
}

const AFTER_CURSOR = 'rank > @cursorRank OR (rank = @cursorRank AND id > @cursorId)';
const cursorParams = (cursor: Cursor | null): Record<string, string | number> =>
  cursor ? { cursorRank: cursor.rank, cursorId: cursor.id } : {};

/** Every match joined to its document, ranked: what filters need. */
function rankAll(db: Database, match: string, limit: number, cursor: Cursor | null, where: string[], params: Record<string, string | number>): RankedRow[] {
  return statement(db, `SELECT * FROM (
      SELECT ${SUMMARY_COLUMNS}, bm25(documents_fts, ${TITLE_WEIGHT}, ${TEXT_WEIGHT}) AS rank
      FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid ${whereClause(['documents_fts MATCH @match', ...where])}
    ) ${cursor ? `WHERE ${AFTER_CURSOR}` : ''} ORDER BY rank, id LIMIT @limit`)
    .all({ ...params, ...cursorParams(cursor), match, limit: limit + 1 }) as RankedRow[];
}

/**
 * Without filters, the index ranks its matches alone and only the best few are joined to their
 * documents: a common word matching half the corpus no longer reads half the documents table.
 * Null when the cut may have split a tie that decides the page (the caller ranks everything).
 */
function bestFromIndex(db: Database, match: string, limit: number, cursor: Cursor | null): RankedRow[] | null {
  const taken = limit + 1 + TIE_ROOM;
  const rows = statement(db, `SELECT ${SUMMARY_COLUMNS}, best.rank AS rank FROM (
      SELECT rowid, rank FROM documents_fts
      WHERE documents_fts MATCH @match AND rank MATCH 'bm25(${TITLE_WEIGHT}, ${TEXT_WEIGHT})' ${cursor ? 'AND rank >= @cursorRank' : ''}
      ORDER BY rank LIMIT @taken
    ) best JOIN documents d ON d.seq = best.rowid ORDER BY best.rank, d.id`)
    .all({ ...cursorParams(cursor), match, taken }) as RankedRow[];
  const after = cursor ? rows.filter((r) => r.rank > cursor.rank || (r.rank === cursor.rank && r.id > cursor.id)) : rows;
  const page = after.slice(0, limit + 1);
  // Matches left out rank at or after the last one taken: the page is exact when it ends before that rank.
  const cut = rows.length === taken ? rows[rows.length - 1]!.rank : Infinity;
  const end = page[page.length - 1];
  const complete = rows.length < taken || (page.length === limit + 1 && end !== undefined && end.rank < cut);
  return complete ? page : null;
}

/** The best excerpt of one document for the query, its matches as spans. */
function snippet(db: Database, match: string, seq: number): Snippet {
  const row = statement(db, `SELECT snippet(documents_fts, -1, @open, @close, '…', ${SNIPPET_TOKENS}) AS s
    FROM documents_fts WHERE documents_fts MATCH @match AND rowid = @seq`)
    .get({ open: MARK_OPEN, close: MARK_CLOSE, match, seq }) as { s: string | null } | undefined;
  return parseMarks(row?.s ?? '');
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
