import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createServer } from '../../src/api/server.js';
import type { Store } from '../../src/store/store.js';
import { startServer } from './harness.js';
import { visitRecord } from './records.js';

interface Problem { type: string; title: string; status: number; detail: string }

async function problemOf(r: Response, status: number): Promise<Problem> {
  assert.equal(r.status, status);
  assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const p = await r.json() as Problem;
  assert.equal(p.status, status);
  assert.equal(typeof p.type, 'string');
  assert.equal(typeof p.title, 'string');
  assert.equal(typeof p.detail, 'string');
  return p;
}

describe('API: errors are problem+json', () => {
  test('unknown routes, bad parameters, unknown entities', async () => {
    const s = await startServer({ records: [visitRecord()] });
    try {
      await problemOf(await fetch(`${s.base}/api/nothing-here`), 404);
      await problemOf(await fetch(`${s.base}/api/documents?limit=5000`), 400);
      await problemOf(await fetch(`${s.base}/api/documents?cursor=%%%`), 400);
      await problemOf(await fetch(`${s.base}/api/documents?language=FRENCH`), 400);
      await problemOf(await fetch(`${s.base}/api/entities/${encodeURIComponent('PER:Nobody at all')}`), 404);
      await problemOf(await fetch(`${s.base}/api/entities?type=ANIMAL`), 400);
      await problemOf(await fetch(`${s.base}/api/events?modality=sometimes`), 400);
      await problemOf(await fetch(`${s.base}/api/events?date_from=2024-13`), 400);
      await problemOf(await fetch(`${s.base}/api/documents`, { method: 'DELETE' }), 404);
    } finally {
      await s.close();
    }
  });

  test('ingest: unsupported media type 415, empty body 400, nothing readable 422', async () => {
    const s = await startServer();
    try {
      const p415 = await problemOf(await fetch(`${s.base}/api/ingest`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: 'x' }), 415);
      assert.match(p415.detail, /text\/plain/);
      await problemOf(await fetch(`${s.base}/api/ingest`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=b' }), 415);
      await problemOf(await fetch(`${s.base}/api/ingest`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '' }), 400);
      const p422 = await fetch(`${s.base}/api/ingest`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '   \n\n  ' });
      const p = await problemOf(p422, 422) as Problem & { errors?: { code: string }[] };
      assert.equal(p.errors?.[0]?.code, 'EMPTY');
      const binary = await fetch(`${s.base}/api/ingest`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array([0, 159, 146, 150, 0, 0, 1, 2, 3, 0]) });
      await problemOf(binary, 422);
      await problemOf(await fetch(`${s.base}/api/ingest?origin=`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'Un texte.' }), 400);
    } finally {
      await s.close();
    }
  });

  test('bodies over the limit are refused with 413', async () => {
    const s = await startServer({ limits: { bodyBytes: 2000 } });
    try {
      const small = await fetch(`${s.base}/api/ingest`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'Le petit texte tient dans la limite.' });
      assert.equal(small.status, 200);
      const big = await fetch(`${s.base}/api/ingest`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'Une phrase assez longue. '.repeat(200) });
      await problemOf(big, 413);
      assert.equal((await s.store.stats()).documents, 1);
    } finally {
      await s.close();
    }
  });

  test('writes are rate limited per client with 429 and Retry-After', async () => {
    const s = await startServer({ limits: { writesPerMinute: 3 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await fetch(`${s.base}/api/ingest`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: `Dépêche numéro ${i} sur le trafic du port.` });
        statuses.push(r.status);
        if (r.status === 429) {
          await problemOf(r, 429);
          assert.ok(r.headers.get('retry-after'));
        } else {
          await r.arrayBuffer();
        }
      }
      assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
      // Reads are not limited.
      for (let i = 0; i < 10; i++) assert.equal((await fetch(`${s.base}/api/documents`)).status, 200);
    } finally {
      await s.close();
    }
  });

  test('a response that does not match its schema is a 500 problem, and the log says why', async () => {
    const lines: string[] = [];
    const s = await startServer({ log: (line) => lines.push(line) });
    try {
      const real = s.store;
      // A store bug: summaries without an id.
      const broken = new Proxy(real, {
        get(target, prop, receiver) {
          if (prop === 'listDocuments') return async () => ({ items: [{ title: 'no id' }], nextCursor: null });
          return Reflect.get(target, prop, receiver) as unknown;
        },
      }) as Store;
      const app = await createServer({ store: broken, host: '127.0.0.1', log: (line) => lines.push(line) });
      await app.listen({ host: '127.0.0.1', port: 0 });
      try {
        const port = (app.server.address() as { port: number }).port;
        const p = await problemOf(await fetch(`http://127.0.0.1:${port}/api/documents`), 500);
        assert.doesNotMatch(p.detail, /no id|schema/, 'internals stay in the log');
        assert.ok(lines.some((l) => /does not match its schema/.test(l)));
      } finally {
        await app.close();
      }
    } finally {
      await s.close();
    }
  });

  test('store failures are 500 problems that do not leak the database path', async () => {
    const lines: string[] = [];
    const s = await startServer({ log: (line) => lines.push(line) });
    await s.store.close();
    try {
      const p = await problemOf(await fetch(`${s.base}/api/documents`), 500);
      assert.ok(!p.detail.includes(s.dbPath));
      assert.ok(lines.some((l) => l.includes('closed')));
    } finally {
      await s.close();
    }
  });
});
