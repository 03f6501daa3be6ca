/**
 * A worker killed with SIGKILL in the middle of a job (its write transaction open): the
 * server rolls the transaction back, so nothing of that document is stored; the job stays
 * active until it expires, then pg-boss gives it to the next worker. In the end every queued
 * document is stored exactly once.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import pg from 'pg';
import { openQueue } from '../../src/queue/boss.js';
import { enqueueDocument } from '../../src/queue/enqueue.js';
import { DEFAULT_JOB_SETTINGS } from '../../src/queue/settings.js';
import { queueStatus } from '../../src/queue/status.js';
import { openStore } from '../../src/store/open.js';
import { createTestDatabase, testServer, type TestDatabase } from '../support/postgres.js';
import { CLI_ENTRY, ROOT, newsDocs, spawnTs, waitFor } from '../queue/helpers.js';

const server = await testServer();
const skip = typeof server === 'string' ? server : false;
let database: TestDatabase | null = null;
if (typeof server !== 'string') {
  before(async () => { database = await createTestDatabase(server); });
  after(async () => { await database?.drop(); });
}

/** Jobs expire 2 s after a worker takes them; a retry may start at once. */
const SETTINGS = { ...DEFAULT_JOB_SETTINGS, expireInSeconds: 2, retryDelay: 0, retryBackoff: false, retryLimit: 3 };
const COUNT = 16;
const COMMITS_BEFORE_KILL = 5;

test('a worker killed mid-job (SIGKILL) loses and duplicates nothing once another worker has run', { skip, timeout: 120_000 }, async () => {
  const url = `${database!.url}?schema=killed`;
  const docs = newsDocs(COUNT, 'kill');
  const queue = await openQueue(url);
  const store = await openStore(url);
  try {
    for (const doc of docs) assert.equal(await enqueueDocument(queue.boss, doc, SETTINGS), 'queued');

    const doomed = spawnTs(join(ROOT, 'test', 'faults', 'blocking-worker.ts'), [url, String(COMMITS_BEFORE_KILL)]);
    const midId = await waitFor('the worker to be inside a write', async () => /^mid ([0-9a-f]{16})$/m.exec(doomed.output())?.[1], 60_000);
    doomed.process.kill('SIGKILL');
    assert.equal(await doomed.exited, 'SIGKILL', doomed.output());

    // Nothing of the interrupted document: no row in any table.
    assert.equal(await store.hasDocument(midId), false);
    const raw = new pg.Client({ connectionString: database!.url });
    await raw.connect();
    try {
      for (const table of ['documents', 'analyses', 'entities', 'mentions']) {
        const column = table === 'documents' ? 'id' : 'doc_id';
        const { rows } = await raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM killed.${table} WHERE ${column} = $1`, [midId]);
        assert.equal(rows[0]?.n, 0, `${table} holds part of the killed write`);
      }
    } finally {
      await raw.end();
    }
    assert.equal((await store.stats()).documents, COMMITS_BEFORE_KILL);
    assert.equal((await queueStatus(queue)).active, 1, 'the killed job is still held');

    const worker = spawnTs(CLI_ENTRY, ['--db', url, 'worker', '--poll', '0.2', '--supervise', '1']);
    try {
      await waitFor('every job done', async () => {
        const s = await queueStatus(queue);
        return s.completed === COUNT && s.pending === 0 && s.active === 0;
      }, 90_000);
    } finally {
      worker.process.kill('SIGTERM');
    }
    assert.equal(await worker.exited, 0, worker.output());

    const stats = await store.stats();
    assert.equal(stats.documents, COUNT);
    let mentions = 0;
    for (const doc of docs) {
      const record = await store.getAnalysis(doc.id);
      assert.equal(record?.doc.text, doc.text, `${doc.id} stored`);
      mentions += record!.entities.reduce((n, e) => n + e.mentions.length, 0);
    }
    assert.equal(stats.mentions, mentions, 'no entity or mention written twice');
    assert.equal((await queueStatus(queue)).failed, 0);
  } finally {
    await queue.stop();
    await store.close();
  }
});
