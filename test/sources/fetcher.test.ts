import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { createFetcher, fetchUrl, USER_AGENT, type FetchOptions, type FetchResult } from '../../src/sources/fetcher.js';
import { isFetchError, type FetchFailure } from '../../src/sources/fetch-error.js';
import { send, startServer, type TestServer } from './server.js';

const FIFTY_MB = 50 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'a'); // one buffer, written again and again

/** Rejects with a FetchError of this kind naming `url`, its message matching `pattern`. */
async function failsWith(promise: Promise<unknown>, failure: FetchFailure, url: string, pattern?: RegExp): Promise<void> {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(isFetchError(e), `expected a FetchError, got ${String(e)}`);
    assert.equal(e.failure, failure, e.message);
    assert.equal(e.input, url);
    if (pattern) assert.match(e.message, pattern);
    return true;
  });
}

describe('fetcher, against servers on 127.0.0.1', () => {
  let server: TestServer;
  let sentOfBigBody = 0;
  let bigBodyClosed: Promise<void> = Promise.resolve();
  const local: FetchOptions = { allowPrivate: true };
  const ok = (r: FetchResult): Extract<FetchResult, { notModified: false }> => {
    assert.equal(r.notModified, false);
    return r as Extract<FetchResult, { notModified: false }>;
  };

  before(async () => {
    server = await startServer(async (req, res) => {
      const path = req.url ?? '/';
      if (path === '/page') return send(res, 200, 'text/html; charset=utf-8', '<p>Bonjour.</p>', { etag: '"v1"', 'last-modified': 'Tue, 12 Mar 2024 08:00:00 GMT' });
      if (path === '/conditional') {
        if (req.headers['if-none-match'] === '"v1"') return send(res, 304, null, '');
        return send(res, 200, 'text/plain', 'fresh', { etag: '"v1"' });
      }
      if (path === '/gzip') return send(res, 200, 'text/plain', gzipSync('compressed text'), { 'content-encoding': 'gzip' });
      if (path === '/gzip-bomb') return send(res, 200, 'text/plain', gzipSync(Buffer.alloc(2 * 1024 * 1024)), { 'content-encoding': 'gzip' });
      if (path === '/missing') return send(res, 404, 'text/plain', 'not here');
      if (path === '/loop-a') return send(res, 302, null, '', { location: '/loop-b' });
      if (path === '/loop-b') return send(res, 301, null, '', { location: server.url('/loop-a') });
      if (path.startsWith('/chain/')) return send(res, 302, null, '', { location: `/chain/${Number(path.slice(7)) + 1}` });
      if (path === '/hop') return send(res, 307, null, '', { location: '/page' });
      if (path.startsWith('/to?')) return send(res, 302, null, '', { location: decodeURIComponent(path.slice(4)) });
      if (path === '/slow-headers') return; // never answers; the client must give up
      if (path === '/slow-body') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('a little, then nothing');
        return;
      }
      if (path === '/declared-big') {
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(FIFTY_MB) });
        res.write('the rest never comes');
        return;
      }
      if (path === '/big') {
        res.writeHead(200, { 'content-type': 'text/plain' }); // no content-length: only the stream tells
        bigBodyClosed = new Promise((resolve) => res.on('close', resolve));
        while (sentOfBigBody < FIFTY_MB && !res.destroyed) {
          sentOfBigBody += CHUNK.length;
          if (!res.write(CHUNK)) await new Promise((resolve) => { res.once('drain', resolve); res.once('close', resolve); });
        }
        res.end();
        return;
      }
      send(res, 404, 'text/plain', 'unknown test path');
    });
  });
  after(() => server.close());

  test('a page: bytes, content type, validators, final URL; the request names Veille', async () => {
    const r = ok(await fetchUrl(server.url('/page'), local));
    assert.equal(Buffer.from(r.bytes).toString(), '<p>Bonjour.</p>');
    assert.equal(r.contentType, 'text/html; charset=utf-8');
    assert.deepEqual([r.status, r.etag, r.lastModified, r.finalUrl], [200, '"v1"', 'Tue, 12 Mar 2024 08:00:00 GMT', server.url('/page')]);
    const sent = server.requests.find((q) => q.path === '/page')!;
    assert.equal(sent.headers['user-agent'], USER_AGENT);
    assert.match(USER_AGENT, /^Veille\//);
  });

  test('conditional requests: If-None-Match sent, 304 is "not modified"', async () => {
    const fetcher = createFetcher(local);
    try {
      const first = ok(await fetcher.fetch(server.url('/conditional')));
      const second = await fetcher.fetch(server.url('/conditional'), { etag: first.etag, lastModified: 'Tue, 12 Mar 2024 08:00:00 GMT' });
      assert.equal(second.notModified, true);
      const last = server.requests.filter((q) => q.path === '/conditional').at(-1)!;
      assert.equal(last.headers['if-none-match'], '"v1"');
      assert.equal(last.headers['if-modified-since'], 'Tue, 12 Mar 2024 08:00:00 GMT');
    } finally {
      await fetcher.close();
    }
  });

  test('gzip bodies are decompressed; the cap applies to the decompressed size', async () => {
    assert.equal(Buffer.from(ok(await fetchUrl(server.url('/gzip'), local)).bytes).toString(), 'compressed text');
    await failsWith(fetchUrl(server.url('/gzip-bomb'), { ...local, maxBytes: 1024 * 1024 }), 'too-large', server.url('/gzip-bomb'));
  });

  test('an HTTP error is a FetchError with its status', async () => {
    await assert.rejects(fetchUrl(server.url('/missing'), local), (e: unknown) => isFetchError(e) && e.status === 404 && /HTTP 404/.test(e.message));
  });

  test('redirects are followed, a loop and a long chain are refused', async () => {
    assert.equal(ok(await fetchUrl(server.url('/hop'), local)).finalUrl, server.url('/page'));
    await failsWith(fetchUrl(server.url('/loop-a'), local), 'redirects', server.url('/loop-a'), /redirect loop: .*loop-a → .*loop-b → .*loop-a/);
    await failsWith(fetchUrl(server.url('/chain/0'), local), 'redirects', server.url('/chain/0'), /too many redirects \(over 5\)/);
    assert.equal(server.requests.filter((q) => q.path.startsWith('/chain/')).length, 6, 'the first request and five redirects');
    await failsWith(fetchUrl(server.url('/hop'), { ...local, maxRedirects: 0 }), 'redirects', server.url('/hop'), /over 0/);
  });

  test('a slow server times out (headers, then body), naming the URL', async () => {
    await failsWith(fetchUrl(server.url('/slow-headers'), { ...local, timeoutMs: 300 }), 'timeout', server.url('/slow-headers'), /timed out/);
    await failsWith(fetchUrl(server.url('/slow-body'), { ...local, timeoutMs: 300 }), 'timeout', server.url('/slow-body'), /timed out/);
  });

  test('a 50 MB body is cut at the cap: streamed, the connection dropped long before the end', async () => {
    await failsWith(fetchUrl(server.url('/big'), { ...local, maxBytes: 1024 * 1024 }), 'too-large', server.url('/big'), /over the limit of 1048576 bytes/);
    await bigBodyClosed;
    assert.ok(sentOfBigBody < FIFTY_MB / 2, `the server sent ${sentOfBigBody} bytes before the client hung up`);
  });

  test('a declared Content-Length over the cap is refused before reading', async () => {
    await failsWith(fetchUrl(server.url('/declared-big'), { ...local, maxBytes: 1024 }), 'too-large', server.url('/declared-big'), new RegExp(`${FIFTY_MB} bytes`));
  });

  test('without allowPrivate, a request to 127.0.0.1, [::1] or localhost is refused before any connection', async () => {
    const before = server.requests.length;
    await failsWith(fetchUrl(server.url('/page')), 'refused', server.url('/page'), /127\.0\.0\.1 is a loopback address \(use --allow-private/);
    await failsWith(fetchUrl(`http://[::1]:${server.port}/page`), 'refused', `http://[::1]:${server.port}/page`, /loopback/);
    // A name goes through DNS; the check runs on what it resolves to.
    await failsWith(fetchUrl(`http://localhost:${server.port}/page`), 'refused', `http://localhost:${server.port}/page`, /localhost resolves to .*loopback/);
    assert.equal(server.requests.length, before, 'the server saw nothing');
  });

  test('a redirect to a forbidden address is refused, even when the first host was allowed', async () => {
    // Only this server's exact address is allowed: every other private address stays forbidden.
    const onlyThisServer: FetchOptions = { allowAddresses: ['127.0.0.1'] };
    assert.equal(ok(await fetchUrl(server.url('/hop'), onlyThisServer)).status, 200);
    for (const target of ['http://169.254.169.254/latest/meta-data/', `http://[::1]:${server.port}/page`, 'http://10.0.0.1/', 'http://[::ffff:a9fe:a9fe]/']) {
      const url = server.url(`/to?${encodeURIComponent(target)}`);
      await failsWith(fetchUrl(url, onlyThisServer), 'refused', url, /address \(use --allow-private/);
    }
  });

  test('only http and https: other schemes, in a request or a redirect, are refused', async () => {
    for (const url of ['ftp://example.org/feed.xml', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/plain,hello', 'not a url']) {
      await failsWith(fetchUrl(url, local), 'scheme', url);
    }
    const url = server.url(`/to?${encodeURIComponent('file:///etc/passwd')}`);
    await failsWith(fetchUrl(url, local), 'scheme', url, /only http and https/);
    await failsWith(fetchUrl(`http://user:secret@127.0.0.1:${server.port}/page`, local), 'scheme', `http://user:secret@127.0.0.1:${server.port}/page`, /password/);
  });

  test('a closed port is a network failure naming the URL', async () => {
    const gone = await startServer(() => undefined);
    const url = gone.url('/x');
    await gone.close();
    await failsWith(fetchUrl(url, local), 'network', url, /connection refused/);
  });
});
