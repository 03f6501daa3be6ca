import { setTimeout as sleep } from 'node:timers/promises';
import type PgBoss from 'pg-boss';
import { createPipeline } from '../analyzers/index.js';
import { isVeilleError } from '../core/errors.js';
import type { Pipeline } from '../core/pipeline.js';
import { isTransient } from '../store/postgres/errors.js';
import type { PutOutcome, Store } from '../store/store.js';
import { jobDocument } from './job.js';
import { retryTransient } from './retry.js';
import { ANALYZE_QUEUE, DEFAULT_POLL_SECONDS } from './settings.js';

export interface WorkerOptions {
  boss: PgBoss;
  store: Store;
  /** Jobs in flight in this process (default 2): one analyzes while another's write waits on the database. */
  concurrency?: number;
  pollSeconds?: number;
  pipeline?: Pipeline;
  /** How long a write or a job update is retried through a database outage (default 60 s) before the job is left to expire. */
  outageMs?: number;
  /** Told of each job's end and of background trouble, for logs. */
  onEvent?: (event: WorkerEvent) => void;
}

export type WorkerEvent =
  | { kind: 'done'; jobId: string; docId: string; outcome: PutOutcome; ms: number }
  | { kind: 'failed'; jobId: string; docId: string | null; error: string }
  | { kind: 'retrying'; doing: string; error: string }
  | { kind: 'fetch-error'; error: string };

export interface WorkerTotals {
  done: number;
  failed: number;
}

/** A running worker: `stop()` stops fetching and resolves once the jobs in hand are finished. */
export interface RunningWorker {
  stop(): Promise<WorkerTotals>;
  /** Resolves when every loop has ended (after stop()). */
  finished: Promise<WorkerTotals>;
  totals: WorkerTotals;
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Takes analysis jobs from the queue and stores their records, `concurrency` at a time, until
 * stopped. Each job: fetch (pg-boss marks it active), analyze, put the record (one
 * transaction: a worker killed before commit leaves nothing, and pg-boss gives the expired job
 * to another worker), then complete it. A bad document fails its job with the error kept
 * (pg-boss retries it, then keeps it failed). Database outages are waited out: writes and job
 * updates are retried on transient errors, fetching resumes when the server is back.
 *
 * Uses pg-boss's fetch/complete/fail rather than work(): every database call is awaited and
 * retried here, so an outage cannot surface as an unhandled rejection, and stopping never
 * fails a job in hand.
 */
export function startWorker(options: WorkerOptions): RunningWorker {
  const { boss, store } = options;
  const pipeline = options.pipeline ?? createPipeline();
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 2));
  const pollMs = (options.pollSeconds ?? DEFAULT_POLL_SECONDS) * 1000;
  const outageMs = options.outageMs ?? 60_000;
  const emit = options.onEvent ?? (() => undefined);
  const totals: WorkerTotals = { done: 0, failed: 0 };
  const idle = new AbortController();
  let stopping = false;

  const patiently = <T>(doing: string, fn: () => Promise<T>): Promise<T> =>
    retryTransient(fn, { withinMs: outageMs, onRetry: (err) => emit({ kind: 'retrying', doing, error: message(err) }) });

  async function handle(job: PgBoss.Job<unknown>): Promise<void> {
    const started = performance.now();
    let docId: string | null = null;
    let outcome: PutOutcome;
    try {
      const doc = jobDocument(job.data, job.id);
      docId = doc.id;
      const record = pipeline.analyze(doc);
      outcome = await patiently(`storing ${doc.id}`, () => store.putAnalysis(record));
    } catch (err) {
      // Still an outage after the window: leave the job active; it expires and is retried.
      if (isTransient(err)) return;
      totals.failed++;
      emit({ kind: 'failed', jobId: job.id, docId, error: message(err) });
      const error = { message: message(err), code: isVeilleError(err) ? err.code : null, input: isVeilleError(err) ? (err.input ?? null) : null };
      await patiently(`failing job ${job.id}`, () => boss.fail(ANALYZE_QUEUE, job.id, error)).catch(() => undefined);
      return;
    }
    await patiently(`completing job ${job.id}`, () => boss.complete(ANALYZE_QUEUE, job.id, { outcome })).catch(() => undefined);
    totals.done++;
    emit({ kind: 'done', jobId: job.id, docId: docId ?? '', outcome, ms: Math.round(performance.now() - started) });
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      let jobs: PgBoss.Job<unknown>[] = [];
      try {
        jobs = await boss.fetch<unknown>(ANALYZE_QUEUE, { batchSize: 1 });
      } catch (err) {
        emit({ kind: 'fetch-error', error: message(err) });
      }
      if (jobs.length === 0) {
        await sleep(pollMs, undefined, { signal: idle.signal }).catch(() => undefined);
        continue;
      }
      for (const job of jobs) await handle(job);
    }
  }

  const finished = Promise.all(Array.from({ length: concurrency }, loop)).then(() => totals);
  return {
    totals,
    finished,
    stop: async () => {
      stopping = true;
      idle.abort();
      return finished;
    },
  };
}
