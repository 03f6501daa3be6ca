import { decodeCursor, encodeCursor, pageLimit } from '../paging.js';
import type { DocumentSummary, ListOptions, Page } from '../store.js';
import { documentConditions } from './filters.js';
import { Params, whereClause } from './params.js';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './rows.js';
import type { Queryable } from './queryable.js';
import { toPg } from './text.js';

// Undated documents sort as '' and so come last in descending order (the index documents_by_date).
const DATE_KEY = "coalesce(d.date, '')";

/** Documents by (date desc, id asc), with a keyset cursor: no duplicates or gaps between pages. */
export async function listDocuments(db: Queryable, options: ListOptions): Promise<Page<DocumentSummary>> {
  const limit = pageLimit(options.limit);
  const p = new Params();
  const where = documentConditions(p, options);
  if (options.cursor != null) {
    const [date, id] = decodeCursor(options.cursor, 'documents', 'ss');
    const d = p.add(toPg(String(date)));
    where.push(`${DATE_KEY} < ${d} OR (${DATE_KEY} = ${d} AND d.id > ${p.add(toPg(String(id)))})`);
  }
  const { rows } = await db.query<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM documents d ${whereClause(where)}
    ORDER BY ${DATE_KEY} DESC, d.id ASC LIMIT ${p.add(limit + 1)}`, p.values);
  const items = rows.slice(0, limit).map(toSummary);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor('documents', [last.date ?? '', last.id]) : null,
  };
}
