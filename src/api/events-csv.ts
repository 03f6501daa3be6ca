/**
 * Events as CSV (RFC 4180), one row per event, compound actors joined with `;`. Cells that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR at the start) get a leading
 * apostrophe (OWASP CSV injection advice): event texts come from articles.
 */
import type { EventParticipant } from '../core/record.js';
import type { EventRow } from './events-query.js';

export const EVENT_CSV_COLUMNS = [
  'doc_id', 'doc_date', 'source', 'language', 'event_id', 'event', 'quad_code', 'event_scale', 'modality', 'date',
  'actor_codes', 'actor_names', 'recipient_codes', 'recipient_names', 'mode', 'context', 'event_loc', 'attributed_to',
  'event_text', 'start', 'end', 'rule', 'title', 'origin',
] as const;

type Cell = string | number | null | undefined;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

const codes = (ps: EventParticipant[] | undefined): string => (ps ?? []).map((p) => p.code ?? '').join(';');
const names = (ps: EventParticipant[] | undefined): string => (ps ?? []).map((p) => p.name).join(';');

export function eventCsvLine(row: EventRow): string {
  const { document: d, event: e } = row;
  return csvLine([
    d.id, d.date, d.source.name, d.language, e.id, e.event, e.quad_code, e.event_scale, e.modality, e.date,
    codes(e.actor), names(e.actor), codes(e.recipient), names(e.recipient), (e.mode ?? []).join(';'), (e.context ?? []).join(';'),
    e.event_loc?.name ?? null, e.attributed_to, e.event_text, e.start, e.end, e.rule, d.title, d.origin,
  ]);
}

/** The header line, then one line per event. */
export async function* eventsCsv(rows: AsyncIterable<EventRow>): AsyncIterable<string> {
  yield csvLine([...EVENT_CSV_COLUMNS]);
  for await (const row of rows) yield eventCsvLine(row);
}
