import { VeilleError, isVeilleError } from '../core/errors.js';
import type { ReadOutcome } from '../ingest/types.js';
import type { SeenItem, Source } from '../store/store.js';
import { feedItemFacts, itemKeys, type ItemFacts } from './feed-items.js';
import { HostQueue } from './host-queue.js';
import { pollItem, type ItemDeps } from './poll-item.js';
import { fetchedInput, readFetched } from './read-url.js';

export interface PollDeps extends ItemDeps {
  /** Milliseconds since the epoch (the poll's duration is measured with it). */
  now(): number;
  /** Told of each item that failed, or kept its summary because its article failed; the poll goes on. */
  onItemError?(error: VeilleError, source: Source): void;
}

export interface PollResult {
  source: Source;
  /** 'interrupted': stopped midway (nothing to record; the source stays due). */
  status: 'ok' | 'not-modified' | 'failed' | 'interrupted';
  added: number;
  unchanged: number;
  failed: number;
  ms: number;
  /** Why the poll failed (status 'failed'). */
  error: VeilleError | null;
  /** The validators to send next time. */
  etag: string | null;
  lastModified: string | null;
}

/** A failure of the whole input (a malformed feed, binary content) rather than of one item. An empty feed is not one. */
function inputFailure(outcomes: ReadOutcome[], url: string): VeilleError | null {
  const [only] = outcomes;
  if (outcomes.length !== 1 || !only || only.ok || only.error.input !== url) return null;
  return only.error.code === 'EMPTY' ? null : only.error;
}

/**
 * Polls one source once: a conditional request through the host queue, then each of its
 * documents (feed items, or the page) that is not known yet is analyzed and stored — items
 * known by link or guid are skipped unread, summaries are replaced by the linked article.
 * Stops between documents when `deps.signal` aborts. Never throws.
 */
export async function pollSource(source: Source, deps: PollDeps): Promise<PollResult> {
  const started = deps.now();
  const result: PollResult = {
    source, status: 'ok', added: 0, unchanged: 0, failed: 0, ms: 0, error: null, etag: source.etag, lastModified: source.lastModified,
  };
  const done = (status: PollResult['status'], error: VeilleError | null = null): PollResult =>
    Object.assign(result, { status, error, ms: Math.max(0, Math.round(deps.now() - started)) });
  let outcomes: ReadOutcome[];
  let facts: ReturnType<typeof feedItemFacts>;
  try {
    const validators = { etag: source.etag, lastModified: source.lastModified };
    const fetched = await deps.hosts.run(HostQueue.hostOf(source.url), () => deps.fetcher.fetch(source.url, validators, deps.signal), deps.signal);
    result.etag = fetched.etag ?? source.etag;
    result.lastModified = fetched.lastModified ?? source.lastModified;
    if (fetched.notModified) return done('not-modified');
    const input = fetchedInput(fetched, source.url);
    outcomes = readFetched(input);
    facts = feedItemFacts(input, fetched.finalUrl);
  } catch (error) {
    if (deps.signal.aborted) return done('interrupted');
    return done('failed', isVeilleError(error) ? error : new VeilleError('UNREADABLE', String(error), source.url));
  }
  const failure = inputFailure(outcomes, source.url);
  if (failure) return done('failed', failure);
  if (facts && facts.length !== outcomes.length) facts = null; // not aligned with the documents: go by text alone
  try {
    await pollItems(outcomes, facts, result, deps);
  } catch (error) {
    // The store failed (items are checked and remembered there): the poll as a whole did.
    return done('failed', isVeilleError(error) ? error : new VeilleError('STORE', String(error), source.url));
  }
  return done(deps.signal.aborted ? 'interrupted' : 'ok');
}

/** Each document in turn, counted into `result`; returns early when the signal aborts. */
async function pollItems(outcomes: ReadOutcome[], facts: ItemFacts[] | null, result: PollResult, deps: PollDeps): Promise<void> {
  const { source } = result;
  const keys = outcomes.map((_, i) => itemKeys(source.id, facts?.[i]));
  const seen = await deps.store.seenItems(keys.flat());
  for (const [i, outcome] of outcomes.entries()) {
    if (deps.signal.aborted) return;
    const itemKeysNow = keys[i] ?? [];
    if (itemKeysNow.some((k) => seen.has(k))) {
      result.unchanged++;
      continue;
    }
    const item = await pollItem(source, outcome, facts?.[i], deps);
    if (item.kind === 'failed') {
      if (deps.signal.aborted) return;
      result.failed++;
      deps.onItemError?.(item.error, source);
      continue;
    }
    if (item.warning) deps.onItemError?.(item.warning, source);
    result[item.kind]++;
    const remembered: SeenItem[] = itemKeysNow.map((key) => ({ key, docId: item.docId, sourceId: source.id }));
    if (remembered.length > 0) await deps.store.rememberItems(remembered);
    for (const key of itemKeysNow) seen.add(key);
  }
}
