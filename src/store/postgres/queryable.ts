import type { Pool, PoolClient } from 'pg';

/** A pool or one checked-out connection (inside a transaction): both run queries. */
export type Queryable = Pool | PoolClient;
