import type { VeilleError } from '../core/errors.js';
import type { Source, Store } from '../store/store.js';
import { systemClock, type Clock } from './clock.js';
import { createFetcher, type Fetcher, type FetchOptions } from './fetcher.js';
import { HOST_DELAY_MS, HostQueue } from './host-queue.js';
import { pollLine } from './poll-line.js';
import type { DocumentSink } from './poll-item.js';
import { pollSource, type PollResult } from './poll-source.js';
import { nextPollAfterFailure, nextPollAfterSuccess } from './schedule.js';

/** Sources polled at once (each host still gets one request at a time). A few suffice: analysis, not the network, is the bottleneck. */
export const WATCH_CONCURRENCY = 4;
/** Longest sleep between looks at the schedule, so that a source added meanwhile is polled soon. */
export const IDLE_CHECK_MS = 15_000;

export interface WatchOptions {
  store: Store;
  /** What becomes of a new document (analyze and store, or enqueue). */
  sink: DocumentSink;
  /** Limits and `allowPrivate` for the fetcher made for the watch (ignored when `fetcher` is given). */
  fetch?: FetchOptions;
  fetcher?: Fetcher;
  /** Poll every due source once, then return. */
  once?: boolean;
  /** Stops the watch: the current document is finished, nothing new is started. */
  signal?: AbortSignal;
  clock?: Clock;
  hostDelayMs?: number;
  concurrency?: number;
  /** One line per poll (`lemonde.fr: 3 new, 27 unchanged, 210 ms`), with its result. */
  log?(line: string, result: PollResult): void;
  onItemError?(error: VeilleError, source: Source): void;
}

export interface WatchSummary {
  polls: number;
  failedPolls: number;
  added: number;
  unchanged: number;
  failedItems: number;
}

/** Runs `task` on every item, at most `limit` at a time. */
async function eachLimited<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
}

/**
 * Polls the sources that are due, again and again as they come due, until `signal` aborts
 * (or once, with `once`). Each poll is recorded (validators, next due time: the interval
 * after a success, backoff or Retry-After after a failure) and logged in one line; a
 * failing source never stops the others.
 * @example await watch({ store, sink: analyzeAndStore(store, createPipeline()), once: true, log: console.log });
 */
export async function watch(options: WatchOptions): Promise<WatchSummary> {
  const { store } = options;
  const clock = options.clock ?? systemClock;
  const signal = options.signal ?? new AbortController().signal;
  const fetcher = options.fetcher ?? createFetcher(options.fetch);
  const hosts = new HostQueue(options.hostDelayMs ?? HOST_DELAY_MS, clock);
  const summary: WatchSummary = { polls: 0, failedPolls: 0, added: 0, unchanged: 0, failedItems: 0 };
  const deps = {
    store, fetcher, hosts, sink: options.sink, signal, now: () => clock.now(),
    ...(options.onItemError ? { onItemError: options.onItemError } : {}),
  };

  const pollAndRecord = async (source: Source): Promise<void> => {
    if (signal.aborted) return;
    const result = await pollSource(source, deps);
    summary.added += result.added;
    summary.unchanged += result.unchanged;
    summary.failedItems += result.failed;
    if (result.status === 'interrupted') {
      options.log?.(pollLine(result), result);
      return; // not recorded: the source stays due and is polled first next time
    }
    summary.polls++;
    const now = new Date(clock.now());
    const failed = result.status === 'failed';
    if (failed) summary.failedPolls++;
    const nextPollAt = failed ? nextPollAfterFailure(source, result.error, now) : nextPollAfterSuccess(source, now);
    await store.recordPoll(source.id, {
      polledAt: now,
      nextPollAt,
      error: failed ? (result.error?.message ?? 'failed') : null,
      // A failed poll keeps the previous validators: a broken response must be read again, not answered 304.
      etag: failed ? source.etag : result.etag,
      lastModified: failed ? source.lastModified : result.lastModified,
    });
    options.log?.(pollLine(result, failed ? (nextPollAt.getTime() - now.getTime()) / 1000 : null), result);
  };

  try {
    while (!signal.aborted) {
      const due = await store.dueSources(new Date(clock.now()));
      await eachLimited(due, options.concurrency ?? WATCH_CONCURRENCY, pollAndRecord);
      if (options.once || signal.aborted) break;
      await clock.sleep(await untilNextDue(store, clock), signal).catch(() => undefined);
    }
  } finally {
    if (!options.fetcher) await fetcher.close();
  }
  return summary;
}

/** Milliseconds until the next source is due, at most IDLE_CHECK_MS. */
async function untilNextDue(store: Store, clock: Clock): Promise<number> {
  const times = (await store.listSources()).map((s) => Date.parse(s.nextPollAt)).filter(Number.isFinite);
  const next = times.length > 0 ? Math.min(...times) : Number.POSITIVE_INFINITY;
  return Math.max(0, Math.min(IDLE_CHECK_MS, next - clock.now()));
}
