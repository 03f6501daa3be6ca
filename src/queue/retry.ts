import { setTimeout as sleep } from 'node:timers/promises';
import { isTransient } from '../store/postgres/errors.js';

export interface RetryOptions {
  /** Give up after this long (ms) of failures; the last error is thrown. */
  withinMs: number;
  /** First wait (ms), doubled up to maxDelayMs. */
  delayMs?: number;
  maxDelayMs?: number;
  /** Told of each failure that will be retried. */
  onRetry?: (error: unknown, attempt: number) => void;
}

/**
 * Runs `fn` again while it fails with a transient database error (server restarting, connection
 * cut): the pool reconnects on the next call. Other errors are thrown at once. Only for
 * idempotent work — a store write is one transaction, so a repeat is 'unchanged' at worst.
 */
export async function retryTransient<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  const started = Date.now();
  let delay = options.delayMs ?? 200;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!isTransient(err) || Date.now() - started + delay > options.withinMs) throw err;
      options.onRetry?.(err, attempt);
      await sleep(delay);
      delay = Math.min(delay * 2, options.maxDelayMs ?? 5000);
    }
  }
}
