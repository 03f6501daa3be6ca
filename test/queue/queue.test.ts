/**
 * The analysis queue in-process: enqueue, a worker storing every document once, failed jobs
 * keeping their error, and `veille queue` / `ingest --queue` / `worker` as processes.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openQueue, type QueueConnection } from '../../src/queue/boss.js';
import { enqueueDocument } from '../../src/queue/enqueue.js';
import { ANALYZE_QUEUE, DEFAULT_JOB_SETTINGS } from '../../src/queue/settings.js';
import { queueStatus } from '../../src/queue/status.js';
import { startWorker } from '../../src/queue/worker.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { testDatabaseSuite } from '../support/postgres.js';
import { newsDocs, runVeille, spawnTs, CLI_ENTRY, waitFor } from './helpers.js';

const { skip, freshUrl } = await testDatabaseSuite('q');

const FAST = { ...DEFAULT_JOB_SETTINGS, retryLimit: 1, retryDelay: 0, retryBackoff: false, expireInSeconds: 30 };

describe('analysis queue', { skip }, () => {
  let url = '';
  let queue: QueueConnection;
  let store: Store;
  before(async () => {
    if (skip) return;
    url = freshUrl();
    store = await openStore(url);
    queue = await openQueue(url, { supervise: false });
  });
  after(async () => {
    await queue?.stop();
    await store?.close();
  });

  test('a worker stores every queued document once; a document already waiting is not queued twice', async () => {
    const docs = newsDocs(12);
    for (const doc of docs) assert.equal(await enqueueDocument(queue.boss, doc, FAST), 'queued');
    assert.equal(await enqueueDocument(queue.boss, docs[0]!, FAST), 'waiting');
    assert.equal((await queueStatus(queue)).pending, 12);
    const worker = startWorker({ boss: queue.boss, store, concurrency: 3, pollSeconds: 0.2 });
    await waitFor('the queue to drain', async () => (await queueStatus(queue)).completed === 12);
    assert.deepEqual(await worker.stop(), { done: 12, failed: 0 });
    assert.equal((await store.stats()).documents, 12);
    for (const doc of docs) {
      const record = await store.getAnalysis(doc.id);
      assert.equal(record?.doc.text, doc.text);
      assert.ok((record?.entities.length ?? 0) > 0, 'analyzed by the pipeline');
    }
    const status = await queueStatus(queue);
    assert.deepEqual([status.pending, status.active, status.failed], [0, 0, 0]);
  });

  test('a job that cannot be done fails with its error kept, after its retries', async () => {
    await queue.boss.send(ANALYZE_QUEUE, { v: 1, doc: { id: 'bad', text: 'x' } }, { retryLimit: 1, retryDelay: 0 });
    const worker = startWorker({ boss: queue.boss, store, pollSeconds: 0.2 });
    const status = await waitFor('the job to fail for good', async () => {
      const s = await queueStatus(queue);
      return s.failed === 1 ? s : undefined;
    });
    await worker.stop();
    const [failure] = status.failures;
    assert.match(failure?.error ?? '', /lacks id, origin, text or language.*MALFORMED/);
    assert.equal(failure?.retries, 1);
  });

  test('stopping waits for the job in hand', async () => {
    const docs = newsDocs(4, 'stop');
    for (const doc of docs) await enqueueDocument(queue.boss, doc, FAST);
    const worker = startWorker({ boss: queue.boss, store, concurrency: 1, pollSeconds: 0.2 });
    await waitFor('a first document', async () => (await store.hasDocument(docs[0]!.id)) || (await store.hasDocument(docs[1]!.id)));
    const totals = await worker.stop();
    const status = await queueStatus(queue);
    assert.equal(status.active, 0, 'no job left active');
    assert.equal(status.pending, 4 - totals.done);
    // Leave the queue empty for the other tests.
    const rest = startWorker({ boss: queue.boss, store, pollSeconds: 0.2 });
    await waitFor('the rest', async () => (await queueStatus(queue)).pending === 0 && (await queueStatus(queue)).active === 0);
    await rest.stop();
  });
});

describe('veille ingest --queue, worker, queue (processes)', { skip }, () => {
  test('enqueue files, a worker stores them, SIGTERM stops it with exit 0; queue --json shows the counts', async () => {
    const url = freshUrl();
    const dir = mkdtempSync(join(tmpdir(), 'veille-queue-'));
    try {
      newsDocs(6, 'cli').forEach((d, i) => writeFileSync(join(dir, `${i}.txt`), d.text));
      writeFileSync(join(dir, 'empty.txt'), '   ');
      const enqueued = await runVeille(['--db', url, 'ingest', '--queue', '--json', dir]);
      assert.equal(enqueued.code, 1, enqueued.output); // the empty file failed, the others were queued
      assert.match(enqueued.output, /"queued":6,"waiting":0,"failed":1/);
      assert.match(enqueued.output, /empty\.txt/);

      const worker = spawnTs(CLI_ENTRY, ['--db', url, 'worker', '--poll', '0.2']);
      const store = await openStore(url);
      try {
        await waitFor('6 documents', async () => (await store.stats()).documents === 6);
      } finally {
        await store.close();
      }
      await waitFor('jobs completed', async () => {
        const r = await runVeille(['--db', url, 'queue', '--json']);
        return (JSON.parse(r.output) as { completed: number }).completed === 6;
      });
      worker.process.kill('SIGTERM');
      assert.equal(await worker.exited, 0, worker.output());
      assert.match(worker.output(), /stopped: 6 stored, 0 failed/);
      const status = await runVeille(['--db', url, 'queue']);
      assert.equal(status.code, 0);
      assert.match(status.output, /pending: 0/);
      assert.match(status.output, /completed: 6/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the queue needs PostgreSQL: a SQLite store is a usage error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'veille-queue-'));
    try {
      for (const args of [['ingest', '--queue', dir], ['worker'], ['queue']]) {
        const r = await runVeille(['--db', join(dir, 'x.db'), ...args]);
        assert.equal(r.code, 2, r.output);
        assert.match(r.output, /PostgreSQL store/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
