/**
 * The store contract on PostgreSQL, and what is PostgreSQL's own: schemas, migrations,
 * concurrent writers, NUL characters, connection failures. The server is VEILLE_TEST_PG or a
 * throwaway cluster (test/support/postgres.ts); without either every test skips, saying why.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { isVeilleError, type ErrorCode } from '../../src/core/errors.js';
import { openStore } from '../../src/store/open.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/postgres/migrations.js';
import { openPostgresStore } from '../../src/store/postgres/store.js';
import { toPg, fromPg } from '../../src/store/postgres/text.js';
import { testDatabaseSuite } from '../support/postgres.js';
import { storeContract } from './contract.js';
import { CORPUS, CORPUS_RECORDS, bulletins, makeRecord } from './records.js';

const { skip, url: databaseUrl, freshUrl } = await testDatabaseSuite('s');

if (skip) {
  test('Store contract: postgres', { skip }, () => undefined);
} else {
  storeContract('postgres', () => openStore(freshUrl()));
}

async function rejectsWith(code: ErrorCode, promise: Promise<unknown>, mentions?: RegExp): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(isVeilleError(err), `expected a VeilleError, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    if (mentions) assert.match(err.message, mentions);
    return true;
  });
}

/** Runs SQL directly against the test database, bypassing the store. */
async function raw<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

describe('PostgreSQL store: schema, concurrency, failures', { skip }, () => {
  test('reopening keeps the data and re-applies no migration; the schema is named in the URL', async () => {
    const url = freshUrl();
    const schema = new URL(url).searchParams.get('schema')!;
    const store = await openStore(url);
    for (const r of CORPUS_RECORDS) await store.putAnalysis(r);
    await store.close();
    const applied = await raw(`SELECT version, name, applied_at FROM ${schema}.schema_migrations ORDER BY version`);
    assert.equal(applied.length, MIGRATIONS.length);
    const again = await openStore(url);
    try {
      assert.equal((await again.stats()).documents, CORPUS_RECORDS.length);
      assert.equal(await again.getAnalysisJson(CORPUS.unusual.doc.id), JSON.stringify(CORPUS.unusual));
      assert.equal(await again.putAnalysis(CORPUS.kremlinFr), 'unchanged');
    } finally {
      await again.close();
    }
    assert.deepEqual(await raw(`SELECT version, name, applied_at FROM ${schema}.schema_migrations ORDER BY version`), applied);
  });

  test('stores opened at once on a new schema migrate it once', async () => {
    const url = freshUrl();
    const stores = await Promise.all(Array.from({ length: 4 }, () => openStore(url)));
    try {
      await Promise.all(stores.map((s) => s.stats()));
      const schema = new URL(url).searchParams.get('schema')!;
      assert.equal((await raw(`SELECT version FROM ${schema}.schema_migrations`)).length, MIGRATIONS.length);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  test('a schema with a newer version is refused; a schema of other tables is not a Veille store', async () => {
    const url = freshUrl();
    const schema = new URL(url).searchParams.get('schema')!;
    await (await openStore(url)).close();
    await raw(`INSERT INTO ${schema}.schema_migrations VALUES ($1, 'from the future', now())`, [SCHEMA_VERSION + 1]);
    await rejectsWith('STORE', openStore(url), new RegExp(`version ${SCHEMA_VERSION + 1}.*newer`));
    const foreign = freshUrl();
    const other = new URL(foreign).searchParams.get('schema')!;
    await raw(`CREATE SCHEMA ${other}; CREATE TABLE ${other}.recipes (name text)`);
    await rejectsWith('STORE', openStore(foreign), /not a Veille store/);
  });

  test('the same new document put by many connections at once is inserted once', async () => {
    const url = freshUrl();
    const stores = await Promise.all(Array.from({ length: 3 }, () => openPostgresStore(url, { poolSize: 3 })));
    try {
      const records = bulletins(12);
      const outcomes = await Promise.all(stores.flatMap((s) => records.map((r) => s.putAnalysis(r))));
      assert.equal(outcomes.filter((o) => o === 'inserted').length, records.length);
      assert.equal(outcomes.filter((o) => o === 'unchanged').length, records.length * 2);
      const stats = await stores[0]!.stats();
      assert.deepEqual([stats.documents, stats.mentions], [12, 24]);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  test('a failure just before commit rolls back the whole document (simulated failure hook)', async () => {
    let fail = false;
    const store = await openPostgresStore(freshUrl(), { beforeCommit: () => { if (fail) throw new Error('simulated crash'); } });
    try {
      await store.putAnalysis(CORPUS.kremlinFr);
      fail = true;
      await rejectsWith('STORE', store.putAnalysis(CORPUS.kremlinEn), /simulated crash/);
      fail = false;
      assert.equal(await store.hasDocument(CORPUS.kremlinEn.doc.id), false);
      const stats = await store.stats();
      assert.deepEqual([stats.documents, stats.entities, stats.mentions], [1, 2, 3]);
      assert.deepEqual((await store.search({ query: 'trade' })).items, []);
    } finally {
      await store.close();
    }
  });

  test('NUL characters and U+FFFF round-trip in text, titles, names and mentions', async () => {
    const store = await openStore(freshUrl());
    try {
      const text = 'Le port de Kerlann\u0000 a rouvert \uFFFF0 après la tempête.';
      const r = makeRecord({ text, title: 'Titre\u0000nul', source: 'Radio\uFFFF', entities: [{ type: 'GPE', name: 'Kerlann\u0000', mentions: ['Kerlann\u0000'] }] });
      assert.equal(await store.putAnalysis(r), 'inserted');
      assert.equal(await store.getAnalysisJson(r.doc.id), JSON.stringify(r));
      const doc = await store.getDocument(r.doc.id);
      assert.deepEqual([doc?.text, doc?.title, doc?.source.name], [text, 'Titre\u0000nul', 'Radio\uFFFF']);
      const [e] = (await store.entityMentions('GPE:Kerlann\u0000')).items[0]?.entities ?? [];
      assert.deepEqual(e?.mentions, [{ start: text.indexOf('Kerlann'), end: text.indexOf('Kerlann') + 8, text: 'Kerlann\u0000' }]);
      assert.deepEqual(ids((await store.search({ query: 'tempete' })).items), [r.doc.id]);
      for (const s of ['', 'a\u0000b', '\uFFFF', '\uFFFF0', '\u0000\uFFFF\u0000', 'x\uFFFF\uFFFF0']) assert.equal(fromPg(toPg(s)), s);
    } finally {
      await store.close();
    }
  });

  test('a long text is stored whole and searchable on its beginning', async () => {
    const store = await openStore(freshUrl());
    try {
      const sentence = (i: number): string => `La station ${i} relève ${i % 97} millimètres de pluie au poste ${i * 7}. `;
      const r = makeRecord({ text: Array.from({ length: 30_000 }, (_, i) => sentence(i)).join(''), title: 'Relevés' });
      assert.equal(await store.putAnalysis(r), 'inserted');
      assert.equal((await store.getDocument(r.doc.id))?.text, r.doc.text);
      assert.deepEqual(ids((await store.search({ query: 'millimetres' })).items), [r.doc.id]);
    } finally {
      await store.close();
    }
  });

  test('an unreachable server or a missing database is a STORE error naming it, password hidden', async () => {
    await rejectsWith('STORE', openStore('postgres://veille:secret@127.0.0.1:1/veille'), /127\.0\.0\.1:1.*cannot connect/);
    await assert.rejects(openStore('postgres://veille:secret@127.0.0.1:1/veille'), (err: Error) => !err.message.includes('secret'));
    const missing = new URL(databaseUrl());
    missing.pathname = '/veille_no_such_database';
    await rejectsWith('STORE', openStore(missing.toString()), /veille_no_such_database/);
    await rejectsWith('USAGE', openStore(`${databaseUrl()}?schema=Bad-Name`), /schema/);
  });
});

const ids = (items: { id: string }[]): string[] => items.map((d) => d.id);
