import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { isVeilleError, type ErrorCode } from '../../src/core/errors.js';
import { openStore } from '../../src/store/open.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/sqlite/migrations.js';
import { openSqliteStore } from '../../src/store/sqlite/store.js';
import { storeContract } from './contract.js';
import { CORPUS, CORPUS_RECORDS, bulletins, makeRecord } from './records.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'veille-store-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
let files = 0;
const newPath = (name = 'veille'): string => join(tmp, `${name}-${++files}.db`);

storeContract('sqlite (file)', () => openStore(newPath()));
storeContract('sqlite (:memory:)', () => openStore(':memory:'));

async function rejectsWith(code: ErrorCode, promise: Promise<unknown>, mentions?: RegExp): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(isVeilleError(err), `expected a VeilleError, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    if (mentions) assert.match(err.message, mentions);
    return true;
  });
}

/** Reads a SQLite file directly, bypassing the store. */
function rawQuery<T>(path: string, sql: string): T[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

describe('SQLite store: files and schema', () => {
  test('reopening keeps the data and re-applies no migration', async () => {
    const path = newPath();
    const store = await openStore(path);
    for (const r of CORPUS_RECORDS) await store.putAnalysis(r);
    await store.close();
    const applied = rawQuery(path, 'SELECT version, name, applied_at FROM schema_migrations ORDER BY version');
    assert.equal(applied.length, MIGRATIONS.length);

    for (let i = 0; i < 2; i++) {
      const again = await openStore(path);
      assert.equal((await again.stats()).documents, CORPUS_RECORDS.length);
      assert.equal(await again.getAnalysisJson(CORPUS.unusual.doc.id), JSON.stringify(CORPUS.unusual));
      assert.equal(await again.putAnalysis(CORPUS.kremlinFr), 'unchanged');
      await again.close();
    }
    assert.deepEqual(rawQuery(path, 'SELECT version, name, applied_at FROM schema_migrations ORDER BY version'), applied);
  });

  test('the database is in WAL mode with STRICT tables', async () => {
    const path = newPath();
    await (await openStore(path)).close();
    assert.deepEqual(rawQuery(path, 'PRAGMA journal_mode'), [{ journal_mode: 'wal' }]);
    const strict = rawQuery<{ name: string; strict: number }>(path, "SELECT name, strict FROM pragma_table_list WHERE name IN ('documents', 'analyses', 'entities', 'mentions')");
    assert.deepEqual(strict.map((t) => t.strict), [1, 1, 1, 1]);
  });

  test('a database with a newer schema is refused and left untouched', async () => {
    const path = newPath();
    const store = await openStore(path);
    await store.putAnalysis(CORPUS.flood);
    await store.close();
    const db = new Database(path);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'from the future', '2999-01-01')").run(SCHEMA_VERSION + 1);
    db.close();
    await rejectsWith('STORE', openStore(path), new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*version ${SCHEMA_VERSION + 1}.*newer`));
    assert.equal(rawQuery(path, 'SELECT id FROM documents').length, 1);
  });

  test('a file that is not a database is refused, named, and not modified', async () => {
    const path = join(tmp, 'notes.txt');
    const content = "Ceci n'est pas une base de données.\n".repeat(200);
    writeFileSync(path, content);
    await rejectsWith('STORE', openStore(path), /notes\.txt is not a SQLite database/);
    assert.equal(readFileSync(path, 'utf8'), content);
  });

  test('a SQLite database that is not a Veille store is refused', async () => {
    const path = newPath('foreign');
    const db = new Database(path);
    db.exec('CREATE TABLE recipes (name TEXT)');
    db.close();
    await rejectsWith('STORE', openStore(path), /not a Veille store.*recipes/);
    assert.deepEqual(rawQuery(path, "SELECT name FROM sqlite_master WHERE type = 'table'"), [{ name: 'recipes' }]);
  });

  test('a directory is refused; missing parent directories are created', async () => {
    const dir = join(tmp, 'a-directory');
    mkdirSync(dir);
    await rejectsWith('STORE', openStore(dir), /a-directory/);
    const nested = join(tmp, 'x', 'y', 'veille.db');
    await (await openStore(nested)).close();
    assert.ok(existsSync(nested));
  });

  test('locations: postgres:// URLs go to PostgreSQL (checked before connecting), an empty location is a usage error', async () => {
    // PostgreSQL itself is tested in postgres.test.ts; a bad schema name is refused before any connection.
    await rejectsWith('USAGE', openStore('postgres://localhost/veille?schema=Not-A-Schema'), /schema/);
    await rejectsWith('USAGE', openStore('postgresql://u@h:5432/db?schema=x%20y'), /schema/);
    await rejectsWith('USAGE', openStore(''));
  });

  test('two stores on one file see each other\'s writes', async () => {
    const path = newPath();
    const a = await openStore(path);
    const b = await openStore(path);
    try {
      await a.putAnalysis(CORPUS.council);
      assert.equal(await b.hasDocument(CORPUS.council.doc.id), true);
      assert.equal(await b.putAnalysis(CORPUS.council), 'unchanged');
    } finally {
      await a.close();
      await b.close();
    }
  });

  test('a failure just before commit rolls back the whole document (simulated failure hook)', async () => {
    let fail = false;
    const store = await openSqliteStore(':memory:', { beforeCommit: () => { if (fail) throw new Error('simulated crash'); } });
    try {
      await store.putAnalysis(CORPUS.kremlinFr);
      fail = true;
      await rejectsWith('STORE', store.putAnalysis(CORPUS.kremlinEn), /simulated crash/);
      await rejectsWith('STORE', store.putAnalysis({ ...CORPUS.kremlinFr, doc: { ...CORPUS.kremlinFr.doc, title: 'Changé' } }));
      fail = false;
      assert.equal(await store.hasDocument(CORPUS.kremlinEn.doc.id), false);
      assert.equal(await store.getAnalysisJson(CORPUS.kremlinFr.doc.id), JSON.stringify(CORPUS.kremlinFr));
      const stats = await store.stats();
      assert.deepEqual([stats.documents, stats.entities, stats.mentions], [1, 2, 3]);
      assert.deepEqual((await store.search({ query: 'trade' })).items, []);
    } finally {
      await store.close();
    }
  });
});

describe('SQLite store: crash safety', () => {
  test('a process killed (SIGKILL) inside a large write leaves a clean database with the earlier documents', async () => {
    const path = newPath('killed');
    const count = 30;
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'store', 'kill-child.ts'), path, String(count)], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => { err += chunk.toString(); });
    const exited = new Promise<NodeJS.Signals | number | null>((resolveExit) => child.on('exit', (code, signal) => resolveExit(signal ?? code)));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (/^mid$/m.test(out)) child.kill('SIGKILL');
    });
    assert.equal(await exited, 'SIGKILL', `the child was not killed mid-write:\n${out}\n${err}`);
    assert.match(out, new RegExp(`committed ${count}\\n`));
    const bigId = /^big ([0-9a-f]{16})$/m.exec(out)?.[1];
    assert.ok(bigId);
    // The uncommitted write had spilled pages into the WAL: recovery must ignore those frames.
    const [before, during] = [...out.matchAll(/^wal (\d+)$/gm)].map((m) => Number(m[1]));
    assert.ok(before !== undefined && during !== undefined && during - before > 500_000,
      `the large write reached the WAL (${before} then ${during} bytes)`);

    const store = await openStore(path);
    try {
      const raw = new Database(path);
      assert.deepEqual(raw.prepare('PRAGMA integrity_check').all(), [{ integrity_check: 'ok' }]);
      raw.exec("INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')"); // throws if the index disagrees
      raw.close();
      assert.equal(await store.hasDocument(bigId), false);
      const stats = await store.stats();
      assert.deepEqual([stats.documents, stats.entities, stats.mentions], [count, count + 1, 2 * count]);
      for (const r of bulletins(count)) assert.equal(await store.getAnalysisJson(r.doc.id), JSON.stringify(r));
      assert.deepEqual((await store.search({ query: 'millimètres' })).items, []);
      assert.equal((await store.search({ query: 'préfecture', limit: 100 })).items.length, count);
      assert.equal(await store.putAnalysis(CORPUS.flood), 'inserted');
    } finally {
      await store.close();
    }
  });
});

describe('SQLite store: search ranks in windows of the most recent matches', () => {
  /** Reports stored in order i = 0…n-1, mentioning a dam 1 to 4 times: ranks spread and tie. */
  const damReports = (n: number, language: (i: number) => string = () => 'fr') => Array.from({ length: n }, (_, i) => makeRecord({
    text: `${'Le barrage tient. '.repeat(1 + (i % 4))}Relevé ${i}.`, language: language(i), origin: `barrages/${i}.txt`,
  }));
  const storeWith = async (records: ReturnType<typeof makeRecord>[], searchWindow: number) => {
    const store = await openSqliteStore(':memory:', { searchWindow });
    for (const r of records) await store.putAnalysis(r);
    return store;
  };
  const pagesOf = async (store: Awaited<ReturnType<typeof storeWith>>, options: { query: string; language?: string }, limit: number) => {
    const hits = [];
    let cursor: string | null = null;
    do {
      const page = await store.search({ ...options, limit, cursor });
      hits.push(...page.items);
      cursor = page.nextCursor;
      assert.ok(hits.length < 1000, 'pagination ends');
    } while (cursor !== null);
    return hits;
  };

  test('the newest window comes first, best first within it, and every match comes once', async () => {
    const records = damReports(11);
    const store = await storeWith(records, 4);
    try {
      for (const limit of [1, 3, 4, 20]) {
        const hits = await pagesOf(store, { query: 'barrage' }, limit);
        const order = hits.map((h) => records.findIndex((r) => r.doc.id === h.id));
        assert.equal(new Set(order).size, 11, `limit ${limit}: every report once`);
        // windows by storage order: reports 7–10, then 3–6, then 0–2
        assert.deepEqual(order.slice(0, 4).sort((a, b) => a - b), [7, 8, 9, 10], `limit ${limit}`);
        assert.deepEqual(order.slice(4, 8).sort((a, b) => a - b), [3, 4, 5, 6]);
        assert.deepEqual(order.slice(8).sort((a, b) => a - b), [0, 1, 2]);
        for (const [from, to] of [[0, 4], [4, 8], [8, 11]] as const) {
          const scores = hits.slice(from, to).map((h) => h.score);
          assert.deepEqual(scores, [...scores].sort((a, b) => b - a), 'best first within a window');
        }
      }
      const whole = await storeWith(records, 5000);
      try {
        const scores = (await whole.search({ query: 'barrage', limit: 20 })).items.map((h) => h.score);
        assert.equal(scores.length, 11);
        assert.deepEqual(scores, [...scores].sort((a, b) => b - a), 'fewer matches than the window: one ranking');
        assert.ok(scores[0]! > scores[10]!);
      } finally {
        await whole.close();
      }
    } finally {
      await store.close();
    }
  });

  test('a filter that keeps nothing of the newest windows still fills the page from older ones', async () => {
    const records = damReports(12, (i) => (i < 3 ? 'en' : 'fr'));
    const store = await storeWith(records, 2);
    try {
      const page = await store.search({ query: 'barrage', language: 'en', limit: 2 });
      assert.equal(page.items.length, 2);
      assert.ok(page.nextCursor);
      const all = await pagesOf(store, { query: 'barrage', language: 'en' }, 2);
      assert.deepEqual(all.map((h) => h.id).sort(), records.slice(0, 3).map((r) => r.doc.id).sort());
    } finally {
      await store.close();
    }
  });

  test('documents stored between pages do not shift the pages already begun', async () => {
    const records = damReports(9);
    const store = await storeWith(records.slice(0, 6), 3);
    try {
      const first = await store.search({ query: 'barrage', limit: 2 });
      for (const r of records.slice(6)) await store.putAnalysis(r);
      const rest = [];
      let cursor = first.nextCursor;
      while (cursor !== null) {
        const page = await store.search({ query: 'barrage', limit: 2, cursor });
        rest.push(...page.items);
        cursor = page.nextCursor;
      }
      const seen = [...first.items, ...rest].map((h) => h.id);
      assert.deepEqual([...seen].sort(), records.slice(0, 6).map((r) => r.doc.id).sort(), 'the six stored before the first page, once each');
      assert.equal((await store.search({ query: 'barrage', limit: 3 })).items.filter((h) => records.slice(6).some((r) => r.doc.id === h.id)).length, 3, 'a new search starts from the newest');
    } finally {
      await store.close();
    }
  });

  test('a prefix query gets the snippets of every hit (one pass over the page)', async () => {
    const store = await storeWith(damReports(6), 4);
    try {
      const { items } = await store.search({ query: 'barr*', limit: 6 });
      assert.equal(items.length, 6);
      for (const hit of items) {
        assert.ok(hit.snippet.marks.length > 0, 'each snippet marks the matched words');
        for (const m of hit.snippet.marks) assert.match(hit.snippet.text.slice(m.start, m.end), /^barrage$/i);
      }
    } finally {
      await store.close();
    }
  });
});
