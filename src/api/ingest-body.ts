/**
 * POST /api/ingest: the request body is read like a file (text, HTML, JSONL or a feed, by
 * its Content-Type), each document analyzed and stored. Failures are reported per input and
 * do not stop the others, as with `veille ingest`.
 */
import type { IngestedOutcome } from '../analyzers/index.js';
import { isVeilleError } from '../core/errors.js';
import { BATCH_SIZE } from '../core/pipeline.js';
import { readInput } from '../ingest/index.js';
import type { IngestedDocument } from '../ingest/types.js';
import type { PutOutcome, Store } from '../store/store.js';

/** From what a reader extracted to analysis records, a batch at a time, one outcome each in order (see `analyzeIngested`). */
export type AnalyzeDocuments = (docs: readonly IngestedDocument[]) => IngestedOutcome[];

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
  analyze: AnalyzeDocuments,
  input: { origin: string; bytes: Uint8Array; contentType: string | null },
): Promise<IngestResult> {
  const result: IngestResult = { documents: [], errors: [] };
  // A body is at most a few MB: read whole, then analysed and stored in batches, as `veille ingest` does.
  const read = [...readInput(input)];
  for (let from = 0; from < read.length; from += BATCH_SIZE) {
    const batch = read.slice(from, from + BATCH_SIZE);
    const analysed = analyze(batch.flatMap((outcome) => (outcome.ok ? [outcome.doc] : [])));
    const records = analysed.flatMap((a) => (a.ok ? [a.record] : []));
    const stored = await store.putAnalyses(records);
    let doc = 0;
    let next = 0;
    for (const outcome of batch) {
      if (!outcome.ok) {
        result.errors.push({ origin: outcome.error.input ?? input.origin, code: outcome.error.code, detail: outcome.error.message });
        continue;
      }
      const analysis = analysed[doc++]!;
      if (!analysis.ok) {
        const { error } = analysis;
        result.errors.push({ origin: analysis.input, code: isVeilleError(error) ? error.code : 'INTERNAL', detail: error instanceof Error ? error.message : String(error) });
        continue;
      }
      const put = stored[next++]!;
      // A store failure is the server's problem, not this input's: let it become a 500.
      if (!put.ok) throw put.error;
      const { doc: d } = analysis.record;
      result.documents.push({ id: d.id, origin: d.origin, title: d.title, language: d.language, status: put.outcome });
    }
  }
  return result;
}
