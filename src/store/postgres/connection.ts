import pg from 'pg';
import { VeilleError } from '../../core/errors.js';
import { redactUrl, storeError } from './errors.js';
import { migrate } from './migrations.js';

/** Connections per store: a worker runs a few jobs at once; searches are short. */
export const DEFAULT_POOL_SIZE = 4;
/** The schema Veille's tables live in unless the URL says `?schema=…`. */
export const DEFAULT_SCHEMA = 'public';

export interface PostgresLocation {
  /** The URL handed to pg, without Veille's own parameters. */
  connectionString: string;
  schema: string;
  /** The URL as messages show it (password hidden). */
  display: string;
}

/**
 * Reads a `postgres://` or `postgresql://` URL. Veille's own parameter `schema` (default
 * public) is taken out; the others (sslmode, application_name…) go to the driver.
 *
 * @example parseLocation('postgres://u@db/veille?schema=news').schema // 'news'
 */
export function parseLocation(location: string): PostgresLocation {
  const display = redactUrl(location);
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw new VeilleError('USAGE', `${display} is not a valid PostgreSQL URL (postgres://user:password@host:port/database)`, display);
  }
  const schema = url.searchParams.get('schema') ?? DEFAULT_SCHEMA;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new VeilleError('USAGE', `schema ${JSON.stringify(schema)} must be lower-case letters, digits and _ (at most 63)`, display);
  }
  url.searchParams.delete('schema');
  return { connectionString: url.toString(), schema, display };
}

/**
 * A pool of connections to the store's database, its schema migrated. Idle connections that
 * break (a server restart) are dropped and replaced on next use instead of crashing the process.
 */
export async function openPool(location: PostgresLocation, size = DEFAULT_POOL_SIZE): Promise<pg.Pool> {
  const pool = new pg.Pool({
    connectionString: location.connectionString,
    max: size,
    // search_path: Veille's names first; pg_catalog is searched implicitly.
    options: `-c search_path=${location.schema}`,
    application_name: 'veille',
    connectionTimeoutMillis: 10_000,
  });
  pool.on('error', () => { /* an idle client died; the pool replaces it */ });
  try {
    await migrate(pool, location.display, location.schema);
    return pool;
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw storeError(location.display, 'opening the store', err);
  }
}
