/**
 * `npm run bench -- search [--max N] [--seed S] [--json]`: search latency as the SQLite store
 * grows from 1,000 to N generated documents (default 100,000), with the mix of the scale
 * benchmark (bench/search-mix.ts). Search reads the documents and their full-text index only,
 * so documents are written straight into those tables in batches (no analysis, no stories):
 * a 100k-document store in about a minute, where the full ingest of `bench -- scale` takes
 * an hour. Ingest cost and clustering growth are measured there and in `bench -- stories`.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IngestedDocument } from '../src/ingest/types.js';
import { openDatabase } from '../src/store/sqlite/connection.js';
import { openStore } from '../src/store/open.js';
import { toDocument } from '../src/text/document.js';
import { generateCorpus, searchNames } from './generate.js';
import { measureSearch, searchMix, type SearchLatency } from './search-mix.js';
import { wholeOption as option } from './support.js';

const CHECKPOINTS = [1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000];
const BATCH = 1_000;

interface Checkpoint extends SearchLatency { docs: number; db_mb: number }


export async function runSearch(args: string[]): Promise<void> {
  const max = option(args, '--max', 100_000);
  const seed = option(args, '--seed', 1);
  const asJson = args.includes('--json');
  const dir = mkdtempSync(join(tmpdir(), 'veille-bench-search-'));
  const path = join(dir, 'search.db');
  const db = openDatabase(path);
  const store = await openStore(path);
  const insert = db.prepare(`INSERT OR IGNORE INTO documents (id, origin, source_name, source_url, title, date, language, text, ingested_at)
    VALUES (@id, @origin, @source, NULL, @title, @date, @language, @text, '2026-01-01T00:00:00Z')`);
  const writeBatch = db.transaction((docs: IngestedDocument[]) => {
    for (const d of docs) {
      const doc = toDocument(d);
      insert.run({ id: doc.id, origin: doc.origin, source: doc.source.name, title: doc.title, date: doc.date, language: doc.language, text: doc.text });
    }
  });
  const names = searchNames(15, seed);
  const mix = searchMix(names.map((name, i) => ({ name, place: i % 3 !== 0 })));
  const checkpoints: Checkpoint[] = [];
  const targets = [...CHECKPOINTS.filter((c) => c < max), max];
  try {
    let written = 0;
    let batch: IngestedDocument[] = [];
    for (const generated of generateCorpus(max, seed)) {
      batch.push(generated);
      if (batch.length < BATCH && !targets.includes(written + batch.length)) continue;
      writeBatch(batch);
      written += batch.length;
      batch = [];
      if (!targets.includes(written)) continue;
      const latency = await measureSearch(store, mix);
      const point = { docs: written, ...latency, db_mb: Math.round(statSync(path).size / 1e5) / 10 };
      checkpoints.push(point);
      if (!asJson) printRow(point, checkpoints.length === 1);
    }
  } finally {
    await store.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (asJson) console.log(JSON.stringify({ documents: max, seed, checkpoints }));
}

function printRow(c: Checkpoint, header: boolean): void {
  if (header) {
    console.log('search latency, SQLite, mix of bench/search-mix.ts (ms; p95 per kind)');
    console.log(['docs', 'p50', 'p95', 'name', 'place', 'word', 'phrase', 'prefix', 'filtered', 'db MB'].map((h) => h.padStart(9)).join(' '));
  }
  const k = c.byKind;
  console.log([c.docs, c.p50, c.p95, k.name, k.place, k.word, k.phrase, k.prefix, k.filtered, c.db_mb].map((x) => String(x ?? '').padStart(9)).join(' '));
}
