import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';
import { openSqliteStore } from '../../src/store/sqlite/store.js';
import type { StoryRecord } from '../../src/stories/story.js';
import { STORY_RECORDS } from '../fixtures/stories/records.js';

/** Runs the CLI in this process on a database, capturing its output. */
async function veille(db: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const [stdout, stderr] = [new PassThrough(), new PassThrough()];
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => { out += c.toString(); });
  stderr.on('data', (c: Buffer) => { err += c.toString(); });
  const code = await main(['node', 'veille', '--db', db, ...args], { stdout, stderr, stdin: new PassThrough(), env: { NO_COLOR: '1' } });
  return { code, stdout: out, stderr: err };
}

async function database(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'veille-stories-')), 'v.db');
  const store = await openSqliteStore(path);
  for (const r of Object.values(STORY_RECORDS)) await store.putAnalysis(r);
  await store.close();
  return path;
}

describe('veille stories, story, compare, recluster', () => {
  test('stories lists one line per story; --json one story record per line', async () => {
    const db = await database();
    const text = await veille(db, 'stories');
    assert.equal(text.code, 0, text.stderr);
    assert.equal(text.stdout.trim().split('\n').length, 2);
    assert.match(text.stdout, /3 art\., 2 src\./);
    const json = await veille(db, 'stories', '--json');
    const stories = json.stdout.trim().split('\n').map((l) => JSON.parse(l) as StoryRecord);
    assert.deepEqual(stories.map((s) => s.schema), ['veille.story/1', 'veille.story/1']);
    assert.equal((await veille(db, 'stories', '--limit', '1', '--json')).stdout.trim().split('\n').length, 1);
    assert.equal((await veille(db, 'stories', '--limit', '0')).code, 2);
  });

  test('story ID: summary, the sources compared, timeline, graph; by a document id too; --json; graph exports', async () => {
    const db = await database();
    const id = `s${STORY_RECORDS.visitFr.doc.id}`;
    const text = await veille(db, 'story', id);
    assert.equal(text.code, 0, text.stderr);
    for (const heading of ['Summary', 'Sources compared, fact by fact', 'Timeline', 'Actor graph']) assert.match(text.stdout, new RegExp(heading));
    assert.match(text.stdout, /CONFLICT quantity/);
    assert.match(text.stdout, /publication time explains it/);
    assert.equal((await veille(db, 'story', STORY_RECORDS.visitEn.doc.id)).stdout, text.stdout, 'a document id shows its story');
    const json = JSON.parse((await veille(db, 'story', id, '--json')).stdout) as StoryRecord;
    assert.equal(json.id, id);
    const graphml = await veille(db, 'story', id, '--graphml');
    assert.match(graphml.stdout, /^<\?xml[\s\S]*<graphml[\s\S]*<edge [^>]*source="Q183"[\s\S]*<\/graphml>\n$/);
    const file = join(mkdtempSync(join(tmpdir(), 'veille-graph-')), 'g.json');
    assert.equal((await veille(db, 'story', id, '--graph-json', file)).code, 0);
    const graph = JSON.parse(readFileSync(file, 'utf8')) as { graph: { directed: boolean; edges: unknown[] } };
    assert.equal(graph.graph.directed, true);
    assert.ok(graph.graph.edges.length > 0);
    const missing = await veille(db, 'story', 's0000000000000000');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no story with id/);
  });

  test('compare DOC DOC: same story or not, copies, facts side by side', async () => {
    const db = await database();
    const copy = await veille(db, 'compare', STORY_RECORDS.visitFr.doc.id, STORY_RECORDS.reprintFr.doc.id);
    assert.equal(copy.code, 0, copy.stderr);
    assert.match(copy.stdout, /same story/);
    assert.match(copy.stdout, /near-identical copies/);
    const apart = await veille(db, 'compare', STORY_RECORDS.visitFr.doc.id, STORY_RECORDS.harvest.doc.id);
    assert.match(apart.stdout, /different stories/);
    assert.equal((await veille(db, 'compare', STORY_RECORDS.visitFr.doc.id, 'ffffffffffffffff')).code, 2);
  });

  test('recluster reports what it rebuilt and changes nothing', async () => {
    const db = await database();
    const before = (await veille(db, 'stories', '--json')).stdout;
    const run = await veille(db, 'recluster');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /reclustered 4 documents into 2 stories/);
    assert.equal((await veille(db, 'stories', '--json')).stdout, before);
  });
});
