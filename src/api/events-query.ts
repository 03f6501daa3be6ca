/**
 * Events across stored documents, filtered. The store has no events table yet, so this scans
 * `exportRecords()` (every record, in document-id order) and filters in memory: correct, but
 * linear in the number of documents. It is the one place to replace by a store query
 * (`Store.events(filter, page)`) when the store indexes events; the routes only call
 * `queryEvents` and `matchingEvents`.
 */
import { VeilleError } from '../core/errors.js';
import type { AnalysisRecord, EventRecord } from '../core/record.js';
import { checkFilters } from '../store/filters.js';
import { decodeCursor, encodeCursor, pageLimit } from '../store/paging.js';
import type { Page, Store } from '../store/store.js';

export interface EventFilter {
  /** PLOVER category (`CONSULT`), case-insensitive. */
  event?: string | null;
  /** An actor's code (`RUS`), case-insensitive; any actor of a compound actor matches. */
  actor?: string | null;
  recipient?: string | null;
  modality?: string | null;
  /** On the event's own date, as intervals (like the store's document filters); undated events are left out when a bound is given. */
  dateFrom?: string | null;
  dateTo?: string | null;
  /** Only the events of this document. */
  document?: string | null;
}

/** The document an event was read from: enough to cite it and link to it. */
export interface EventDocument {
  id: string;
  origin: string;
  title: string | null;
  date: string | null;
  source: AnalysisRecord['doc']['source'];
  language: string;
}

export interface EventRow {
  document: EventDocument;
  event: EventRecord;
}

const CURSOR_KIND = 'events';

/** Every matching event, in document-id order then record order. */
export async function* matchingEvents(store: Store, filter: EventFilter): AsyncIterable<EventRow & { index: number }> {
  checkFilters({ dateFrom: filter.dateFrom, dateTo: filter.dateTo });
  const keep = eventPredicate(filter);
  for await (const record of store.exportRecords()) {
    if (filter.document != null && record.doc.id !== filter.document) continue;
    const events = Array.isArray(record.events) ? record.events : [];
    for (const [index, event] of events.entries()) {
      if (keep(event)) yield { document: eventDocument(record), event, index };
    }
  }
}

/** One page of matching events; the cursor is the position (document id, index) of the last. */
export async function queryEvents(store: Store, filter: EventFilter, options: { limit: number; cursor?: string | null }): Promise<Page<EventRow>> {
  const limit = pageLimit(options.limit);
  const after = options.cursor ? decodeCursor(options.cursor, CURSOR_KIND, 'sn') : null;
  const items: EventRow[] = [];
  let last: [string, number] | null = null;
  for await (const row of matchingEvents(store, filter)) {
    if (after && (row.document.id < String(after[0]) || (row.document.id === after[0] && row.index <= Number(after[1])))) continue;
    if (items.length === limit) return { items, nextCursor: last ? encodeCursor(CURSOR_KIND, last) : null };
    items.push({ document: row.document, event: row.event });
    last = [row.document.id, row.index];
  }
  return { items, nextCursor: null };
}

function eventDocument(record: AnalysisRecord): EventDocument {
  const d = record.doc;
  return { id: d.id, origin: d.origin, title: d.title, date: d.date, source: d.source, language: d.language };
}

function eventPredicate(filter: EventFilter): (e: EventRecord) => boolean {
  const eq = (a: string | null | undefined, b: string): boolean => typeof a === 'string' && a.toUpperCase() === b.toUpperCase();
  const code = (list: unknown, wanted: string): boolean => Array.isArray(list) && list.some((p: { code?: string | null }) => eq(p?.code, wanted));
  if (filter.modality != null && !/^[a-z]+$/.test(filter.modality)) {
    throw new VeilleError('BAD_QUERY', `modality must be a word such as asserted or reported, not ${JSON.stringify(filter.modality)}`);
  }
  return (e) => {
    if (filter.event != null && !eq(e.event, filter.event)) return false;
    if (filter.actor != null && !code(e.actor, filter.actor)) return false;
    if (filter.recipient != null && !code(e.recipient, filter.recipient)) return false;
    if (filter.modality != null && e.modality !== filter.modality) return false;
    return dateWithin(e.date, filter.dateFrom, filter.dateTo);
  };
}

/**
 * Whether an ISO date (`2023`, `2023-10`, `2023-10-18`) may fall within the bounds, comparing
 * at the coarser precision of the two — the rule of the store's document filters.
 */
export function dateWithin(date: string | null | undefined, from: string | null | undefined, to: string | null | undefined): boolean {
  if (from == null && to == null) return true;
  if (typeof date !== 'string') return false;
  if (from != null && date < from.slice(0, date.length)) return false;
  if (to != null && date.slice(0, to.length) > to) return false;
  return true;
}
