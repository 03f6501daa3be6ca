import type { Pool, PoolClient } from 'pg';

const ignore = (): void => undefined;

/**
 * A connection taken from the pool for a transaction. While checked out, the pool no longer
 * listens to its errors: a server that cuts it (restart, admin shutdown) between two
 * statements would emit an unhandled 'error' and crash the process. This listener keeps that
 * to the failing statement; `release(broken)` gives it back, or discards it when broken.
 */
export async function checkout(pool: Pool): Promise<{ client: PoolClient; release(broken?: boolean): void }> {
  const client = await pool.connect();
  client.on('error', ignore);
  return {
    client,
    release(broken = false) {
      client.off('error', ignore);
      client.release(broken);
    },
  };
}
