import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startServer } from './harness.js';

interface Operation { parameters?: { name: string; in: string }[]; responses: Record<string, unknown>; requestBody?: { content: Record<string, unknown> } }

test('GET /api/openapi.json: OpenAPI 3.1 generated from the route schemas', async () => {
  const s = await startServer();
  try {
    const r = await fetch(`${s.base}/api/openapi.json`);
    assert.equal(r.status, 200);
    const doc = await r.json() as { openapi: string; info: { title: string }; paths: Record<string, Record<string, Operation>> };
    assert.equal(doc.openapi, '3.1.0');
    const expected = [
      ['get', '/api/health'], ['get', '/api/documents'], ['get', '/api/documents/{id}'], ['get', '/api/documents/{id}/analysis'],
      ['get', '/api/search'], ['post', '/api/ingest'], ['get', '/api/entities'], ['get', '/api/entities/{key}'], ['get', '/api/events'],
    ];
    for (const [method, path] of expected) {
      const op = doc.paths[path as string]?.[method as string];
      assert.ok(op, `${method} ${path} is documented`);
      assert.ok(op.responses['200'], `${method} ${path} documents its 200`);
    }
    assert.ok(!Object.keys(doc.paths).some((p) => !p.startsWith('/api/')), 'pages are not in the API document');
    const search = doc.paths['/api/search']?.get;
    const names = (search?.parameters ?? []).map((p) => `${p.in}:${p.name}`);
    for (const n of ['query:q', 'query:language', 'query:source', 'query:date_from', 'query:date_to', 'query:cursor', 'query:limit']) assert.ok(names.includes(n), n);
    assert.ok(doc.paths['/api/documents']?.get?.responses['400'], 'errors are documented');
    const ingest = doc.paths['/api/ingest']?.post;
    assert.ok(ingest?.requestBody?.content['application/rss+xml'], 'ingest documents the types it reads');
  } finally {
    await s.close();
  }
});
