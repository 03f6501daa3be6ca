import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createPipeline } from '../../src/analyzers/index.js';
import type { Clock } from '../../src/sources/clock.js';
import { createFetcher, type Fetcher, type FetchOptions } from '../../src/sources/fetcher.js';
import { HostQueue } from '../../src/sources/host-queue.js';
import type { PollResult } from '../../src/sources/poll-source.js';
import { analyzeAndStore } from '../../src/sources/sink.js';
import { addSubscription } from '../../src/sources/subscriptions.js';
import { watch, type WatchOptions, type WatchSummary } from '../../src/sources/watcher.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { articleText, page, rss, type FeedItem } from './feeds.js';
import { send, startServer, type TestServer } from './server.js';

const T0 = new Date('2024-03-12T08:00:00.000Z');

/** A clock that only moves when told to (or by the time a sleep asks for). */
function fakeClock(start = T0): Clock & { advance(seconds: number): void } {
  let t = start.getTime();
  return {
    now: () => t,
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      t += ms;
    },
    advance: (seconds) => { t += seconds * 1000; },
  };
}

describe('watch: polling sources', () => {
  let server: TestServer;
  /** Feeds served, by path; each answers with an ETag and honours If-None-Match. */
  const feeds = new Map<string, string>();
  /** Other responses, by path. */
  const special = new Map<string, { status: number; type: string | null; body: string; headers?: Record<string, string> }>();
  let store: Store;
  let clock: ReturnType<typeof fakeClock>;
  let lines: string[];
  /** URLs the watcher tried to fetch outside the test server (must stay empty). */
  const offLimits: string[] = [];

  before(async () => {
    server = await startServer((req, res) => {
      const path = req.url ?? '/';
      const feed = feeds.get(path);
      if (feed !== undefined) {
        const etag = `"${createHash('sha1').update(feed).digest('hex').slice(0, 12)}"`;
        if (req.headers['if-none-match'] === etag) return send(res, 304, null, '', { etag });
        return send(res, 200, 'application/rss+xml; charset=utf-8', feed, { etag });
      }
      const s = special.get(path);
      if (s) return send(res, s.status, s.type, s.body, s.headers);
      const article = /^\/article\/(\d+)$/.exec(path);
      if (article) return send(res, 200, 'text/html; charset=utf-8', page(`Article ${article[1]}`, articleText(Number(article[1]))));
      send(res, 404, 'text/plain', 'no such page');
    });
  });
  after(() => server.close());
  afterEach(async () => {
    await store.close();
    assert.deepEqual(offLimits.splice(0), [], 'nothing fetched outside 127.0.0.1');
  });
  beforeEach(async () => {
    feeds.clear();
    special.clear();
    server.requests.length = 0;
    store = await openStore(':memory:');
    clock = fakeClock();
    lines = [];
  });

  const fullItem = (n: number, link = server.url(`/item/${n}`)): FeedItem => ({ title: `Séance ${n}`, link, guid: `item-${n}`, content: articleText(n) });

  /** The watcher's fetcher, refusing (and failing the test on) anything but the test server. */
  function localOnly(options: FetchOptions): Fetcher {
    const inner = createFetcher(options);
    return {
      fetch: (url, validators, signal) => {
        if (!url.startsWith(server.url('/'))) {
          offLimits.push(url);
          return Promise.reject(new Error(`the test tried to fetch ${url}`));
        }
        return inner.fetch(url, validators, signal);
      },
      close: () => inner.close(),
    };
  }

  async function poll(extra: Partial<WatchOptions> = {}): Promise<WatchSummary> {
    const fetcher = localOnly(extra.fetch ?? { allowPrivate: true });
    try {
      return await watch({
        store,
        sink: analyzeAndStore(store, createPipeline()),
        fetcher,
        once: true,
        clock,
        hostDelayMs: 0,
        log: (line) => lines.push(line),
        ...extra,
      });
    } finally {
      await fetcher.close();
    }
  }

  const subscribe = (path: string, name: string | null = null, every = '15m') => addSubscription(store, { url: server.url(path), name, every, at: new Date(clock.now()) });
  const count = async (): Promise<number> => (await store.stats()).documents;

  test('a feed that changes between polls: new items stored, old ones unchanged, 304 when nothing changed', async () => {
    feeds.set('/feed', rss('La Gazette', [1, 2, 3].map((n) => fullItem(n))));
    await subscribe('/feed', 'La Gazette');
    await poll();
    assert.match(lines.at(-1)!, /^La Gazette: 3 new, 0 unchanged, \d+ ms$/);
    assert.equal(await count(), 3);

    clock.advance(15 * 60);
    await poll();
    assert.match(lines.at(-1)!, /^La Gazette: not modified, \d+ ms$/);
    assert.ok(server.requests.at(-1)!.headers['if-none-match'], 'the validator was sent');

    feeds.set('/feed', rss('La Gazette', [4, 5, 1, 2, 3].map((n) => fullItem(n))));
    clock.advance(15 * 60);
    await poll();
    assert.match(lines.at(-1)!, /^La Gazette: 2 new, 3 unchanged, \d+ ms$/);
    assert.equal(await count(), 5);
    const hits = await store.search({ query: 'Séance 4' });
    assert.equal(hits.items[0]?.title, 'Séance 4');
    assert.equal(hits.items[0]?.source.name, 'La Gazette', 'the subscription name is the outlet');
    const source = (await store.listSources())[0]!;
    assert.equal(source.nextPollAt, new Date(clock.now() + 15 * 60 * 1000).toISOString());
    assert.equal(source.failures, 0);
  });

  test('a source not due is not polled; --once with nothing due does nothing', async () => {
    feeds.set('/feed', rss('La Gazette', [fullItem(1)]));
    await subscribe('/feed');
    await poll();
    const before = server.requests.length;
    clock.advance(60);
    const summary = await poll();
    assert.equal(summary.polls, 0);
    assert.equal(server.requests.length, before);
  });

  test('items whose body is only a summary are read from their link, once', async () => {
    feeds.set('/feed', rss('La Gazette', [
      { title: 'Court', link: server.url('/article/7'), guid: 'a7', description: 'Le conseil a voté le budget.' },
      { title: 'Sans texte', link: server.url('/article/8'), guid: 'a8' },
      fullItem(9),
    ]));
    await subscribe('/feed');
    await poll();
    assert.match(lines.at(-1)!, /: 3 new, 0 unchanged/);
    const seven = (await store.search({ query: 'dossier numéro 7' })).items[0];
    assert.equal(seven?.origin, server.url('/article/7'));
    assert.equal(seven?.source.url, server.url('/article/7'));
    assert.equal(seven?.title, 'Court', "the feed's title wins");
    assert.equal((await store.search({ query: 'dossier numéro 8' })).items.length, 1);

    feeds.set('/feed', rss('La Gazette', [
      { title: 'Court', link: server.url('/article/7'), guid: 'a7', description: 'Le conseil a voté le budget, mise à jour.' },
      { title: 'Sans texte', link: server.url('/article/8'), guid: 'a8' },
      fullItem(9),
    ]));
    clock.advance(15 * 60);
    await poll();
    assert.match(lines.at(-1)!, /: 0 new, 3 unchanged/);
    assert.equal(server.requests.filter((r) => r.path === '/article/7').length, 1, 'the article is not fetched again');
  });

  test('an article link that fails keeps the summary, and says so', async () => {
    const summary = 'La préfecture a fermé la route départementale après un glissement de terrain.';
    feeds.set('/feed', rss('La Gazette', [{ title: 'Route', link: server.url('/missing-article'), guid: 'r1', description: summary }]));
    await subscribe('/feed');
    const warnings: string[] = [];
    await poll({ onItemError: (e) => warnings.push(`${e.input}: ${e.message}`) });
    assert.match(lines.at(-1)!, /: 1 new, 0 unchanged/);
    assert.equal((await store.search({ query: 'glissement' })).items.length, 1);
    assert.deepEqual(warnings, [`${server.url('/missing-article')}: HTTP 404`]);
  });

  test('an item repeated across two feeds is stored once', async () => {
    const shared = fullItem(20, 'https://agence.example/depeche-20');
    feeds.set('/a', rss('Gazette A', [fullItem(21), shared]));
    feeds.set('/b', rss('Gazette B', [{ ...shared, guid: 'other-guid' }, fullItem(22)]));
    await subscribe('/a');
    await subscribe('/b');
    await poll({ concurrency: 1 });
    assert.equal(await count(), 3);
    assert.match(lines[0]!, /: 2 new, 0 unchanged/);
    assert.match(lines[1]!, /: 1 new, 1 unchanged/);
    // The same text under another link is caught by the document id (the hash of its text).
    feeds.set('/b', rss('Gazette B', [{ ...shared, link: 'https://miroir.example/20', guid: 'x' }, fullItem(22)]));
    clock.advance(15 * 60);
    await poll();
    assert.equal(await count(), 3);
  });

  test('a malformed feed is an error line naming the source; the other sources are polled', async () => {
    feeds.set('/good', rss('Bonne', [fullItem(30)]));
    special.set('/bad', { status: 200, type: 'application/rss+xml', body: '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Cassé</title><item><title>Moi</ti' });
    const bad = await subscribe('/bad', 'Gazette cassée');
    await subscribe('/good', 'Bonne');
    const summary = await poll();
    assert.deepEqual([summary.polls, summary.failedPolls], [2, 1]);
    assert.match(lines.find((l) => l.startsWith('Gazette cassée'))!, /^Gazette cassée: error: malformed feed: .+ \(retry in 1m\)$/);
    assert.match(lines.find((l) => l.startsWith('Bonne'))!, /^Bonne: 1 new, 0 unchanged, \d+ ms$/);
    const stored = await store.getSource(bad.id);
    assert.deepEqual([stored?.failures, stored?.nextPollAt], [1, new Date(clock.now() + 60_000).toISOString()]);
    assert.match(stored?.lastError ?? '', /malformed feed/);
  });

  test('failures back off exponentially; a success resets the count', async () => {
    special.set('/flaky', { status: 500, type: 'text/plain', body: 'oops' });
    const source = await subscribe('/flaky', 'Instable');
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      await poll();
      const s = (await store.getSource(source.id))!;
      delays.push((Date.parse(s.nextPollAt) - clock.now()) / 1000);
      clock.advance(delays.at(-1)!);
    }
    assert.deepEqual(delays, [60, 120, 240]);
    assert.match(lines[2]!, /^Instable: error: HTTP 500 \(retry in 4m\)$/);
    special.delete('/flaky');
    feeds.set('/flaky', rss('Instable', [fullItem(40)]));
    await poll();
    const back = (await store.getSource(source.id))!;
    assert.deepEqual([back.failures, back.lastError, back.nextPollAt], [0, null, new Date(clock.now() + 900_000).toISOString()]);
  });

  test('429 and 503 are not polled again before their Retry-After (seconds or HTTP date)', async () => {
    special.set('/busy', { status: 429, type: 'text/plain', body: 'slow down', headers: { 'retry-after': '600' } });
    const inTwoHours = new Date(clock.now() + 2 * 3600 * 1000).toUTCString();
    special.set('/down', { status: 503, type: 'text/plain', body: 'maintenance', headers: { 'retry-after': inTwoHours } });
    const busy = await subscribe('/busy', 'Occupé');
    const down = await subscribe('/down', 'En panne');
    await poll();
    assert.equal((await store.getSource(busy.id))?.nextPollAt, new Date(clock.now() + 600_000).toISOString());
    assert.equal((await store.getSource(down.id))?.nextPollAt, new Date(clock.now() + 7_200_000).toISOString());
    assert.ok(lines.includes('Occupé: error: HTTP 429 (retry in 10m)'));
    assert.ok(lines.includes('En panne: error: HTTP 503 (retry in 2h)'));
  });

  test('without allowPrivate a local source is refused, naming it', async () => {
    feeds.set('/feed', rss('Locale', [fullItem(50)]));
    await subscribe('/feed', 'Locale');
    await poll({ fetch: {} });
    assert.match(lines[0]!, /^Locale: error: refused: 127\.0\.0\.1 is a loopback address \(use --allow-private to fetch it\) \(retry in 1m\)$/);
    assert.equal(server.requests.length, 0);
    assert.equal(await count(), 0);
  });

  test('a stop finishes the current document, leaves the source due, and the next poll takes the rest', async () => {
    feeds.set('/feed', rss('La Gazette', [60, 61, 62].map((n) => fullItem(n))));
    const source = await subscribe('/feed', 'La Gazette');
    const controller = new AbortController();
    const inner = analyzeAndStore(store, createPipeline());
    const results: PollResult[] = [];
    await poll({
      once: false,
      signal: controller.signal,
      sink: async (doc) => {
        const put = await inner(doc);
        controller.abort(); // as SIGTERM would, in the middle of a poll
        return put;
      },
      log: (line, result) => { lines.push(line); results.push(result); },
    });
    assert.equal(await count(), 1, 'the document being stored was finished');
    assert.equal(results[0]?.status, 'interrupted');
    assert.deepEqual(await store.getSource(source.id), source, 'nothing recorded: still due, same validators');
    await poll();
    assert.match(lines.at(-1)!, /: 2 new, 1 unchanged/);
  });

  test('the watch loop sleeps until the next source is due, then polls it', async () => {
    feeds.set('/feed', rss('La Gazette', [fullItem(70)]));
    await subscribe('/feed', 'La Gazette', '1m');
    const controller = new AbortController();
    let polls = 0;
    await poll({
      once: false,
      signal: controller.signal,
      log: (line) => {
        lines.push(line);
        if (++polls === 3) controller.abort();
      },
    });
    assert.equal(lines.length, 3);
    assert.equal(clock.now() - T0.getTime() >= 2 * 60_000, true, 'two intervals went by on the clock');
    assert.match(lines[1]!, /not modified/);
  });
});

describe('HostQueue: politeness', () => {
  test('one request at a time per host, spaced by the delay; other hosts run alongside', async () => {
    const clock = fakeClock();
    const queue = new HostQueue(1000, clock);
    const events: string[] = [];
    let active = 0;
    let most = 0;
    const task = (name: string) => async (): Promise<void> => {
      active++;
      most = Math.max(most, active);
      events.push(`${name} start ${clock.now() - T0.getTime()}`);
      await new Promise((resolve) => setImmediate(resolve));
      clock.advance(0.25);
      events.push(`${name} end ${clock.now() - T0.getTime()}`);
      active--;
    };
    await Promise.all([queue.run('a.example', task('a1')), queue.run('a.example', task('a2')), queue.run('b.example', task('b1'))]);
    const a = events.filter((e) => e.startsWith('a'));
    assert.deepEqual(a.map((e) => e.split(' ')[0]), ['a1', 'a1', 'a2', 'a2'], 'a2 starts after a1 ends');
    const a1End = Number(a[1]!.split(' ')[2]);
    const a2Start = Number(a[2]!.split(' ')[2]);
    assert.ok(a2Start - a1End >= 1000, `a2 waited the delay (${a2Start - a1End} ms)`);
    assert.equal(most, 2, 'b ran alongside a');
  });

  test('a stop while waiting for the host cancels the task', async () => {
    const queue = new HostQueue(1000, fakeClock());
    await queue.run('a.example', async () => undefined);
    const controller = new AbortController();
    controller.abort();
    let ran = false;
    await assert.rejects(queue.run('a.example', async () => { ran = true; }, controller.signal));
    assert.equal(ran, false);
  });
});
