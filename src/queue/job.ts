import { VeilleError } from '../core/errors.js';
import { documentId } from '../core/ids.js';
import type { Doc } from '../core/record.js';

/**
 * One job of the analysis queue: a document already read and normalized where it was
 * enqueued (`veille ingest --queue`), so that a worker on any machine can analyze it without
 * the enqueuer's files, stdin or network. `v` versions the payload.
 */
export interface AnalyzeJob {
  v: 1;
  doc: Doc;
}

export function analyzeJob(doc: Doc): AnalyzeJob {
  return { v: 1, doc };
}

const isText = (v: unknown): v is string => typeof v === 'string';
const isTextOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';

/**
 * The document of a job's payload, checked: a payload that is not one (another version, an
 * edited row) fails its job with a message saying what is wrong, instead of storing garbage.
 */
export function jobDocument(data: unknown, jobId: string): Doc {
  const bad = (why: string): VeilleError => new VeilleError('MALFORMED', `job ${jobId}: ${why}`, `job:${jobId}`);
  if (typeof data !== 'object' || data === null || (data as { v?: unknown }).v !== 1) throw bad('not a version 1 analysis job');
  const doc = (data as { doc?: Partial<Doc> }).doc;
  if (typeof doc !== 'object' || doc === null) throw bad('no document');
  if (!isText(doc.id) || !isText(doc.origin) || !isText(doc.text) || !isText(doc.language)) throw bad('the document lacks id, origin, text or language');
  if (!isTextOrNull(doc.title) || !isTextOrNull(doc.date) || typeof doc.source !== 'object' || doc.source === null) throw bad('the document has a bad title, date or source');
  if (!isTextOrNull(doc.source.name) || !isTextOrNull(doc.source.url)) throw bad('the document has a bad source');
  if (documentId(doc.text) !== doc.id) throw bad(`the document id ${doc.id} is not the hash of its text`);
  return {
    id: doc.id, origin: doc.origin, source: { name: doc.source.name, url: doc.source.url },
    title: doc.title, date: doc.date, language: doc.language, text: doc.text,
  };
}
