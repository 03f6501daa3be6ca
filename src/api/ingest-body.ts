/**
 * POST /api/ingest: the request body is read like a file (text, HTML, JSONL or a feed, by
 * its Content-Type), each document analyzed and stored. Failures are reported per input and
 * do not stop the others, as with `veille ingest`.
 */
import { isVeilleError } from '../core/errors.js';
import type { AnalysisRecord } from '../core/record.js';
import { readInput } from '../ingest/index.js';
import type { IngestedDocument } from '../ingest/types.js';
import type { PutOutcome, Store } from '../store/store.js';

/** From what a reader extracted to the analysis record (normalization, language, analyzers). */
export type AnalyzeDocument = (doc: IngestedDocument) => AnalysisRecord;

export interface IngestedItem {
  id: string;
  origin: string;
  title: string | null;
  language: string;
  status: PutOutcome;
}

export interface IngestFailure {
  origin: string;
  code: string;
  detail: string;
}

export interface IngestResult {
  documents: IngestedItem[];
  errors: IngestFailure[];
}

/**
 * The Content-Types the ingest endpoint reads (others are answered 415). They are those the
 * ingest layer's format detection knows; `application/octet-stream` leaves it to sniffing.
 */
export const INGEST_CONTENT_TYPES = [
  'text/plain', 'text/markdown', 'text/html', 'application/xhtml+xml',
  'application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/x-jsonlines', 'application/json',
  'application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml',
  'application/octet-stream',
] as const;

export async function ingestBody(
  store: Store,
  analyze: AnalyzeDocument,
  input: { origin: string; bytes: Uint8Array; contentType: string | null },
): Promise<IngestResult> {
  const result: IngestResult = { documents: [], errors: [] };
  for (const outcome of readInput(input)) {
    if (!outcome.ok) {
      result.errors.push({ origin: outcome.error.input ?? input.origin, code: outcome.error.code, detail: outcome.error.message });
      continue;
    }
    try {
      const record = analyze(outcome.doc);
      const status = await store.putAnalysis(record);
      result.documents.push({ id: record.doc.id, origin: record.doc.origin, title: record.doc.title, language: record.doc.language, status });
    } catch (error) {
      // A store failure is the server's problem, not this input's: let it become a 500.
      if (isVeilleError(error) && error.code === 'STORE') throw error;
      const code = isVeilleError(error) ? error.code : 'INTERNAL';
      const detail = error instanceof Error ? error.message : String(error);
      result.errors.push({ origin: outcome.doc.origin, code, detail });
    }
  }
  return result;
}
