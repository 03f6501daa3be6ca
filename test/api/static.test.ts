import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { rawRequest, startServer, type TestServer } from './harness.js';

/** Attempts to read files outside src/web/static, written as an attacker would send them. */
const TRAVERSALS = [
  '/static/../package.json', '/static/../../package.json', '/static/%2e%2e/package.json', '/static/%2e%2e/%2e%2e/package.json',
  '/static/..%2fpackage.json', '/static/..%2f..%2fpackage.json', '/static/%2e%2e%2f%2e%2e%2fpackage.json',
  '/static/..%5c..%5cpackage.json', '/static/..\\..\\package.json', '/static/%252e%252e/package.json',
  '/static/....//....//package.json', '/static/.%2e/.%2e/package.json', '/static/app.css%00../../package.json',
  '/static//etc/passwd', '/static/%2fetc%2fpasswd', '/static/../../../../../../etc/passwd', '/static/..%c0%af..%c0%afpackage.json',
  '/static/.env', '/static/.git/config', '/static/', '/static',
];

describe('static files and security headers', () => {
  let s: TestServer;
  before(async () => { s = await startServer(); });
  after(async () => { await s.close(); });

  test('client files are served with their type', async () => {
    const css = await fetch(`${s.base}/static/app.css`);
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
    const js = await fetch(`${s.base}/static/app.js`);
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type') ?? '', /javascript/);
    assert.doesNotMatch(await js.text(), /innerHTML|outerHTML|insertAdjacentHTML|document\.write/, 'the client never builds HTML');
    const graph = await fetch(`${s.base}/static/vendor/cytoscape.min.js`);
    assert.equal(graph.status, 200);
    await graph.arrayBuffer();
  });

  test('path traversal never leaves the static folder', async () => {
    for (const path of TRAVERSALS) {
      const r = await rawRequest(s.port, path);
      assert.notEqual(r.status, 200, `${path} answered 200`);
      assert.doesNotMatch(r.body, /"name": "veille"|root:x:0:0|\[core\]/, `${path} leaked a file`);
      assert.ok(r.status < 500, `${path} gave ${r.status}`);
    }
  });

  test('every kind of response carries the security headers', async () => {
    for (const path of ['/', '/api/health', '/api/documents', '/static/app.css', '/api/nope', '/nope', '/api/search?q=%22%22']) {
      const r = await fetch(`${s.base}${path}`);
      await r.arrayBuffer();
      const csp = r.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self'/, path);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, path);
      assert.match(csp, /frame-ancestors 'none'/, path);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(r.headers.get('referrer-policy'), 'no-referrer', path);
    }
  });
});
