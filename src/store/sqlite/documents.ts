import type { Database } from 'better-sqlite3';
import { decodeCursor, encodeCursor, pageLimit } from '../paging.js';
import type { DocumentSummary, ListOptions, Page } from '../store.js';
import { documentConditions, whereClause } from './filters.js';
import { statement } from './statements.js';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './rows.js';

// Undated documents sort as '' and so come last in descending order.
const DATE_KEY = "coalesce(d.date, '')";

/** Documents by (date desc, id asc), with a keyset cursor: no duplicates or gaps between pages. */
export function listDocuments(db: Database, options: ListOptions): Page<DocumentSummary> {
  const limit = pageLimit(options.limit);
  const { where, params } = documentConditions(options);
  if (options.cursor != null) {
    const [date, id] = decodeCursor(options.cursor, 'documents', 'ss');
    where.push(`${DATE_KEY} < @cursorDate OR (${DATE_KEY} = @cursorDate AND d.id > @cursorId)`);
    Object.assign(params, { cursorDate: date, cursorId: id });
  }
  const rows = statement(db, `SELECT ${SUMMARY_COLUMNS} FROM documents d ${whereClause(where)}
    ORDER BY ${DATE_KEY} DESC, d.id ASC LIMIT @limit`).all({ ...params, limit: limit + 1 }) as SummaryRow[];
  const items = rows.slice(0, limit).map(toSummary);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor('documents', [last.date ?? '', last.id]) : null,
  };
}
