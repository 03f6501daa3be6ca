import type { StoreStats } from '../store.js';
import type { Queryable } from './queryable.js';
import { fromPg } from './text.js';

/** Counts over the whole store; languages and sources by most documents, then name. Bytes: the store's tables and indexes. */
export async function storeStats(db: Queryable): Promise<StoreStats> {
  const count = async (sql: string): Promise<number> => (await db.query<{ n: number }>(sql)).rows[0]?.n ?? 0;
  const languages = await db.query<{ language: string; documents: number }>(
    'SELECT language, count(*)::int AS documents FROM documents GROUP BY language ORDER BY documents DESC, language');
  const sources = await db.query<{ name: string | null; documents: number }>(
    'SELECT source_name AS name, count(*)::int AS documents FROM documents GROUP BY source_name ORDER BY documents DESC, name');
  return {
    documents: await count('SELECT count(*)::int AS n FROM documents'),
    languages: languages.rows.map((r) => ({ language: fromPg(r.language), documents: r.documents })),
    sources: sources.rows.map((r) => ({ name: fromPg(r.name), documents: r.documents })),
    entities: await count('SELECT count(DISTINCT entity_key)::int AS n FROM entities'),
    mentions: await count('SELECT count(*)::int AS n FROM mentions'),
    bytes: await count(`SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::float8 AS n FROM pg_class c
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'm')`),
  };
}
