import type { Database } from 'better-sqlite3';
import type { StoreStats } from '../store.js';
import { statement } from './statements.js';

/** Counts over the whole store; languages and sources by most documents, then name. */
export function storeStats(db: Database): StoreStats {
  const count = (sql: string): number => (statement(db, sql).get() as { n: number }).n;
  const pages = (name: string): number => Number(db.pragma(name, { simple: true }));
  return {
    documents: count('SELECT count(*) AS n FROM documents'),
    languages: statement(db, 'SELECT language, count(*) AS documents FROM documents GROUP BY language ORDER BY documents DESC, language')
      .all() as StoreStats['languages'],
    sources: statement(db, 'SELECT source_name AS name, count(*) AS documents FROM documents GROUP BY source_name ORDER BY documents DESC, name')
      .all() as StoreStats['sources'],
    entities: count('SELECT count(DISTINCT entity_key) AS n FROM entities'),
    mentions: count('SELECT count(*) AS n FROM mentions'),
    bytes: pages('page_count') * pages('page_size'),
  };
}
