import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startServer, type TestServer } from '../api/harness.js';
import { talksRecord, visitRecord } from '../api/records.js';
import { STORY_RECORDS } from '../fixtures/stories/records.js';
import { HOSTILE_SENTENCE_MARKUP, hostileStoryRecords } from '../api/story-probes.js';
import { EXECUTABLE, hostileRecord, PROBE_HTML, PROBE_JSONL, PROBE_TEXT } from './probes.js';

const ALLOWED_SCRIPTS = ['/static/app.js', '/static/vendor/cytoscape.min.js', '/static/story.js'].map((src) => `<script src="${src}" defer>`);

async function page(s: TestServer, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; type: string }> {
  const r = await fetch(`${s.base}${path}`, { headers });
  return { status: r.status, body: await r.text(), type: r.headers.get('content-type') ?? '' };
}

function assertInert(body: string, where: string): void {
  for (const re of EXECUTABLE) assert.doesNotMatch(body, re, `${where}: ${re}`);
  // Event handlers as real attributes: quoted attribute values (escaped text) are blanked first.
  const tags = body.replace(/="[^"]*"/g, '=""');
  assert.doesNotMatch(tags, /<[^>]+\son[a-z]+\s*=/i, `${where}: event handler attribute`);
  // Pages load scripts from /static only: app.js, and on story pages cytoscape and story.js.
  const scripts = [...body.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
  assert.equal(scripts[0], '<script src="/static/app.js" defer>', where);
  for (const tag of scripts) assert.ok(ALLOWED_SCRIPTS.includes(tag), `${where}: ${tag}`);
  assert.doesNotMatch(body, /\sstyle\s*=/i, `${where}: inline style`);
}

describe('web pages', () => {
  let s: TestServer;
  const probeIds: string[] = [];
  before(async () => {
    s = await startServer({ records: [visitRecord(), talksRecord(), hostileRecord()] });
    for (const [body, type] of [[PROBE_JSONL, 'application/x-ndjson'], [PROBE_HTML, 'text/html'], [PROBE_TEXT, 'text/plain']]) {
      const r = await fetch(`${s.base}/api/ingest?origin=${encodeURIComponent('https://probe.example/<script>')}`, { method: 'POST', headers: { 'content-type': type as string }, body });
      assert.equal(r.status, 200, `probe ${type}`);
      probeIds.push(...((await r.json()) as { documents: { id: string }[] }).documents.map((d) => d.id));
    }
    probeIds.push(hostileRecord().doc.id);
  });
  after(async () => { await s.close(); });

  test('XSS probes in titles, texts, sources and items are escaped on every page', async () => {
    const paths = ['/', '/?q=script', '/?q=alert', '/?q=onerror', '/entities', '/events', `/?source=${encodeURIComponent('<b onmouseover=alert(5)>Evil</b>')}`,
      `/entities/${encodeURIComponent('PER:<script>alert(18)</script>')}`, ...probeIds.map((id) => `/documents/${id}`)];
    for (const path of paths) {
      const p = await page(s, path);
      assert.ok(p.status === 200, `${path}: ${p.status}`);
      assert.match(p.type, /^text\/html; charset=utf-8/);
      assertInert(p.body, path);
    }
    const doc = await page(s, `/documents/${probeIds[0]}`);
    assert.match(doc.body, /<title>&lt;\/title&gt;&lt;script&gt;alert\(&#39;title&#39;\)&lt;\/script&gt; · Veille<\/title>/);
    assert.match(doc.body, /&lt;script&gt;alert\(&#39;x&#39;\)&lt;\/script&gt;/, 'the text is shown, as text');
    const hostile = await page(s, `/documents/${hostileRecord().doc.id}`);
    assert.match(hostile.body, /&lt;script&gt;alert\(18\)&lt;\/script&gt;/, 'entity names are shown, as text');
    assert.doesNotMatch(hostile.body, /href="javascript/i, 'javascript: origins and sources are not links');
  });

  test('search reflects the query escaped, in the page and the title', async () => {
    const p = await page(s, `/?q=${encodeURIComponent('"><script>alert(20)</script>')}`);
    assertInert(p.body, 'reflected query');
    assert.match(p.body, /value="&quot;&gt;&lt;script&gt;alert\(20\)&lt;\/script&gt;"/);
  });

  test('search page: results, facets, filters and a bad query explained', async () => {
    const home = await page(s, '/');
    assert.match(home.body, /Documents les plus récents/);
    assert.match(home.body, /href="\/documents\/[0-9a-f]{16}"/);
    assert.match(home.body, /<h2>Langue<\/h2>/);
    const found = await page(s, '/?q=Petrov');
    assert.match(found.body, new RegExp(`/documents/${visitRecord().doc.id}`));
    assert.match(found.body, /<mark>Petrov<\/mark>/);
    const filtered = await page(s, '/?q=Petrov&language=en');
    assert.match(filtered.body, /Aucun document trouvé/);
    const bad = await page(s, `/?q=${encodeURIComponent('"" **')}`);
    assert.equal(bad.status, 400);
    assert.match(bad.body, /role="alert"/);
    const byEntity = await page(s, '/?entity=Q159');
    assert.match(byEntity.body, /Documents qui mentionnent Russie/);
  });

  test('document page: every item highlighted, with details, and the denial linked to its claim', async () => {
    const record = visitRecord();
    const p = await page(s, `/documents/${record.doc.id}`);
    assert.equal(p.status, 200);
    for (const id of ['e1', 'e2', 'e3', 'e4', 'e5', 'q1', 'c1', 'c2', 'v1', 'v2', 't1', 'n1']) {
      assert.match(p.body, new RegExp(`<section class="detail [^"]*" id="d-${id}"`), `details of ${id}`);
      assert.match(p.body, new RegExp(`data-items="[^"]*\\b${id}\\b`), `${id} is highlighted`);
    }
    const c2 = p.body.slice(p.body.indexOf('id="d-c2"'), p.body.indexOf('</section>', p.body.indexOf('id="d-c2"')));
    assert.match(c2, /dément/);
    assert.match(c2, /<a href="#d-c1" data-open="c1">/, 'the denial links to the claim it answers');
    const c1 = p.body.slice(p.body.indexOf('id="d-c1"'), p.body.indexOf('</section>', p.body.indexOf('id="d-c1"')));
    assert.match(c1, /<a href="#d-c2" data-open="c2">/, 'the claim links to its denial');
    // v2 ("que Moscou a livré") crosses c1 ("Moscou a livré … Corée du Nord"): "Moscou" is under e3, v2 and c1.
    assert.match(p.body, /data-items="e3 v2 c1"[^>]*>Moscou<\/a>/);
    // The highlighted text is the document text, piece by piece.
    const text = p.body.slice(p.body.indexOf('<div class="doc-text"'), p.body.indexOf('</div>', p.body.indexOf('<div class="doc-text"')));
    const plain = text.replace(/<[^>]+>/g, '').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    assert.equal(plain, record.doc.text);
  });

  test('interface language: ?lang=, Accept-Language, default French', async () => {
    assert.match((await page(s, '/')).body, /<html lang="fr">/);
    assert.match((await page(s, '/', { 'accept-language': 'en-US,en;q=0.9' })).body, /<html lang="en">[\s\S]*Latest documents/);
    const r = await fetch(`${s.base}/events?lang=en`);
    assert.match(await r.text(), /Download CSV/);
    assert.match(r.headers.get('set-cookie') ?? '', /veille_lang=en/);
  });

  test('events page: filters, table and the CSV link with the same filters', async () => {
    const p = await page(s, '/events?actor=RUS');
    assert.match(p.body, /<table class="events">/);
    assert.equal((p.body.match(/<tr>/g) ?? []).length, 3, 'header + two events');
    assert.match(p.body, /href="\/api\/events\?actor=RUS&amp;format=csv"/);
    const bad = await page(s, '/events?date_from=soon');
    assert.equal(bad.status, 400);
    assert.match(bad.body, /role="alert"/);
  });

  test('entities pages', async () => {
    const list = await page(s, '/entities?type=GPE');
    assert.match(list.body, /href="\/entities\/Q159"/);
    const one = await page(s, '/entities/Q159');
    assert.match(one.body, /<h1>Russie<\/h1>/);
    assert.match(one.body, new RegExp(`/documents/${visitRecord().doc.id}#s-\\d+`));
  });

  test('unknown pages are HTML 404s', async () => {
    for (const path of ['/documents/0123456789abcdef', '/documents/nope', '/entities/PER%3ANobody', '/nowhere']) {
      const p = await page(s, path);
      assert.equal(p.status, 404, path);
      assert.match(p.type, /text\/html/);
    }
  });
});

describe('story pages', () => {
  let s: TestServer;
  const visit = `s${STORY_RECORDS.visitFr.doc.id}`;
  before(async () => { s = await startServer({ records: Object.values(STORY_RECORDS) }); });
  after(async () => { await s.close(); });

  test('the stories list and a story: summary, comparison table, timeline, graph, documents', async () => {
    const list = await page(s, '/stories');
    assert.equal(list.status, 200);
    assert.match(list.body, new RegExp(`href="/stories/${visit}"`));
    assert.match(list.body, /3 articles, 2 sources indépendantes/);
    const p = await page(s, `/stories/${visit}?lang=en`);
    assert.equal(p.status, 200);
    assertInert(p.body, 'story page');
    assert.match(p.body, /<h2 id="summary-h">Summary<\/h2>\s*<ol class="summary"><li><a class="span-link" href="\/documents\/[0-9a-f]{16}\?span=\d+-\d+#span"/);
    assert.match(p.body, /<table class="compare">/);
    assert.match(p.body, /<tr class="fact conflict" id="fact-f\d+">[\s\S]*?<span class="status conflict">conflict<\/span>[\s\S]*?publication time/);
    assert.match(p.body, /<tr class="fact agreed"/);
    assert.match(p.body, /<ol class="timeline">/);
    assert.match(p.body, new RegExp(`<div id="story-graph" class="graph" data-src="/api/stories/${visit}/graph"`));
    assert.match(p.body, /<table class="edges">/);
    for (const r of Object.values(STORY_RECORDS).slice(0, 3)) assert.match(p.body, new RegExp(`<a href="/documents/${r.doc.id}">`));
    // A document id redirects to its story; an unknown story is a 404 page.
    const byDoc = await fetch(`${s.base}/stories/${STORY_RECORDS.visitEn.doc.id}`, { redirect: 'manual' });
    assert.equal(byDoc.status, 303);
    assert.equal(byDoc.headers.get('location'), `/stories/${visit}`);
    assert.equal((await page(s, '/stories/s0123456789abcdef')).status, 404);
    assert.equal((await page(s, '/stories/nope')).status, 404);
  });

  test('a span link marks that span on the document page; the document links to its story', async () => {
    const record = STORY_RECORDS.visitFr;
    const at = record.doc.text.indexOf('Le chancelier');
    const end = record.doc.text.indexOf('.', at) + 1;
    const p = await page(s, `/documents/${record.doc.id}?span=${at}-${end}`);
    const marked = [...p.body.matchAll(/<mark class="target"[^>]*>([\s\S]*?)<\/mark>/g)].map((m) => m[1]?.replace(/<[^>]+>/g, '')).join('');
    assert.equal(marked, record.doc.text.slice(at, end));
    assert.match(p.body, /<mark class="target" id="span" tabindex="-1">/);
    assert.match(p.body, new RegExp(`<p class="story-link"><a href="/stories/${visit}">`));
    for (const bad of ['5-2', '0-99999', 'x', '1-2-3']) assert.doesNotMatch((await page(s, `/documents/${record.doc.id}?span=${bad}`)).body, /mark class="target"/, bad);
  });

  test('XSS probes in story titles, sources and summary sentences are escaped', async () => {
    const h = await startServer({ records: hostileStoryRecords() });
    try {
      const stories = (await (await fetch(`${h.base}/api/stories`)).json()) as { items: { id: string; title: string; article_count: number }[] };
      assert.equal(stories.items.length, 1, 'the hostile reports form one story');
      const hostile = stories.items[0] as { id: string; title: string };
      assert.ok(hostile.title.includes('<'), 'with a hostile title');
      for (const path of ['/stories', `/stories/${hostile.id}`]) {
        const p = await page(h, path);
        assert.equal(p.status, 200, path);
        assertInert(p.body, path);
      }
      const p = await page(h, `/stories/${hostile.id}`);
      // The title is the first report's (the English one, published a day earlier).
      assert.match(p.body, /<title>&lt;svg onload=alert\(23\)&gt; · Veille<\/title>/);
      assert.match(p.body, /<h1>&lt;svg onload=alert\(23\)&gt;<\/h1>/);
      assert.ok(p.body.includes(HOSTILE_SENTENCE_MARKUP.replace(/</g, '&lt;').replace(/>/g, '&gt;')), 'the summary shows the markup as text');
    } finally {
      await h.close();
    }
  });
});
