import { VeilleError } from '../core/errors.js';
import { openSqliteStore } from './sqlite/store.js';
import type { Store } from './store.js';

/**
 * Opens the store at a location: a file path or `:memory:` is SQLite; `postgres://…` and
 * `postgresql://…` will be PostgreSQL.
 *
 * @example const store = await openStore('data/veille.db');
 */
export async function openStore(location: string): Promise<Store> {
  if (typeof location !== 'string' || location.trim() === '') {
    throw new VeilleError('USAGE', 'the store location is empty: give a file path, :memory: or a postgres:// URL');
  }
  if (/^postgres(ql)?:\/\//i.test(location)) {
    throw new VeilleError('USAGE', 'PostgreSQL store is not available yet', location);
  }
  return openSqliteStore(location);
}
