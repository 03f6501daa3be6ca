import { VeilleError, isVeilleError } from '../core/errors.js';
import type { Doc } from '../core/record.js';
import type { ReadOutcome } from '../ingest/types.js';
import type { PutOutcome, Source, Store } from '../store/store.js';
import { toDocument } from '../text/document.js';
import type { ItemFacts } from './feed-items.js';
import type { Fetcher } from './fetcher.js';
import { isSummaryOnly, withFullArticle } from './full-article.js';
import type { HostQueue } from './host-queue.js';

/** Where a new document goes: analyzed and stored inline, or (with workers) queued as a job. */
export type DocumentSink = (doc: Doc) => Promise<PutOutcome>;

export interface ItemDeps {
  store: Store;
  fetcher: Fetcher;
  hosts: HostQueue;
  sink: DocumentSink;
  signal: AbortSignal;
}

export type ItemResult =
  | { kind: 'added' | 'unchanged'; docId: string; /** The article at the link could not be read; the summary was kept. */ warning?: VeilleError }
  | { kind: 'failed'; error: VeilleError };

function asVeilleError(error: unknown, input: string): VeilleError {
  if (isVeilleError(error)) return error.input ? error : new VeilleError(error.code, error.message, input);
  return new VeilleError('MALFORMED', error instanceof Error ? error.message : String(error), input);
}

/**
 * One document of a polled source (a feed item, or the page itself): a summary replaced by
 * the article at its link, the source's name given to it, then skipped when a document
 * with the same id (the hash of its normalized text) is stored already, else handed to the
 * sink. Item keys are checked by the caller before, and remembered by it after.
 */
export async function pollItem(source: Source, outcome: ReadOutcome, facts: ItemFacts | undefined, deps: ItemDeps): Promise<ItemResult> {
  let item = outcome.ok ? outcome.doc : null;
  // An item with no text of its own (a title and a link) is read from its link.
  if (!outcome.ok && !(outcome.error.code === 'EMPTY' && facts?.link)) return { kind: 'failed', error: outcome.error };
  let fetchError: unknown = null;
  if (facts?.link && isSummaryOnly(item, facts)) ({ doc: item, error: fetchError } = await withFullArticle(item, facts.link, deps));
  if (!item) return { kind: 'failed', error: asVeilleError(fetchError ?? (outcome.ok ? null : outcome.error), facts?.link ?? source.url) };
  if (source.name) item = { ...item, source: { ...item.source, name: source.name } };
  const warning = fetchError ? { warning: asVeilleError(fetchError, facts?.link ?? item.origin) } : {};
  try {
    const doc = toDocument(item);
    if (await deps.store.hasDocument(doc.id)) return { kind: 'unchanged', docId: doc.id, ...warning };
    const put = await deps.sink(doc);
    return { kind: put === 'inserted' ? 'added' : 'unchanged', docId: doc.id, ...warning };
  } catch (error) {
    return { kind: 'failed', error: asVeilleError(error, item.origin) };
  }
}
