/**
 * The analysis queue's name and its jobs' defaults. A job is one normalized document to
 * analyze and store; its settings decide how a failure or a dead worker is recovered.
 */
export const ANALYZE_QUEUE = 'veille-analyze';

export interface JobSettings {
  /** Attempts after the first before a job stays failed (its error kept). */
  retryLimit: number;
  /** Seconds before the first retry; doubled each time with jitter (retryBackoff). */
  retryDelay: number;
  retryBackoff: boolean;
  /**
   * Seconds a job may stay active. A worker that dies (SIGKILL, lost machine) holds its job
   * until then; pg-boss's supervision then puts it back for another worker. Long enough for
   * the largest document's analysis (a retry is harmless anyway: writes are idempotent).
   */
  expireInSeconds: number;
}

export const DEFAULT_JOB_SETTINGS: JobSettings = {
  retryLimit: 5,
  retryDelay: 10,
  retryBackoff: true,
  expireInSeconds: 300,
};

/** How often a worker looks for expired jobs of dead workers (pg-boss "maintenance"; any one worker does it). */
export const DEFAULT_SUPERVISE_SECONDS = 30;
/** How long an idle worker waits before asking for jobs again. */
export const DEFAULT_POLL_SECONDS = 1;
/** Failed jobs stay listed (`veille queue`) this long before pg-boss archives them. */
export const FAILED_KEPT_SECONDS = 7 * 24 * 3600;
/** Completed jobs are only history: archived after an hour. */
export const COMPLETED_KEPT_SECONDS = 3600;

/**
 * pg-boss's schema for a store schema: `pgboss` beside `public`, else `<schema>_pgboss`, so that
 * two stores in one database (`?schema=a`, `?schema=b`) never share a queue.
 */
export function bossSchema(storeSchema: string): string {
  return storeSchema === 'public' ? 'pgboss' : `${storeSchema}_pgboss`;
}
