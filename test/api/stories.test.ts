import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { main } from '../../src/cli/main.js';
import type { AnalysisRecord } from '../../src/core/record.js';
import type { Fact, StoryRecord } from '../../src/stories/story.js';
import { storyProblems } from '../../src/stories/validate.js';
import { STORY_RECORDS } from '../fixtures/stories/records.js';
import { needsShared, sharedPath } from '../support/shared.js';
import { startServer, type TestServer } from './harness.js';

/** `veille …` in this process on a database file: what the CLI prints. */
async function veille(db: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const [stdout, stderr] = [new PassThrough(), new PassThrough()];
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => { out += c.toString(); });
  stderr.on('data', (c: Buffer) => { err += c.toString(); });
  const code = await main(['node', 'veille', '--db', db, ...args], { stdout, stderr, stdin: new PassThrough(), env: { NO_COLOR: '1' } });
  return { code, stdout: out, stderr: err };
}

const get = async <T>(s: TestServer, path: string): Promise<{ status: number; type: string; body: T; text: string }> => {
  const r = await fetch(`${s.base}${path}`);
  const text = await r.text();
  const type = r.headers.get('content-type') ?? '';
  return { status: r.status, type, text, body: (type.includes('json') ? JSON.parse(text) : text) as T };
};

interface ListItem { id: string; title: string; article_count: number; independent_source_count: number; sources: string[]; languages: string[]; facts: Record<string, number> }

describe('API: stories', () => {
  let s: TestServer;
  const visit = `s${STORY_RECORDS.visitFr.doc.id}`;
  before(async () => { s = await startServer({ records: Object.values(STORY_RECORDS) }); });
  after(async () => { await s.close(); });

  test('GET /api/stories lists stories with their counts, paged by cursor', async () => {
    const all: ListItem[] = [];
    let cursor: string | null = null;
    do {
      const path: string = `/api/stories?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await get<{ items: ListItem[]; nextCursor: string | null }>(s, path);
      assert.equal(page.status, 200);
      assert.ok(page.body.items.length <= 1);
      all.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.equal(all.length, 2);
    const story = all.find((x) => x.id === visit);
    assert.ok(story);
    assert.equal(story.article_count, 3);
    assert.equal(story.independent_source_count, 2);
    assert.deepEqual([...story.languages].sort(), ['en', 'fr']);
    assert.ok((story.facts.conflict ?? 0) >= 1);
    assert.equal((await get(s, '/api/stories?limit=101')).status, 400);
    assert.equal((await get(s, '/api/stories?cursor=nonsense')).status, 400);
  });

  test('GET /api/stories/:id is the record `veille story ID --json` prints, byte for byte; a document id finds it too', async () => {
    const api = await get<StoryRecord>(s, `/api/stories/${visit}`);
    assert.equal(api.status, 200);
    assert.match(api.type, /^application\/json/);
    const cli = await veille(s.dbPath, 'story', visit, '--json');
    assert.equal(cli.code, 0, cli.stderr);
    assert.equal(api.text, cli.stdout.trim());
    const records = new Map<string, AnalysisRecord>(Object.values(STORY_RECORDS).map((r) => [r.doc.id, r]));
    assert.deepEqual(storyProblems(api.body, (id) => records.get(id) ?? null), []);
    const byDoc = await get<StoryRecord>(s, `/api/stories/${STORY_RECORDS.visitEn.doc.id}`);
    assert.equal(byDoc.text, api.text);
  });

  test('facts (filtered by status and kind), timeline and graph are the record\'s', async () => {
    const story = (await get<StoryRecord>(s, `/api/stories/${visit}`)).body;
    const facts = await get<{ story: string; facts: Fact[] }>(s, `/api/stories/${visit}/facts`);
    assert.deepEqual(facts.body, { story: visit, facts: story.facts });
    const conflicts = await get<{ facts: Fact[] }>(s, `/api/stories/${visit}/facts?status=conflict&kind=quantity`);
    assert.deepEqual(conflicts.body.facts, story.facts.filter((f) => f.status === 'conflict' && f.kind === 'quantity'));
    assert.ok(conflicts.body.facts.length >= 1);
    assert.equal((await get(s, `/api/stories/${visit}/facts?status=maybe`)).status, 400);
    assert.deepEqual((await get(s, `/api/stories/${visit}/timeline`)).body, { story: visit, timeline: story.timeline });
    assert.deepEqual((await get(s, `/api/stories/${visit}/graph`)).body, { story: visit, ...story.graph });
    const jgf = await get<{ graph: { directed: boolean; edges: unknown[] } }>(s, `/api/stories/${visit}/graph?format=jgf`);
    assert.equal(jgf.body.graph.directed, true);
    assert.equal(jgf.body.graph.edges.length, story.graph.edges.length);
    const r = await fetch(`${s.base}/api/stories/${visit}/graph?format=graphml`);
    assert.match(r.headers.get('content-type') ?? '', /^application\/graphml\+xml/);
    assert.match(r.headers.get('content-disposition') ?? '', /attachment; filename="veille-s[0-9a-f]{16}\.graphml"/);
    assert.match(await r.text(), /^<\?xml[\s\S]*<graphml[\s\S]*<edge [\s\S]*<\/graphml>\n$/);
  });

  test('unknown stories are 404 problems, malformed ids 400; a document says its story', async () => {
    for (const path of ['/api/stories/s0123456789abcdef', '/api/stories/0123456789abcdef/facts', '/api/stories/s0123456789abcdef/graph?format=graphml']) {
      const r = await get<{ status: number; detail: string }>(s, path);
      assert.equal(r.status, 404, path);
      assert.match(r.type, /^application\/problem\+json/);
      assert.match(r.body.detail, /0123456789abcdef/);
    }
    assert.equal((await get(s, '/api/stories/..%2F..%2Fetc')).status, 400);
    const doc = await get<{ story: string | null }>(s, `/api/documents/${STORY_RECORDS.reprintFr.doc.id}`);
    assert.equal(doc.body.story, visit);
  });

  test('the OpenAPI document has the story and source routes', async () => {
    const doc = (await get<{ paths: Record<string, Record<string, { responses: Record<string, unknown> }>> }>(s, '/api/openapi.json')).body;
    for (const [method, path] of [['get', '/api/stories'], ['get', '/api/stories/{id}'], ['get', '/api/stories/{id}/facts'], ['get', '/api/stories/{id}/timeline'],
      ['get', '/api/stories/{id}/graph'], ['get', '/api/sources'], ['post', '/api/sources'], ['get', '/api/sources/{id}'], ['delete', '/api/sources/{id}']]) {
      assert.ok(doc.paths[path as string]?.[method as string]?.responses, `${method} ${path}`);
    }
  });
});

describe('API: sources', () => {
  let s: TestServer;
  before(async () => { s = await startServer({ token: 'a-token-of-sufficient-length' }); });
  after(async () => { await s.close(); });
  const auth = { authorization: 'Bearer a-token-of-sufficient-length', 'content-type': 'application/json' };

  test('add, list, get by id or URL, remove; writes need the token; bad input is a 400 problem', async () => {
    const denied = await fetch(`${s.base}/api/sources`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: 'https://feeds.example/rss' }) });
    assert.equal(denied.status, 401);
    const added = await fetch(`${s.base}/api/sources`, { method: 'POST', headers: auth, body: JSON.stringify({ url: 'https://feeds.example/rss', name: 'Le Fil', every: '1h' }) });
    assert.equal(added.status, 201);
    const source = await added.json() as { id: number; url: string; everySeconds: number };
    assert.equal(source.everySeconds, 3600);
    const again = await fetch(`${s.base}/api/sources`, { method: 'POST', headers: auth, body: JSON.stringify({ url: 'https://feeds.example/rss' }) });
    assert.equal(again.status, 400);
    assert.match(((await again.json()) as { detail: string }).detail, /already|source/);
    for (const bad of [{ url: 'file:///etc/passwd' }, { url: 'https://x.example/', every: 'soon' }, { nope: 1 }]) {
      const r = await fetch(`${s.base}/api/sources`, { method: 'POST', headers: auth, body: JSON.stringify(bad) });
      assert.equal(r.status, 400, JSON.stringify(bad));
      assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/);
    }
    const list = await (await fetch(`${s.base}/api/sources`)).json() as { items: { url: string }[] };
    assert.deepEqual(list.items.map((x) => x.url), ['https://feeds.example/rss']);
    assert.equal((await fetch(`${s.base}/api/sources/${encodeURIComponent('https://feeds.example/rss')}`)).status, 200);
    assert.equal((await fetch(`${s.base}/api/sources/${source.id}`, { method: 'DELETE' })).status, 401);
    assert.equal((await fetch(`${s.base}/api/sources/${source.id}`, { method: 'DELETE', headers: { authorization: auth.authorization } })).status, 200);
    assert.equal((await fetch(`${s.base}/api/sources/${source.id}`)).status, 404);
  });
});

const seedsSkip = needsShared('seeds');

describe('API: the seeds ingested over HTTP form one story that matches the CLI', { skip: seedsSkip }, () => {
  let s: TestServer;
  const ids: string[] = [];
  before(async () => {
    s = await startServer();
    for (const name of readdirSync(sharedPath('seeds')).filter((f) => f.endsWith('.txt')).sort()) {
      const r = await fetch(`${s.base}/api/ingest?origin=${encodeURIComponent(`seeds/${name}`)}`, {
        method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: readFileSync(sharedPath('seeds', name)),
      });
      assert.equal(r.status, 200, `${name}: ${r.status === 200 ? '' : await r.text()}`);
      ids.push(...((await r.json()) as { documents: { id: string }[] }).documents.map((d) => d.id));
    }
  });
  after(async () => { await s?.close(); });

  test('one story holding both seeds; its record, facts and comparison are the CLI\'s', async () => {
    assert.equal(ids.length, 2);
    const list = (await get<{ items: ListItem[] }>(s, '/api/stories')).body.items;
    assert.equal(list.length, 1, 'one story');
    const id = list[0]?.id as string;
    assert.equal(list[0]?.article_count, 2);
    for (const doc of ids) assert.equal((await get<{ story: string }>(s, `/api/documents/${doc}`)).body.story, id);

    const cli = await veille(s.dbPath, 'story', id, '--json');
    assert.equal(cli.code, 0, cli.stderr);
    const api = await get<StoryRecord>(s, `/api/stories/${id}`);
    assert.equal(api.text, cli.stdout.trim(), 'the API serves what the CLI prints');
    const facts = (await get<{ facts: Fact[] }>(s, `/api/stories/${id}/facts`)).body.facts;
    assert.deepEqual(facts, (JSON.parse(cli.stdout) as StoryRecord).facts);
    assert.ok(facts.some((f) => f.status === 'agreed'), 'the seeds agree on some facts');

    // The page's comparison table lists the same shared facts, each report a link to its span.
    const page = await (await fetch(`${s.base}/stories/${id}?lang=en`)).text();
    for (const f of facts.filter((x) => x.status !== 'single_source')) {
      assert.match(page, new RegExp(`<tr class="fact ${f.status}" id="fact-${f.id}">`));
      for (const r of f.reports) assert.ok(page.includes(`href="/documents/${r.doc}?span=${r.span.start}-${r.span.end}#span"`), `${f.id} links to its report`);
    }
  });

  test('the document page highlights quotes, claims (a denial linking to the claim it answers) and events', async () => {
    for (const doc of ids) {
      const record = (await get<AnalysisRecord>(s, `/api/documents/${doc}/analysis`)).body;
      const page = await (await fetch(`${s.base}/documents/${doc}`)).text();
      for (const layer of ['entities', 'quotes', 'claims', 'events', 'times']) assert.match(page, new RegExp(`class="hl[^"]*\\bl-${layer}\\b`), `${doc}: ${layer}`);
      const denial = record.claims.find((c) => c.stance === 'deny' && c.about);
      assert.ok(denial, `${doc} has a denial that answers a claim`);
      assert.match(page, new RegExp(`id="d-${denial.id}"[\\s\\S]*?data-open="${denial.about}"`), 'the denial links to its claim');
      assert.match(page, /class="story-link"><a href="\/stories\/s[0-9a-f]{16}"/);
    }
  });
});
