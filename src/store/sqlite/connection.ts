import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrations.js';
import { storeError } from './errors.js';

/** How long a writer waits for another process's lock before failing (SQLITE_BUSY). */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating if needed) a SQLite database at a path or `:memory:`, sets it up and
 * migrates it. WAL lets readers run beside the one writer; synchronous = NORMAL is durable
 * against a crashed process in WAL mode, and only risks the last commits on power loss
 * (https://www.sqlite.org/pragma.html#pragma_synchronous).
 */
export function openDatabase(location: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    if (location !== ':memory:') mkdirSync(dirname(location), { recursive: true });
    db = new Database(location, { timeout: BUSY_TIMEOUT_MS });
    // The first statement reads the file header: a file that is not a database fails here.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    migrate(db, location);
    return db;
  } catch (err) {
    db?.close();
    throw storeError(location, 'opening the store', err);
  }
}
