import { VeilleError } from '../core/errors.js';
import { openSqliteStore } from './sqlite/store.js';
import type { Store } from './store.js';

/**
 * Opens the store at a location: a file path or `:memory:` is SQLite; `postgres://…` and
 * `postgresql://…` are PostgreSQL (`?schema=name` for a schema other than public).
 *
 * @example const store = await openStore('data/veille.db');
 */
export async function openStore(location: string): Promise<Store> {
  if (typeof location !== 'string' || location.trim() === '') {
    throw new VeilleError('USAGE', 'the store location is empty: give a file path, :memory: or a postgres:// URL');
  }
  if (/^postgres(ql)?:\/\//i.test(location)) {
    // Loaded on demand: SQLite users never load the PostgreSQL driver.
    const { openPostgresStore } = await import('./postgres/store.js');
    return openPostgresStore(location);
  }
  return openSqliteStore(location);
}
