/**
 * PostgreSQL restarted (fast shutdown: every connection cut) while two workers ingest: they
 * wait the outage out, reconnect and finish; every document is stored once, no job fails.
 * Needs a server of its own to restart: a throwaway cluster (initdb), never VEILLE_TEST_PG's.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { openQueue } from '../../src/queue/boss.js';
import { enqueueDocument } from '../../src/queue/enqueue.js';
import { DEFAULT_JOB_SETTINGS } from '../../src/queue/settings.js';
import { queueStatus } from '../../src/queue/status.js';
import { openStore } from '../../src/store/open.js';
import { createTestDatabase, ownServer } from '../support/postgres.js';
import { CLI_ENTRY, newsDocs, spawnTs, waitFor } from '../queue/helpers.js';

const server = await ownServer();
const skip = typeof server === 'string' ? `needs a PostgreSQL cluster of its own to restart: ${server}` : false;
if (typeof server !== 'string') after(() => server.stop());

const SETTINGS = { ...DEFAULT_JOB_SETTINGS, expireInSeconds: 5, retryDelay: 0, retryBackoff: false };
const COUNT = 60;

test('workers reconnect after PostgreSQL restarts and finish the queue', { skip, timeout: 150_000 }, async () => {
  if (typeof server === 'string') return;
  const database = await createTestDatabase(server);
  const url = database.url;
  const docs = newsDocs(COUNT, 'restart');
  let queue = await openQueue(url);
  for (const doc of docs) await enqueueDocument(queue.boss, doc, SETTINGS);
  await queue.stop();

  const workers = [1, 2].map(() => spawnTs(CLI_ENTRY, ['--db', url, 'worker', '--poll', '0.2', '--supervise', '1']));
  const store = await openStore(url);
  try {
    await waitFor('some documents stored', async () => (await store.stats()).documents >= 8, 90_000);
    server.restart();
    await waitFor('every document stored', async () => (await store.stats()).documents === COUNT, 90_000)
      .catch((err: Error) => { throw new Error(`${err.message}; the workers said:\n${workers.map((w) => w.output()).join('\n---\n')}`); });
    queue = await openQueue(url);
    try {
      const status = await waitFor('every job completed', async () => {
        const s = await queueStatus(queue);
        return s.completed === COUNT ? s : undefined;
      }, 60_000);
      assert.deepEqual([status.pending, status.active, status.failed], [0, 0, 0]);
    } finally {
      await queue.stop();
    }
    for (const w of workers) assert.equal(w.process.exitCode, null, `a worker died:\n${w.output()}`);
  } finally {
    for (const w of workers) w.process.kill('SIGTERM');
    await store.close();
  }
  for (const w of workers) assert.equal(await w.exited, 0, w.output());
  // The restart was seen (a fetch or a write failed and was retried), not slept through.
  assert.match(workers.map((w) => w.output()).join('\n'), /terminating connection|database unavailable|cannot fetch jobs/);
  const check = await openStore(url);
  try {
    assert.equal((await check.stats()).documents, COUNT);
    for (const doc of docs) assert.equal(await check.hasDocument(doc.id), true);
  } finally {
    await check.close();
    await database.drop();
  }
});
