import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createPipeline } from '../../src/analyzers/index.js';
import { readInput } from '../../src/ingest/index.js';
import { toDocument } from '../../src/text/document.js';
import { startServer, type TestServer } from './harness.js';
import { talksRecord, visitRecord } from './records.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Le Fil du Test</title><link>https://fil.example/</link>
<item><title>Le conseil vote le budget</title><link>https://fil.example/budget</link><pubDate>Tue, 14 May 2024 09:00:00 GMT</pubDate>
<description>Le conseil municipal de Valmont a voté mardi un budget de 3 millions d'euros pour la rénovation du port.</description></item>
<item><title>Grève au port</title><link>https://fil.example/greve</link><pubDate>Wed, 15 May 2024 09:00:00 GMT</pubDate>
<description>Les dockers de Valmont ont cessé le travail mercredi pour protester contre la fermeture d'un quai.</description></item>
</channel></rss>`;

const JSONL = [
  { title: 'Inondations dans la vallée', date: '2024-04-02', source: 'Radio Vallée', text: 'La rivière est sortie de son lit dans la nuit et plusieurs routes ont été coupées.' },
  { title: 'Floods in the valley', date: '2024-04-02', source: 'Valley Radio', language: 'en', text: 'The river burst its banks overnight and several roads were closed.' },
].map((r) => JSON.stringify(r)).join('\n');

async function post(s: TestServer, body: string | Uint8Array, type: string, origin?: string): Promise<Response> {
  const q = origin ? `?origin=${encodeURIComponent(origin)}` : '';
  return fetch(`${s.base}/api/ingest${q}`, { method: 'POST', headers: { 'content-type': type }, body });
}

describe('API: ingest, list, get, analysis', () => {
  let s: TestServer;
  before(async () => { s = await startServer({ records: [visitRecord(), talksRecord()] }); });
  after(async () => { await s.close(); });

  test('POST text, HTML, JSONL and a feed: one outcome per document', async () => {
    const text = await post(s, 'Le préfet a annoncé jeudi la réouverture du pont de Valmont après trois semaines de travaux.', 'text/plain; charset=utf-8', 'notes/pont.txt');
    assert.equal(text.status, 200);
    const t = await text.json() as { documents: { id: string; origin: string; status: string }[]; errors: unknown[] };
    assert.equal(t.documents.length, 1);
    assert.equal(t.documents[0]?.status, 'inserted');
    assert.equal(t.documents[0]?.origin, 'notes/pont.txt');
    assert.deepEqual(t.errors, []);

    const html = await post(s, '<!doctype html><html lang="fr"><head><title>Pont rouvert</title></head><body><article><h1>Pont rouvert</h1><p>Le pont de Valmont a rouvert jeudi matin après trois semaines de travaux de consolidation menés par le département.</p><p>Les automobilistes devront encore respecter une limitation de vitesse pendant un mois.</p></article></body></html>', 'text/html', 'https://journal.example/pont');
    assert.equal(html.status, 200);
    const h = await html.json() as { documents: { title: string | null; language: string }[] };
    assert.equal(h.documents[0]?.language, 'fr');

    const jsonl = await post(s, JSONL, 'application/x-ndjson', 'breves.jsonl');
    const j = await jsonl.json() as { documents: { origin: string; language: string }[] };
    assert.deepEqual(j.documents.map((d) => d.language), ['fr', 'en']);
    assert.ok(j.documents.every((d) => d.origin.startsWith('breves.jsonl#')));

    const feed = await post(s, FEED, 'application/rss+xml', 'https://fil.example/rss');
    const f = await feed.json() as { documents: { title: string }[] };
    assert.deepEqual(f.documents.map((d) => d.title), ['Le conseil vote le budget', 'Grève au port']);

    const again = await post(s, FEED, 'application/rss+xml', 'https://fil.example/rss');
    const a = await again.json() as { documents: { status: string }[] };
    assert.deepEqual(a.documents.map((d) => d.status), ['unchanged', 'unchanged']);
  });

  test('application/jsonl and application/atom+xml are read too', async () => {
    const r = await post(s, '{"text":"Le marché couvert de Valmont ouvrira ses portes samedi."}', 'application/jsonl');
    assert.equal(r.status, 200);
    const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom du Test</title><id>urn:t</id><updated>2024-05-01T00:00:00Z</updated>
<entry><title>Nouvelle ligne de bus</title><id>urn:t:1</id><updated>2024-05-01T00:00:00Z</updated><link href="https://atom.example/bus"/><content type="text">Une nouvelle ligne de bus reliera la gare au port de Valmont dès le mois de juin.</content></entry></feed>`;
    const ra = await post(s, atom, 'application/atom+xml', 'https://atom.example/feed');
    assert.equal(ra.status, 200);
    assert.equal(((await ra.json()) as { documents: unknown[] }).documents.length, 1);
  });

  test('per-input errors are reported beside the documents read', async () => {
    const body = `${JSON.stringify({ text: 'Le festival de Valmont accueillera quarante groupes cet été.' })}\nnot json at all\n${JSON.stringify({ title: 'sans texte' })}`;
    const r = await post(s, body, 'application/x-ndjson', 'mixed.jsonl');
    assert.equal(r.status, 200);
    const out = await r.json() as { documents: unknown[]; errors: { origin: string; code: string; detail: string }[] };
    assert.equal(out.documents.length, 1);
    assert.equal(out.errors.length, 2);
    assert.ok(out.errors.every((e) => e.origin.startsWith('mixed.jsonl') && e.code === 'MALFORMED' && e.detail.length > 0));
  });

  test('a body of more documents than one batch: each stored once, reported in input order', async () => {
    const count = 140; // over two batches (BATCH_SIZE)
    const lines = Array.from({ length: count }, (_, i) => (i === 100 ? 'not json' : JSON.stringify({ title: `Avis ${i}`, text: `Avis numéro ${i} : la mairie de Valmont ferme la piscine jeudi.` })));
    const r = await post(s, lines.join('\n'), 'application/x-ndjson', 'avis.jsonl');
    assert.equal(r.status, 200);
    const out = await r.json() as { documents: { origin: string; status: string }[]; errors: { origin: string }[] };
    const expected = Array.from({ length: count }, (_, i) => i).filter((i) => i !== 100);
    assert.deepEqual(out.documents.map((d) => d.origin), expected.map((i) => `avis.jsonl#L${i + 1}`));
    assert.ok(out.documents.every((d) => d.status === 'inserted'));
    assert.deepEqual(out.errors.map((e) => e.origin), ['avis.jsonl#L101']);
    const again = await (await post(s, lines.join('\n'), 'application/x-ndjson', 'avis.jsonl')).json() as { documents: { status: string }[] };
    assert.ok(again.documents.length === count - 1 && again.documents.every((d) => d.status === 'unchanged'));
  });

  test('GET /api/documents lists newest first, filters and pages with a cursor', async () => {
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `${s.base}/api/documents?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await (await fetch(url)).json() as { items: { id: string }[]; nextCursor: string | null };
      assert.ok(page.items.length <= 3);
      all.push(...page.items.map((d) => d.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.equal(new Set(all).size, all.length, 'no document twice across pages');
    const total = (await s.store.stats()).documents;
    assert.equal(all.length, total);

    const en = await (await fetch(`${s.base}/api/documents?language=en&limit=100`)).json() as { items: { language: string }[] };
    assert.ok(en.items.length >= 2 && en.items.every((d) => d.language === 'en'));
    const src = await (await fetch(`${s.base}/api/documents?source=${encodeURIComponent('La Gazette du Test')}`)).json() as { items: { id: string }[] };
    assert.deepEqual(src.items.map((d) => d.id), [visitRecord().doc.id]);
    const dated = await (await fetch(`${s.base}/api/documents?date_from=2024-05-14&date_to=2024-05&limit=100`)).json() as { items: { date: string }[] };
    assert.ok(dated.items.length >= 1 && dated.items.every((d) => d.date >= '2024-05'));
    const ent = await (await fetch(`${s.base}/api/documents?entity=Q159`)).json() as { items: { id: string }[] };
    assert.deepEqual(ent.items.map((d) => d.id), [visitRecord().doc.id]);
  });

  test('GET /api/documents/:id gives the text; /analysis the stored record byte for byte', async () => {
    const id = visitRecord().doc.id;
    const doc = await (await fetch(`${s.base}/api/documents/${id}`)).json() as { id: string; text: string; title: string };
    assert.equal(doc.text, visitRecord().doc.text);
    const r = await fetch(`${s.base}/api/documents/${id}/analysis`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /^application\/json/);
    const bytes = Buffer.from(await r.arrayBuffer()).toString('utf8');
    assert.equal(bytes, await s.store.getAnalysisJson(id));
    assert.equal(bytes, JSON.stringify(visitRecord()));
  });

  test('a document ingested over HTTP has the record `veille analyze --json` prints for the same file', async () => {
    const name = 'en-port-wire.txt';
    const bytes = readFileSync(join(EXAMPLES, name));
    const origin = `examples/${name}`;
    const r = await post(s, bytes, 'text/plain', origin);
    const id = ((await r.json()) as { documents: { id: string }[] }).documents[0]?.id;
    assert.ok(id);
    const served = await (await fetch(`${s.base}/api/documents/${id}/analysis`)).text();
    // What `analyze --json` does for one file: read, normalize, analyze, JSON.stringify.
    const [outcome] = readInput({ origin, bytes, contentType: null });
    assert.ok(outcome?.ok);
    assert.equal(served, JSON.stringify(createPipeline().analyze(toDocument(outcome.doc))));
  });

  test('unknown documents are 404 problems; malformed ids 400', async () => {
    const r = await fetch(`${s.base}/api/documents/0123456789abcdef`);
    assert.equal(r.status, 404);
    assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const p = await r.json() as { type: string; title: string; status: number; detail: string };
    assert.equal(p.status, 404);
    assert.match(p.detail, /0123456789abcdef/);
    assert.equal((await fetch(`${s.base}/api/documents/0123456789abcdef/analysis`)).status, 404);
    assert.equal((await fetch(`${s.base}/api/documents/..%2F..%2Fetc%2Fpasswd`)).status, 400);
  });
});
