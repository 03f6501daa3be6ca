import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { accessPolicy, decideAccess } from '../../src/api/access.js';
import { isLoopbackHost } from '../../src/api/loopback.js';
import { createServer } from '../../src/api/server.js';
import { openStore } from '../../src/store/open.js';
import { rawRequest, startServer } from './harness.js';
import { visitRecord } from './records.js';

const TOKEN = 'test-token-0123456789abcdef';
const text = { 'content-type': 'text/plain' };

describe('access: loopback by default, token beyond', () => {
  test('loopback hosts are recognised', () => {
    for (const h of ['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]']) assert.ok(isLoopbackHost(h), h);
    for (const h of ['0.0.0.0', '::', '192.168.1.10', 'example.org', '128.0.0.1']) assert.ok(!isLoopbackHost(h), h);
  });

  test('a non-loopback host without VEILLE_TOKEN (or with a short one) refuses to start', async () => {
    const store = await openStore(':memory:');
    try {
      await assert.rejects(createServer({ store, host: '0.0.0.0' }), (e: Error & { code?: string }) => e.code === 'USAGE' && /VEILLE_TOKEN/.test(e.message));
      await assert.rejects(createServer({ store, host: '0.0.0.0', token: 'short' }), /at least 16/);
    } finally {
      await store.close();
    }
  });

  test('non-loopback: every API call needs the bearer token, pages the login', async () => {
    const s = await startServer({ host: '0.0.0.0', token: TOKEN, records: [visitRecord()] });
    const auth = { authorization: `Bearer ${TOKEN}` };
    try {
      const denied = await fetch(`${s.base}/api/documents`);
      assert.equal(denied.status, 401);
      assert.match(denied.headers.get('www-authenticate') ?? '', /^Bearer/);
      assert.match(denied.headers.get('content-type') ?? '', /problem\+json/);
      assert.equal((await fetch(`${s.base}/api/documents`, { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status, 401);
      assert.equal((await fetch(`${s.base}/api/openapi.json`)).status, 401);
      assert.equal((await fetch(`${s.base}/api/documents`, { headers: auth })).status, 200);
      assert.equal((await fetch(`${s.base}/api/health`)).status, 200, 'the liveness probe stays open');
      assert.equal((await fetch(`${s.base}/static/app.css`)).status, 200, 'the login page needs its stylesheet');

      const page = await fetch(`${s.base}/documents/${visitRecord().doc.id}`, { redirect: 'manual' });
      assert.equal(page.status, 303);
      assert.equal(page.headers.get('location'), `/login?next=${encodeURIComponent(`/documents/${visitRecord().doc.id}`)}`);
      const login = await fetch(`${s.base}/login`);
      assert.equal(login.status, 200);
      assert.match(await login.text(), /type="password"/);

      const form = (token: string, next = '/events') => new URLSearchParams({ token, next }).toString();
      const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' };
      const wrong = await fetch(`${s.base}/login`, { method: 'POST', headers: urlencoded, body: form('nope'), redirect: 'manual' });
      assert.equal(wrong.status, 401);
      assert.equal(wrong.headers.get('set-cookie'), null);

      const ok = await fetch(`${s.base}/login`, { method: 'POST', headers: urlencoded, body: form(TOKEN), redirect: 'manual' });
      assert.equal(ok.status, 303);
      assert.equal(ok.headers.get('location'), '/events');
      const cookie = ok.headers.get('set-cookie') ?? '';
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Strict/);
      assert.ok(!cookie.includes(TOKEN), 'the cookie is not the token');
      const session = cookie.split(';')[0] ?? '';

      assert.equal((await fetch(`${s.base}/documents/${visitRecord().doc.id}`, { headers: { cookie: session } })).status, 200);
      assert.equal((await fetch(`${s.base}/api/events?format=csv`, { headers: { cookie: session } })).status, 200, 'the UI downloads CSV with its cookie');
      const cookieWrite = await fetch(`${s.base}/api/ingest`, { method: 'POST', headers: { ...text, cookie: session }, body: 'Un texte.' });
      assert.equal(cookieWrite.status, 401, 'writes need the bearer token, not the cookie');
      assert.equal((await fetch(`${s.base}/api/ingest`, { method: 'POST', headers: { ...text, ...auth }, body: 'Un texte du test.' })).status, 200);

      for (const path of ['/%61pi/documents', '/api/%64ocuments', `/%64ocuments/${visitRecord().doc.id}`]) {
        const r = await rawRequest(s.port, path);
        assert.ok(r.status === 401 || r.status === 303, `${path}: percent-encoding does not bypass the token (${r.status})`);
      }
      const evil = await fetch(`${s.base}/login`, { method: 'POST', headers: urlencoded, body: form(TOKEN, '//evil.example/'), redirect: 'manual' });
      assert.equal(evil.headers.get('location'), '/', 'no open redirect after login');
      const out = await fetch(`${s.base}/logout`, { method: 'POST', headers: { cookie: session }, redirect: 'manual' });
      assert.match(out.headers.get('set-cookie') ?? '', /Max-Age=0/);
    } finally {
      await s.close();
    }
  });

  test('loopback with a token: reads open, writes need the bearer token', async () => {
    const s = await startServer({ token: TOKEN });
    try {
      assert.equal((await fetch(`${s.base}/api/documents`)).status, 200);
      assert.equal((await fetch(`${s.base}/`)).status, 200);
      assert.equal((await fetch(`${s.base}/api/ingest`, { method: 'POST', headers: text, body: 'Un texte.' })).status, 401);
      assert.equal((await fetch(`${s.base}/%61pi/ingest`, { method: 'POST', headers: text, body: 'Un texte.' })).status, 401, 'encoded path');
      assert.equal((await s.store.stats()).documents, 0);
      const r = await fetch(`${s.base}/api/ingest`, { method: 'POST', headers: { ...text, authorization: `Bearer ${TOKEN}` }, body: 'Le texte autorisé.' });
      assert.equal(r.status, 200);
      assert.equal((await fetch(`${s.base}/login`, { redirect: 'manual' })).status, 303, 'no login page when the UI is open');
    } finally {
      await s.close();
    }
  });

  test('loopback without a token: cross-site writes and foreign Host names are refused', async () => {
    const s = await startServer();
    try {
      const cross = await fetch(`${s.base}/api/ingest`, { method: 'POST', headers: { ...text, origin: 'https://evil.example' }, body: 'Un texte.' });
      assert.equal(cross.status, 403);
      const fetchSite = await fetch(`${s.base}/api/ingest`, { method: 'POST', headers: { ...text, 'sec-fetch-site': 'cross-site' }, body: 'Un texte.' });
      assert.equal(fetchSite.status, 403);
      const same = await fetch(`${s.base}/api/ingest`, { method: 'POST', headers: { ...text, origin: s.base }, body: 'Un texte venu de la page.' });
      assert.equal(same.status, 200);
      const rebound = await rawRequest(s.port, '/api/documents', { host: 'evil.example' });
      assert.equal(rebound.status, 403, 'DNS rebinding: a loopback server answers only to loopback names');
      assert.equal((await rawRequest(s.port, '/api/documents', { host: `localhost:${s.port}` })).status, 200);
    } finally {
      await s.close();
    }
  });

  test('login attempts are rate limited', async () => {
    const s = await startServer({ host: '0.0.0.0', token: TOKEN, limits: { loginsPerMinute: 2 } });
    try {
      const attempt = () => fetch(`${s.base}/login`, {
        method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'token=guess-guess-guess-guess', redirect: 'manual',
      });
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await attempt()).status);
      assert.deepEqual(statuses, [401, 401, 429]);
    } finally {
      await s.close();
    }
  });

  test('decideAccess: a wrong bearer is refused even where none is needed', () => {
    const policy = accessPolicy('127.0.0.1', TOKEN);
    const d = decideAccess(policy, { method: 'GET', path: '/api/documents', headers: { host: '127.0.0.1', authorization: 'Bearer nope' } });
    assert.deepEqual(d.allow, false);
  });
});
