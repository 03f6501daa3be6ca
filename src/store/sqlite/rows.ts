import type { DocumentSummary } from '../store.js';

/** The columns of `documents` (aliased `d`) that make a DocumentSummary. */
export const SUMMARY_COLUMNS =
  'd.seq, d.id, d.origin, d.source_name, d.source_url, d.title, d.date, d.language, d.ingested_at';

export interface SummaryRow {
  seq: number;
  id: string;
  origin: string;
  source_name: string | null;
  source_url: string | null;
  title: string | null;
  date: string | null;
  language: string;
  ingested_at: string;
}

export function toSummary(row: SummaryRow): DocumentSummary {
  return {
    id: row.id,
    origin: row.origin,
    source: { name: row.source_name, url: row.source_url },
    title: row.title,
    date: row.date,
    language: row.language,
    ingestedAt: row.ingested_at,
  };
}
