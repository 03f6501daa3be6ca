/**
 * `npm run bench -- search [--max N] [--seed S] [--postgres] [--json]`: search latency as the
 * store grows from 1,000 to N generated documents (default 100,000), with the mix of the scale
 * benchmark (bench/search-mix.ts); SQLite, and PostgreSQL beside it with `--postgres`
 * (VEILLE_BENCH_PG, else a throwaway cluster). Search reads the documents and their full-text
 * index only, so documents are written straight into those tables in batches (no analysis, no
 * stories): a 100k-document store in minutes, where the full ingest of `bench -- scale` takes
 * hours. Ingest cost and clustering growth are measured there and in `bench -- stories`.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Doc } from '../src/core/record.js';
import { openDatabase } from '../src/store/sqlite/connection.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';
import { toDocument } from '../src/text/document.js';
import { createTestDatabase, type TestDatabase, type TestServer } from '../test/support/postgres.js';
import { generateCorpus, searchNames } from './generate.js';
import { benchServer } from './scale.js';
import { measureSearch, searchMix, type SearchLatency } from './search-mix.js';
import { wholeOption as option } from './support.js';

const CHECKPOINTS = [1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000];
const BATCH = 1_000;

interface Checkpoint extends SearchLatency { engine: string; docs: number; db_mb: number }

/** One engine's store and how documents are written straight into its tables. */
interface Target {
  engine: string;
  store: Store;
  write(docs: Doc[]): Promise<void>;
  megabytes(): Promise<number>;
  close(): Promise<void>;
}

async function sqliteTarget(dir: string): Promise<Target> {
  const path = join(dir, 'search.db');
  const db = openDatabase(path);
  const store = await openStore(path);
  const insert = db.prepare(`INSERT OR IGNORE INTO documents (id, origin, source_name, source_url, title, date, language, text, ingested_at)
    VALUES (@id, @origin, @source, NULL, @title, @date, @language, @text, '2026-01-01T00:00:00Z')`);
  const writeBatch = db.transaction((docs: Doc[]) => {
    for (const d of docs) insert.run({ id: d.id, origin: d.origin, source: d.source.name, title: d.title, date: d.date, language: d.language, text: d.text });
  });
  return {
    engine: 'sqlite', store,
    write: async (docs) => writeBatch(docs),
    megabytes: async () => Math.round(statSync(path).size / 1e5) / 10,
    close: async () => { await store.close(); db.close(); },
  };
}

async function postgresTarget(server: TestServer): Promise<Target> {
  const database: TestDatabase = await createTestDatabase(server);
  const store = await openStore(database.url); // migrates
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  return {
    engine: 'postgres', store,
    write: async (docs) => {
      const column = <T>(f: (d: Doc) => T): T[] => docs.map(f);
      await client.query(`INSERT INTO documents (id, origin, source_name, title, date, language, text, ingested_at)
        SELECT *, '2026-01-01T00:00:00Z'::timestamptz FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
        ON CONFLICT (id) DO NOTHING`,
      [column((d) => d.id), column((d) => d.origin), column((d) => d.source.name), column((d) => d.title), column((d) => d.date), column((d) => d.language), column((d) => d.text)]);
    },
    megabytes: async () => {
      const { rows } = await client.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes');
      return Math.round(Number(rows[0]?.bytes ?? 0) / 1e5) / 10;
    },
    close: async () => {
      await store.close();
      await client.end();
      await database.drop();
    },
  };
}

export async function runSearch(args: string[]): Promise<void> {
  const max = option(args, '--max', 100_000);
  const seed = option(args, '--seed', 1);
  const asJson = args.includes('--json');
  const dir = mkdtempSync(join(tmpdir(), 'veille-bench-search-'));
  const targets: Target[] = [await sqliteTarget(dir)];
  const server = args.includes('--postgres') ? await benchServer() : null;
  if (args.includes('--postgres') && !server) throw new Error('--postgres: no PostgreSQL (set VEILLE_BENCH_PG or install the server)');
  if (server) targets.push(await postgresTarget(server));
  const names = searchNames(15, seed);
  const mix = searchMix(names.map((name, i) => ({ name, place: i % 3 !== 0 })));
  const checkpoints: Checkpoint[] = [];
  const goals = [...CHECKPOINTS.filter((c) => c < max), max];
  try {
    let written = 0;
    let batch: Doc[] = [];
    for (const generated of generateCorpus(max, seed)) {
      batch.push(toDocument(generated));
      if (batch.length < BATCH && !goals.includes(written + batch.length)) continue;
      for (const t of targets) await t.write(batch);
      written += batch.length;
      batch = [];
      if (!goals.includes(written)) continue;
      for (const t of targets) {
        const latency = await measureSearch(t.store, mix);
        const point = { engine: t.engine, docs: written, ...latency, db_mb: await t.megabytes() };
        checkpoints.push(point);
        if (!asJson) printRow(point, checkpoints.length === 1);
      }
    }
  } finally {
    for (const t of targets) await t.close();
    server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  if (asJson) console.log(JSON.stringify({ documents: max, seed, checkpoints }));
}

function printRow(c: Checkpoint, header: boolean): void {
  if (header) {
    console.log('search latency, mix of bench/search-mix.ts (ms; p95 per kind)');
    console.log(['engine', 'docs', 'p50', 'p95', 'name', 'place', 'word', 'phrase', 'prefix', 'filtered', 'db MB'].map((h) => h.padStart(9)).join(' '));
  }
  const k = c.byKind;
  console.log([c.engine, c.docs, c.p50, c.p95, k.name, k.place, k.word, k.phrase, k.prefix, k.filtered, c.db_mb].map((x) => String(x ?? '').padStart(9)).join(' '));
}
