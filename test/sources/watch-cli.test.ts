import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import type { Source } from '../../src/store/store.js';
import { ROOT } from '../cli/run-cli.js';
import { articleText, rss } from './feeds.js';
import { send, startServer, type TestServer } from './server.js';

const ENTRY = resolve(ROOT, 'test', 'sources', 'cli-entry.ts');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `veille ARGS` in this process (as main() does for the bin), its output captured. */
async function veilleIn(args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: new Writable({ write(chunk, _enc, next) { stdout += String(chunk); next(); } }),
    stderr: new Writable({ write(chunk, _enc, next) { stderr += String(chunk); next(); } }),
    stdin: Readable.from([]),
    env: { NO_COLOR: '1' },
  };
  const code = await main(['node', 'veille', ...args], io);
  return { code, signal: null, stdout, stderr };
}

/** Spawns `veille ARGS` from the sources (tsx); `onStdout` may act on the running process. */
function veille(args: string[], onStdout?: (text: string, child: ReturnType<typeof spawn>) => void): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], {
      cwd: ROOT, env: { ...process.env, NO_COLOR: '1', VEILLE_DB: '' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      onStdout?.(stdout, child);
    });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
}

describe('veille sources and veille watch', () => {
  let server: TestServer;
  const tmp = mkdtempSync(join(tmpdir(), 'veille-watch-'));
  const db = join(tmp, 'v.db');
  before(async () => {
    server = await startServer((req, res) => {
      if (req.url === '/feed') {
        return send(res, 200, 'application/rss+xml', rss('La Gazette', [1, 2].map((n) => ({ title: `Séance ${n}`, link: `https://gazette.example/${n}`, content: articleText(n) }))));
      }
      if (req.url === '/slow') return; // hangs: the watcher is mid-fetch when stopped
      send(res, 404, 'text/plain', 'no');
    });
  });
  after(async () => {
    await server.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  test('sources add, list, remove; bad inputs are usage errors', async () => {
    const added = await veilleIn(['--db', db, 'sources', 'add', server.url('/feed'), '--name', 'Gazette', '--every', '15m']);
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /^added source 1: http:\/\/127\.0\.0\.1:\d+\/feed \(every 15m\)$/m);
    const again = await veilleIn(['--db', db, 'sources', 'add', server.url('/feed')]);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already a source \(id 1\)/);
    const ftp = await veilleIn(['--db', db, 'sources', 'add', 'ftp://files.example/feed.xml']);
    assert.equal(ftp.code, 2);
    assert.match(ftp.stderr, /ftp:\/\/files\.example\/feed\.xml: cannot subscribe: only http and https/);
    const tooOften = await veilleIn(['--db', db, 'sources', 'add', server.url('/other'), '--every', '5s']);
    assert.equal(tooOften.code, 2);
    assert.match(tooOften.stderr, /5s is out of range/);

    const listed = await veilleIn(['--db', db, 'sources', 'list', '--json']);
    assert.equal(listed.code, 0, listed.stderr);
    const sources = JSON.parse(listed.stdout) as Source[];
    assert.deepEqual(sources.map((s) => [s.id, s.name, s.everySeconds, s.url]), [[1, 'Gazette', 900, server.url('/feed')]]);
    const table = await veilleIn(['--db', db, 'sources', 'list']);
    assert.match(table.stdout, /^ID\s+EVERY\s+NEXT\s+STATUS\s+SOURCE$/m);
    assert.match(table.stdout, /^1\s+15m\s+due now\s+new\s+Gazette {2}http/m);

    const temp = await veilleIn(['--db', db, 'sources', 'add', server.url('/temp')]);
    assert.equal(temp.code, 0, temp.stderr);
    const removed = await veilleIn(['--db', db, 'sources', 'remove', '2']);
    assert.equal(removed.code, 0, removed.stderr);
    assert.match(removed.stdout, /removed source 2: /);
    const missing = await veilleIn(['--db', db, 'sources', 'remove', server.url('/temp')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no source with this id or URL/);
  });

  test('watch polls, logs one line per poll, and stops cleanly on SIGTERM mid-fetch (exit 0)', async () => {
    const slow = await veilleIn(['--db', db, 'sources', 'add', server.url('/slow'), '--name', 'Lente']);
    assert.equal(slow.code, 0, slow.stderr);
    let signalled = false;
    const run = await veille(['--db', db, 'watch', '--allow-private'], (stdout, child) => {
      if (!signalled && /^Gazette: 2 new, 0 unchanged, \d+ ms$/m.test(stdout)) {
        signalled = true;
        child.kill('SIGTERM'); // while the other source is still waiting for its response
      }
    });
    assert.equal(run.signal, null, run.stderr);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /SIGTERM: stopping after the current document/);
    assert.match(run.stdout, /^Lente: 0 new, 0 unchanged, stopped, \d+ ms$/m);

    const list = JSON.parse((await veilleIn(['--db', db, 'sources', 'list', '--json'])).stdout) as Source[];
    const [gazette, lente] = list;
    assert.equal(gazette?.failures, 0);
    assert.notEqual(gazette?.lastPolledAt, null);
    assert.equal(lente?.lastPolledAt, null, 'the interrupted poll was not recorded');

    const search = await veilleIn(['--db', db, 'search', 'dossier numéro 2']);
    assert.equal(search.code, 0, search.stderr);
    assert.match(search.stdout, /Séance 2/);
  });

  test('ingest URL: other schemes and local addresses are refused, one line each naming the input', async () => {
    const ingestDb = join(tmp, 'ingest.db');
    const run = await veilleIn(['--db', ingestDb, 'ingest', 'ftp://files.example/a.xml', 'javascript:alert(1)', server.url('/feed')]);
    assert.equal(run.code, 1);
    const lines = run.stderr.trim().split('\n');
    assert.deepEqual(lines.slice(0, 2), [
      'veille: ftp://files.example/a.xml: only http and https URLs can be fetched, not ftp:',
      'veille: javascript:alert(1): only http and https URLs can be fetched, not javascript:',
    ]);
    assert.match(lines[2]!, new RegExp(`^veille: ${server.url('/feed').replace(/[.]/g, '\\.')}: refused: 127\\.0\\.0\\.1 is a loopback address`));
    assert.match(run.stdout, /ingested 0, unchanged 0, failed 3/);
  });

  test('watch --once with nothing due, or no sources, exits 0 saying so', async () => {
    const empty = join(tmp, 'empty.db');
    const none = await veilleIn(['--db', empty, 'watch', '--once']);
    assert.equal(none.code, 0, none.stderr);
    assert.match(none.stderr, /no sources: add one with `veille sources add URL`/);
  });
});
