import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { csvCell, EVENT_CSV_COLUMNS } from '../../src/api/events-csv.js';
import { dateWithin } from '../../src/api/events-query.js';
import { startServer, type TestServer } from './harness.js';
import { plainRecord, talksRecord, visitRecord } from './records.js';

interface EventPage { items: { document: { id: string }; event: { id: string; event: string } }[]; nextCursor: string | null }

describe('API: events and entities', () => {
  let s: TestServer;
  before(async () => { s = await startServer({ records: [visitRecord(), talksRecord(), plainRecord('Un texte sans événement.')] }); });
  after(async () => { await s.close(); });

  const events = async (query: string): Promise<string[]> => {
    const r = await fetch(`${s.base}/api/events?${query}`);
    assert.equal(r.status, 200, query);
    return ((await r.json()) as EventPage).items.map((row) => `${row.event.event}:${row.event.id}`);
  };

  test('filters by category, actor, recipient, modality and date', async () => {
    assert.equal((await events('')).length, 4);
    assert.deepEqual(await events('event=consult'), ['CONSULT:v1', 'CONSULT:v1']);
    assert.deepEqual(await events('actor=SDM'), ['CONSULT:v1', 'THREATEN:v2']);
    assert.deepEqual(await events('recipient=PRK&modality=reported'), ['AID:v2']);
    assert.deepEqual(await events('date_from=2024-05-14'), ['CONSULT:v1', 'THREATEN:v2']);
    assert.deepEqual(await events('date_from=2024-05-15'), ['THREATEN:v2'], 'a month-precise date may fall after the 15th');
    assert.deepEqual(await events('date_to=2024-03'), ['CONSULT:v1']);
    assert.deepEqual(await events(`document=${visitRecord().doc.id}`), ['CONSULT:v1', 'AID:v2']);
  });

  test('pages of events follow nextCursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r: Response = await fetch(`${s.base}/api/events?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      const page = await r.json() as EventPage;
      assert.ok(page.items.length <= 1);
      seen.push(...page.items.map((row) => `${row.document.id}/${row.event.id}`));
      cursor = page.nextCursor;
    } while (cursor);
    assert.equal(seen.length, 4);
    assert.equal(new Set(seen).size, 4);
  });

  test('format=csv downloads every matching event as CSV', async () => {
    const r = await fetch(`${s.base}/api/events?format=csv&actor=RUS`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(r.headers.get('content-disposition') ?? '', /attachment; filename="veille-events\.csv"/);
    const lines = (await r.text()).trimEnd().split('\r\n');
    assert.equal(lines[0], EVENT_CSV_COLUMNS.join(','));
    assert.equal(lines.length, 3);
    assert.match(lines[1] ?? '', /CONSULT/);
    assert.match(lines[2] ?? '', /AID/);
  });

  test('format=jsonl gives one {document, event} per line', async () => {
    const r = await fetch(`${s.base}/api/events?format=jsonl&event=THREATEN`);
    assert.match(r.headers.get('content-type') ?? '', /^application\/x-ndjson/);
    const rows = (await r.text()).trim().split('\n').map((l) => JSON.parse(l) as { document: { id: string }; event: { event: string; event_scale: number } });
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.event.event, 'THREATEN');
    assert.equal(rows[0]?.document.id, talksRecord().doc.id);
    assert.equal(rows[0]?.event.event_scale, -4);
  });

  test('a bad filter is a 400 even for a download', async () => {
    assert.equal((await fetch(`${s.base}/api/events?format=csv&date_to=tomorrow`)).status, 400);
    assert.equal((await fetch(`${s.base}/api/events?format=xml`)).status, 400);
  });

  test('GET /api/entities and /api/entities/:key with mentions across documents', async () => {
    const page = await (await fetch(`${s.base}/api/entities?limit=100`)).json() as { items: { key: string; name: string; documents: number }[] };
    const keys = page.items.map((e) => e.key);
    assert.ok(keys.includes('Q159') && keys.includes('PER:Ivan Petrov'));
    const pers = await (await fetch(`${s.base}/api/entities?type=PER`)).json() as { items: { key: string }[] };
    assert.deepEqual(pers.items.map((e) => e.key), ['PER:Ivan Petrov']);
    const byName = await (await fetch(`${s.base}/api/entities?q=coree`)).json() as { items: { name: string }[] };
    assert.deepEqual(byName.items.map((e) => e.name).sort(), ['Corée du Nord', 'Corée du Sud']);

    const r = await fetch(`${s.base}/api/entities/${encodeURIComponent('PER:Ivan Petrov')}`);
    assert.equal(r.status, 200);
    const one = await r.json() as { key: string; name: string; type: string; occurrences: { items: { document: { id: string }; entities: { mentions: { text: string }[] }[] }[] } };
    assert.equal(one.name, 'Ivan Petrov');
    assert.equal(one.type, 'PER');
    assert.equal(one.occurrences.items[0]?.document.id, visitRecord().doc.id);
    assert.deepEqual(one.occurrences.items[0]?.entities[0]?.mentions.map((m) => m.text), ['Ivan Petrov', 'Ivan Petrov']);
  });
});

describe('events helpers', () => {
  test('dateWithin compares at the coarser precision', () => {
    assert.ok(dateWithin('2024-05', '2024-05-15', null));
    assert.ok(dateWithin('2024-05-14', '2024-05', '2024-05'));
    assert.ok(!dateWithin('2024-04-30', '2024-05', null));
    assert.ok(!dateWithin(null, '2024', null));
    assert.ok(dateWithin(null, null, null));
  });

  test('CSV cells are quoted and formula-looking text is defused', () => {
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('line\nbreak'), '"line\nbreak"');
    assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell(-4), '-4');
    assert.equal(csvCell(null), '');
  });
});
