import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { AnalysisRecord } from '../../src/core/record.js';
import { assertValidRecord } from '../support/invariants.js';
import { needsShared, sharedPath } from '../support/shared.js';
import { ROOT, runCli } from './run-cli.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'veille-cli-'));
const seeds = [sharedPath('seeds', '000_765f15cef3fb17ec.txt'), sharedPath('seeds', '001_ebdcce3c0bc7e0c5.txt')];
const parseLines = (s: string): AnalysisRecord[] => s.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as AnalysisRecord);

describe('veille CLI, spawned as a user runs it', () => {
  test('--help lists the commands and exits 0; an unknown command exits 2', async () => {
    const help = await runCli(['--help']);
    assert.equal(help.code, 0);
    for (const cmd of ['ingest', 'analyze', 'search', 'show', 'export', 'stats']) assert.match(help.stdout, new RegExp(`\\b${cmd}\\b`));
    const sub = await runCli(['search', '--help']);
    assert.equal(sub.code, 0);
    assert.match(sub.stdout, /--limit/);
    const bad = await runCli(['frobnicate']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown command/);
  });

  test('analyze --json on the seeds: valid records, byte-identical twice, header and boilerplate out of the text', { skip: needsShared('seeds') }, async () => {
    const first = await runCli(['analyze', ...seeds, '--json']);
    assert.equal(first.code, 0, first.stderr);
    const second = await runCli(['analyze', ...seeds, '--json']);
    assert.equal(second.stdout, first.stdout, 'a second run prints the same bytes');
    const records = parseLines(first.stdout);
    assert.equal(records.length, 2);
    for (const r of records) {
      assertValidRecord(r);
      assert.equal(r.doc.date, '2023-10');
      assert.equal(r.doc.language, 'fr');
      assert.ok(r.sentences.length > 10);
      assert.doesNotMatch(r.doc.text, /^\s*date\b/);
      assert.doesNotMatch(r.doc.text, /Les plus lus|©|\(Bloomberg\)/);
      assert.ok(r.pipeline.analyzers.some((a) => a.name === 'sentences'));
    }
    assert.equal(records[1]!.doc.source.name, 'Bloomberg');
  });

  test('ingest the seeds twice → two documents; search folds accents and case', { skip: needsShared('seeds') }, async () => {
    const db = join(tmp(), 'v.db');
    const once = await runCli(['--db', db, 'ingest', ...seeds]);
    assert.equal(once.code, 0, once.stderr);
    assert.match(once.stdout, /ingested 2, unchanged 0, failed 0/);
    const twice = await runCli(['--db', db, 'ingest', ...seeds]);
    assert.match(twice.stdout, /ingested 0, unchanged 2, failed 0/);
    const stats = JSON.parse((await runCli(['--db', db, 'stats', '--json'])).stdout) as { documents: number };
    assert.equal(stats.documents, 2);
    for (const q of ['moscou', 'KREMLIN', 'coree du nord']) {
      const res = await runCli(['--db', db, 'search', q, '--json']);
      assert.equal(res.code, 0, res.stderr);
      const page = JSON.parse(res.stdout) as { items: unknown[] };
      assert.equal(page.items.length, 2, `"${q}" finds both seeds`);
    }
    const listed = await runCli(['--db', db, 'search', 'kremlin']);
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /  Bloomberg  /, 'a hit names its source');
    assert.doesNotMatch(listed.stdout, /\[object Object\]/);
    assert.match(listed.stdout, /\[Kremlin\]/i, 'the matched word is marked in the snippet');
    assert.equal(listed.stdout.trimEnd().split('\n').length, 4, 'two lines a hit: the snippet on one line');
  });

  test('bad inputs: one line each naming the input, exit 1, good inputs still stored, no stack trace', async () => {
    const dir = tmp();
    const db = join(dir, 'v.db');
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 0, 7, 0, 0]));
    writeFileSync(join(dir, 'good.txt'), 'Le Sénat a adopté le texte mardi. La séance a duré six heures.');
    writeFileSync(join(dir, 'mixed.jsonl'), '{"text":"Une première brève, parfaitement valide."}\n{not json\n{"text":"Une seconde brève, valide elle aussi."}\n');
    const res = await runCli(['--db', db, 'ingest', join(dir, 'empty.txt'), join(dir, 'binary.txt'), join(dir, 'missing.txt'), join(dir, 'good.txt'), join(dir, 'mixed.jsonl')]);
    assert.equal(res.code, 1);
    const errors = res.stderr.trim().split('\n');
    assert.equal(errors.length, 4, res.stderr);
    for (const line of errors) assert.match(line, /^veille: \S+: .+/);
    assert.match(res.stderr, /empty\.txt/);
    assert.match(res.stderr, /binary\.txt/);
    assert.match(res.stderr, /missing\.txt/);
    assert.match(res.stderr, /line 2/);
    assert.doesNotMatch(res.stderr, /\n\s+at /, 'no stack trace without --debug');
    assert.match(res.stdout, /ingested 3, unchanged 0, failed 4/);
    // Reports come in input order, though documents are analysed in batches.
    assert.deepEqual(errors.map((line) => /empty\.txt|binary\.txt|missing\.txt|line 2/.exec(line)?.[0]), ['empty.txt', 'binary.txt', 'missing.txt', 'line 2']);
  });

  test('more documents than one batch: every record comes once, in input order, a bad line among them', async () => {
    const dir = tmp();
    const count = 150; // over two batches of the pipeline (BATCH_SIZE)
    const lines = Array.from({ length: count }, (_, i) => (i === 70 ? '{broken' : JSON.stringify({ title: `Brève ${i}`, text: `Brève numéro ${i} : le conseil municipal a voté mardi.` })));
    writeFileSync(join(dir, 'many.jsonl'), `${lines.join('\n')}\n`);
    const res = await runCli(['analyze', '--json', join(dir, 'many.jsonl')]);
    assert.equal(res.code, 1);
    const titles = res.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { doc: { title: string } }).doc.title);
    assert.deepEqual(titles, Array.from({ length: count }, (_, i) => `Brève ${i}`).filter((_, i) => i !== 70));
    assert.match(res.stderr, /line 71/);
  });

  test('hostile search queries never crash', async () => {
    const dir = tmp();
    const db = join(dir, 'v.db');
    writeFileSync(join(dir, 'a.txt'), 'Le Kremlin a démenti les accusations de Washington.');
    await runCli(['--db', db, 'ingest', join(dir, 'a.txt')]);
    for (const q of ['"', "'; DROP TABLE documents; --", 'NEAR(', 'AND OR NOT', ')(', '*', 'kremlin*', '"kremlin']) {
      const res = await runCli(['--db', db, 'search', q, '--json']);
      assert.ok(res.code === 0 || res.code === 2, `query ${q}: exit ${res.code} ${res.stderr}`);
      if (res.code === 2) assert.match(res.stderr, /^veille: /);
      else JSON.parse(res.stdout);
    }
    const after = await runCli(['--db', db, 'search', 'kremlin', '--json']);
    assert.equal((JSON.parse(after.stdout) as { items: unknown[] }).items.length, 1, 'the table survived');
  });

  test('stdin, show, export jsonl and csv', async () => {
    const dir = tmp();
    const db = join(dir, 'v.db');
    const text = 'The minister arrived in Seoul on Tuesday. Talks will resume on Thursday.';
    const ing = await runCli(['--db', db, 'ingest', '-'], { input: text });
    assert.equal(ing.code, 0, ing.stderr);
    const exported = parseLines((await runCli(['--db', db, 'export', '--format', 'jsonl'])).stdout);
    assert.equal(exported.length, 1);
    assertValidRecord(exported[0]!);
    assert.equal(exported[0]!.doc.text, text);
    assert.equal(exported[0]!.doc.language, 'en');
    const shown = await runCli(['--db', db, 'show', exported[0]!.doc.id, '--json']);
    assert.deepEqual(JSON.parse(shown.stdout), exported[0]);
    const readable = await runCli(['--db', db, 'show', exported[0]!.doc.id]);
    assert.match(readable.stdout, /Seoul/);
    assert.doesNotMatch(readable.stdout, /\u001b\[/, 'NO_COLOR: no escape codes');
    const csv = (await runCli(['--db', db, 'export', '--format', 'csv'])).stdout.trim().split('\n');
    assert.equal(csv.length, 2);
    assert.match(csv[0]!, /^id,date,language,source,title,origin/);
    const missing = await runCli(['--db', db, 'show', 'ffffffffffffffff']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no document/);
  });

  test('a directory is read recursively and the examples ingest cleanly', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(join(dir, 'a', 'one.txt'), 'Première dépêche de test, rédigée pour Veille.');
    writeFileSync(join(dir, 'a', 'b', 'two.txt'), 'Seconde dépêche de test, dans un sous-dossier.');
    const res = await runCli(['--db', join(dir, 'v.db'), 'ingest', dir]);
    assert.match(res.stdout, /ingested 2, unchanged 0, failed 0/);
    const examples = await runCli(['--db', join(dir, 'e.db'), 'ingest', join(ROOT, 'examples')]);
    assert.equal(examples.code, 0, examples.stderr);
    assert.match(examples.stdout, /failed 0/);
  });

  test('ingest URL: a loopback address is refused unless --allow-private', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Le conseil municipal a voté mardi le budget de la ville. La séance a duré trois heures.');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/conseil.txt`;
    try {
      const db = join(tmp(), 'v.db');
      const refused = await runCli(['--db', db, 'ingest', url]);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, new RegExp(`^veille: ${url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: `));
      const allowed = await runCli(['--db', db, 'ingest', '--allow-private', url]);
      assert.equal(allowed.code, 0, allowed.stderr);
      const [record] = parseLines((await runCli(['--db', db, 'export'])).stdout);
      assert.equal(record!.doc.origin, url);
      assert.equal(record!.doc.source.url, url);
    } finally {
      server.close();
    }
  });
});
