import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, type TestServer } from './harness.js';
import { bulletins, talksRecord, visitRecord } from './records.js';

/** Inputs that break naive full-text engines: operators, quotes, SQL, control characters. */
const HOSTILE_QUERIES = [
  '""', '"', '*', '**', '-', 'AND', 'OR', 'NOT', '(((', ')', 'NEAR(a b)', 'a OR', '"unclosed', "'; DROP TABLE documents; --",
  'title:Petrov', '^Petrov', 'Petrov:*', '\u0000', '\u0000Petrov', '🙂', '\\', '%', '_', '{}', '[]', '<script>alert(1)</script>',
  'a'.repeat(999), 'x '.repeat(40),
];

describe('API: search', () => {
  let s: TestServer;
  before(async () => { s = await startServer({ records: [visitRecord(), talksRecord(), ...bulletins(5)] }); });
  after(async () => { await s.close(); });

  const search = (q: string, extra = ''): Promise<Response> => fetch(`${s.base}/api/search?q=${encodeURIComponent(q)}${extra}`);

  test('finds words with accents and case folded, with snippet marks', async () => {
    const r = await search('coree du nord');
    assert.equal(r.status, 200);
    const page = await r.json() as { items: { id: string; snippet: { text: string; marks: { start: number; end: number }[] } }[] };
    assert.deepEqual(page.items.map((h) => h.id), [visitRecord().doc.id]);
    const hit = page.items[0];
    assert.ok(hit && hit.snippet.marks.length > 0);
  });

  test('filters by language, source, date and entity', async () => {
    const ids = async (extra: string): Promise<string[]> =>
      ((await (await search('Petrov', extra)).json()) as { items: { id: string }[] }).items.map((h) => h.id);
    assert.deepEqual(await ids('&language=en'), []);
    assert.deepEqual(await ids('&language=fr'), [visitRecord().doc.id]);
    const geneva = async (extra: string): Promise<number> =>
      ((await (await search('Geneva', extra)).json()) as { items: unknown[] }).items.length;
    assert.equal(await geneva('&source=Harbour%20Tribune'), 1);
    assert.equal(await geneva('&source=Other'), 0);
    assert.equal(await geneva('&date_from=2024-05-15'), 0);
    assert.equal(await geneva('&date_to=2024-05'), 1);
    assert.equal(await geneva('&entity=Q71'), 1);
    assert.equal(await geneva('&entity=Q159'), 0);
  });

  test('hostile queries are answered 400 with a message or 200, never 500', async () => {
    for (const q of HOSTILE_QUERIES) {
      const r = await search(q);
      assert.ok(r.status === 200 || r.status === 400, `${JSON.stringify(q)} gave ${r.status}`);
      if (r.status === 400) {
        assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/);
        const p = await r.json() as { detail: string; status: number };
        assert.equal(p.status, 400);
        assert.ok(p.detail.length > 0);
      } else {
        await r.arrayBuffer();
      }
    }
  });

  test('a query with nothing to search for is a 400 that says why', async () => {
    const r = await search('"" ** ()');
    assert.equal(r.status, 400);
    const p = await r.json() as { type: string; title: string; detail: string };
    assert.match(p.detail, /no word to search for/);
    assert.match(p.type, /bad-query$/);
  });

  test('missing q, over-long q, bad cursor, bad limit and unknown parameters are 400', async () => {
    assert.equal((await fetch(`${s.base}/api/search`)).status, 400);
    assert.equal((await search('a'.repeat(1001))).status, 400);
    assert.equal((await search('Petrov', '&cursor=not-a-cursor')).status, 400);
    assert.equal((await search('Petrov', '&limit=0')).status, 400);
    assert.equal((await search('Petrov', '&limit=abc')).status, 400);
    assert.equal((await search('Petrov', '&date_from=yesterday')).status, 400);
    assert.equal((await search('Petrov', '&colour=blue')).status, 400);
  });

  test('pages of search results follow nextCursor without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const extra: string = `&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await (await search('bulletin', extra)).json() as { items: { id: string }[]; nextCursor: string | null };
      assert.ok(page.items.length <= 2);
      seen.push(...page.items.map((h) => h.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.equal(seen.length, 5);
    assert.equal(new Set(seen).size, 5);
  });
});
