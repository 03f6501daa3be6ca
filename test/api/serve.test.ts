import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

function testIO(env: NodeJS.ProcessEnv = {}): { io: CliIO; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => { out += c.toString(); });
  stderr.on('data', (c: Buffer) => { err += c.toString(); });
  return { io: { stdout, stderr, stdin: new PassThrough(), env }, out: () => out, err: () => err };
}

test('veille serve prints its URL, answers, and stops on SIGINT', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'veille-serve-'));
  const t = testIO();
  try {
    const running = main(['node', 'veille', '--db', join(dir, 'v.db'), 'serve', '--port', '0'], t.io);
    let url: string | undefined;
    for (let i = 0; i < 200 && !url; i++) {
      url = /http:\/\/127\.0\.0\.1:\d+\//.exec(t.out())?.[0];
      if (!url) await new Promise((r) => setTimeout(r, 25));
    }
    assert.ok(url, `no URL printed: ${t.out()} ${t.err()}`);
    const health = await fetch(`${url}api/health`);
    assert.equal(health.status, 200);
    const home = await fetch(url);
    assert.match(await home.text(), /<html lang="fr">/);
    process.emit('SIGINT');
    assert.equal(await running, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('veille serve --host 0.0.0.0 without VEILLE_TOKEN refuses to start (usage error)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'veille-serve-'));
  const t = testIO();
  try {
    const code = await main(['node', 'veille', '--db', join(dir, 'v.db'), 'serve', '--host', '0.0.0.0', '--port', '0'], t.io);
    assert.equal(code, 2);
    assert.match(t.err(), /VEILLE_TOKEN/);
    const bad = testIO();
    assert.equal(await main(['node', 'veille', 'serve', '--port', 'eighty'], bad.io), 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
