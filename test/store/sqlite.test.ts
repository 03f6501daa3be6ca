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
import { CORPUS, CORPUS_RECORDS, bulletins } from './records.js';

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
