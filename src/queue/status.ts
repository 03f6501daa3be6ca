import { quoteIdent } from '../store/postgres/migrations.js';
import type { QueueConnection } from './boss.js';
import { ANALYZE_QUEUE } from './settings.js';

/** A job that failed for good (its retries spent), with the error it failed with. */
export interface FailedJob {
  id: string;
  docId: string | null;
  origin: string | null;
  error: string;
  retries: number;
  failedAt: string | null;
}

export interface QueueStatus {
  queue: string;
  /** Waiting to be fetched: new jobs plus jobs waiting for a retry. */
  pending: number;
  created: number;
  retry: number;
  active: number;
  completed: number;
  cancelled: number;
  failed: number;
  /** The newest failed jobs (at most `limit`). */
  failures: FailedJob[];
}

/** Reads pg-boss's job table: counts by state and the newest failed jobs with their error. */
export async function queueStatus(connection: QueueConnection, limit = 20): Promise<QueueStatus> {
  const db = connection.boss.getDb();
  const table = `${quoteIdent(connection.schema)}.job`;
  const counts = await db.executeSql(`SELECT state::text AS state, count(*)::int AS n FROM ${table} WHERE name = $1 GROUP BY state`, [ANALYZE_QUEUE]);
  const by = new Map((counts.rows as { state: string; n: number }[]).map((r) => [r.state, r.n]));
  const n = (state: string): number => by.get(state) ?? 0;
  const failed = await db.executeSql(`SELECT id::text AS id, data->'doc'->>'id' AS doc_id, data->'doc'->>'origin' AS origin, output, retry_count, completed_on
    FROM ${table} WHERE name = $1 AND state = 'failed' ORDER BY completed_on DESC NULLS LAST, id LIMIT $2`, [ANALYZE_QUEUE, limit]);
  return {
    queue: ANALYZE_QUEUE,
    pending: n('created') + n('retry'),
    created: n('created'),
    retry: n('retry'),
    active: n('active'),
    completed: n('completed'),
    cancelled: n('cancelled'),
    failed: n('failed'),
    failures: (failed.rows as { id: string; doc_id: string | null; origin: string | null; output: unknown; retry_count: number; completed_on: Date | null }[])
      .map((r) => ({ id: r.id, docId: r.doc_id, origin: r.origin, error: errorText(r.output), retries: r.retry_count, failedAt: r.completed_on?.toISOString() ?? null })),
  };
}

/** pg-boss keeps what `fail` was given (ours: { message, code, input }), or a serialized Error, or its own `{ value: { message } }`. */
function errorText(output: unknown): string {
  if (typeof output !== 'object' || output === null) return String(output ?? 'unknown error');
  const o = output as { message?: unknown; code?: unknown; value?: { message?: unknown } };
  const text = typeof o.message === 'string' ? o.message : typeof o.value?.message === 'string' ? o.value.message : JSON.stringify(output);
  return typeof o.code === 'string' ? `${text} (${o.code})` : text;
}
