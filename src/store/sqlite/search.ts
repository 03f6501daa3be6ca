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

/** Full-text search, best bm25 first then id, with a keyset cursor on (rank, id). */
export function searchDocuments(db: Database, options: SearchOptions): Page<SearchHit> {
  const match = toFts5Query(parseSearchQuery(options.query));
  const limit = pageLimit(options.limit, DEFAULT_SEARCH_LIMIT);
  const { where, params } = documentConditions(options);
  where.unshift('documents_fts MATCH @match');
  params.match = match;
  let after = '';
  if (options.cursor != null) {
    const [rank, id] = decodeCursor(options.cursor, 'search', 'ns');
    after = 'WHERE rank > @cursorRank OR (rank = @cursorRank AND id > @cursorId)';
    Object.assign(params, { cursorRank: rank, cursorId: id });
  }
  let rows: (SummaryRow & { rank: number })[];
  try {
    rows = statement(db, `SELECT * FROM (
        SELECT ${SUMMARY_COLUMNS}, bm25(documents_fts, ${TITLE_WEIGHT}, ${TEXT_WEIGHT}) AS rank
        FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid ${whereClause(where)}
      ) ${after} ORDER BY rank, id LIMIT @limit`).all({ ...params, limit: limit + 1 }) as (SummaryRow & { rank: number })[];
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
