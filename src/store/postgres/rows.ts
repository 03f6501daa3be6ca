import type { DocumentSummary } from '../store.js';
import { fromPg } from './text.js';

/** The columns of `documents` (aliased `d`) that make a DocumentSummary. */
export const SUMMARY_COLUMNS = 'd.id, d.origin, d.source_name, d.source_url, d.title, d.date, d.language, d.ingested_at';

export interface SummaryRow {
  id: string;
  origin: string;
  source_name: string | null;
  source_url: string | null;
  title: string | null;
  date: string | null;
  language: string;
  ingested_at: Date;
}

export function toSummary(row: SummaryRow): DocumentSummary {
  return {
    id: row.id,
    origin: fromPg(row.origin),
    source: { name: fromPg(row.source_name), url: fromPg(row.source_url) },
    title: fromPg(row.title),
    date: fromPg(row.date),
    language: fromPg(row.language),
    ingestedAt: row.ingested_at.toISOString(),
  };
}
