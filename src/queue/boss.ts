import PgBoss from 'pg-boss';
import { VeilleError } from '../core/errors.js';
import { parseLocation } from '../store/postgres/connection.js';
import { storeError } from '../store/postgres/errors.js';
import {
  ANALYZE_QUEUE, COMPLETED_KEPT_SECONDS, DEFAULT_SUPERVISE_SECONDS, FAILED_KEPT_SECONDS, bossSchema,
} from './settings.js';

export interface BossOptions {
  /** Run pg-boss's supervision (expire jobs of dead workers, archive): workers do, enqueuers need not. */
  supervise?: boolean;
  superviseSeconds?: number;
  /** pg-boss's own connections. */
  poolSize?: number;
  /** Where pg-boss's background errors go (a lost connection while polling); they never crash the process. */
  onError?: (error: Error) => void;
}

/** A started pg-boss on the store's database, with the analysis queue created. */
export interface QueueConnection {
  boss: PgBoss;
  /** pg-boss's schema (see bossSchema). */
  schema: string;
  /** The database URL as messages show it (password hidden). */
  location: string;
  stop(): Promise<void>;
}

/**
 * Connects pg-boss (v10) to the PostgreSQL store at `location`, installing its schema on first
 * use, and creates the analysis queue (pg-boss v10 needs a queue before `send`). The queue's
 * policy is `short`: one waiting job per document id, so enqueuing a document already waiting
 * adds nothing.
 */
export async function openQueue(location: string, options: BossOptions = {}): Promise<QueueConnection> {
  if (!/^postgres(ql)?:\/\//i.test(location)) {
    throw new VeilleError('USAGE', `the queue needs a PostgreSQL store (--db postgres://… or VEILLE_DB), not ${location}`, location);
  }
  const where = parseLocation(location);
  const schema = bossSchema(where.schema);
  const boss = new PgBoss({
    connectionString: where.connectionString,
    schema,
    application_name: 'veille-queue',
    max: options.poolSize ?? 2,
    supervise: options.supervise ?? false,
    maintenanceIntervalSeconds: options.superviseSeconds ?? DEFAULT_SUPERVISE_SECONDS,
    schedule: false,
    archiveCompletedAfterSeconds: COMPLETED_KEPT_SECONDS,
    archiveFailedAfterSeconds: FAILED_KEPT_SECONDS,
  });
  boss.on('error', (error: Error) => options.onError?.(error));
  try {
    await boss.start();
    if (!(await boss.getQueue(ANALYZE_QUEUE))) await boss.createQueue(ANALYZE_QUEUE, { name: ANALYZE_QUEUE, policy: 'short' });
  } catch (err) {
    await boss.stop({ graceful: false }).catch(() => undefined);
    throw storeError(where.display, 'opening the job queue', err);
  }
  return {
    boss,
    schema,
    location: where.display,
    stop: () => boss.stop({ graceful: false, wait: true }),
  };
}
