import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fixture, fixturePath, raw } from '../../test/fixtures/ingest/fixtures.js';
import { DEFAULT_MAX_BYTES, READERS, expandPaths, readInput, readPaths, type ReadOutcome } from './index.js';

async function collect(paths: string[], options?: Parameters<typeof readPaths>[1]): Promise<ReadOutcome[]> {
  const out: ReadOutcome[] = [];
  for await (const outcome of readPaths(paths, options)) out.push(outcome);
  return out;
}

const brief = (o: ReadOutcome): string => (o.ok ? `ok ${o.doc.origin}` : `${o.error.code} ${o.error.input}`);

describe('readInput picks the reader', () => {
  test('by extension', () => {
    const cases: Array<[string, string | null]> = [
      ['seed-fr.txt', 'Le Courrier du Littoral'], ['article-fr.html', 'Le Courrier du Littoral'],
      ['feed-atom.atom', 'Daily Ledger'], ['note.md', null],
    ];
    for (const [name, source] of cases) {
      const [first] = readInput(fixture(name));
      assert.ok(first?.ok, name);
      assert.equal(first.doc.source.name, source, name);
    }
    assert.equal(readInput(fixture('feed-rss.xml')).length, 3);
    assert.equal(readInput(fixture('docs.jsonl')).length, 7);
  });

  test('by content type over the extension', () => {
    const [outcome] = readInput(raw('page.txt', '<p>The <b>port</b> reopened.</p>', 'text/html'));
    assert.ok(outcome?.ok);
    assert.equal(outcome.doc.text, 'The port reopened.');
  });

  test('by a sniff of the first bytes when nothing else tells (stdin)', () => {
    const rss = readInput(raw('-', '<rss version="2.0"><channel><title>T</title><item><description>Hi there.</description></item></channel></rss>'));
    assert.equal(rss[0]?.ok && rss[0].doc.source.name, 'T');
    const jsonl = readInput(raw('-', '{"text": "One."}\n{"text": "Two."}\n'));
    assert.deepEqual(jsonl.map(brief), ['ok -#L1', 'ok -#L2']);
    const text = readInput(raw('-', 'Just a line of news.'));
    assert.equal(text[0]?.ok && text[0].doc.text, 'Just a line of news.');
  });
});

describe('no reader throws on odd input', () => {
  const odd: Array<string | Uint8Array> = [
    '<', '<<<>>>', '<?xml', '<rss>', '<feed><entry>', '{', '[', '[{', '{"text":', 'null', '{"text": {"a": 1}}',
    '<html><body><p>' + '<div>'.repeat(2000), '\u0000\u0001\u0002', Uint8Array.from([0xff, 0xfe, 0x00, 0xd8]),
    Uint8Array.from([0xfe, 0xff, 0xd8]), Uint8Array.from([0xc3, 0x28, 0xa0, 0xa1]),
  ];
  for (const [name, reader] of Object.entries(READERS)) {
    test(name, () => {
      for (const content of odd) {
        const outcomes = reader.read(raw('odd', content));
        assert.ok(outcomes.length >= 1);
        for (const o of outcomes) if (!o.ok) assert.ok(o.error.input?.startsWith('odd'), o.error.message);
      }
    });
  }
});

describe('readPaths', () => {
  test('files in the order given; encodings decoded', async () => {
    const out = await collect([fixturePath('cp1252-fr.txt'), fixturePath('utf16le-en.txt'), fixturePath('utf16be-fr.txt')]);
    assert.deepEqual(out.map((o) => o.ok), [true, true, true]);
    const [cp1252, le, be] = out.map((o) => (o.ok ? o.doc.text : ''));
    assert.match(cp1252 ?? '', /3 000 € selon l’œuvre sociale/);
    assert.equal(le, 'The mayor said the bridge would reopen on Friday.\n\nTraffic will resume at noon.');
    assert.equal(be, cp1252);
  });

  test('a directory: recursive, sorted, hidden entries skipped, a .png reported NOT_TEXT unread', async () => {
    const tree = fixturePath('tree');
    const out = await collect([tree]);
    assert.deepEqual(out.map(brief), [
      `ok ${join(tree, 'a-brief.txt')}`,
      `ok ${join(tree, 'b-reports', 'feed.jsonl')}#L1`,
      `ok ${join(tree, 'b-reports', 'feed.jsonl')}#L2`,
      `ok ${join(tree, 'b-reports', 'page.html')}`,
      `NOT_TEXT ${join(tree, 'c-photo.png')}`,
    ]);
    assert.deepEqual(await expandPaths([tree]), [
      join(tree, 'a-brief.txt'), join(tree, 'b-reports', 'feed.jsonl'), join(tree, 'b-reports', 'page.html'), join(tree, 'c-photo.png'),
    ]);
  });

  test('bad inputs are yielded as errors and the rest is still read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'veille-ingest-'));
    mkdirSync(join(dir, 'empty-dir'));
    const missing = join(dir, 'missing.txt');
    const out = await collect([missing, fixturePath('empty.txt'), fixturePath('binary.dat'), join(dir, 'empty-dir'), fixturePath('seed-en.txt')]);
    assert.deepEqual(out.map(brief), [
      `UNREADABLE ${missing}`,
      `EMPTY ${fixturePath('empty.txt')}`,
      `NOT_TEXT ${fixturePath('binary.dat')}`,
      `EMPTY ${join(dir, 'empty-dir')}`,
      `ok ${fixturePath('seed-en.txt')}`,
    ]);
    assert.deepEqual(await expandPaths([missing, join(dir, 'empty-dir')]), [missing, join(dir, 'empty-dir')]);
  });

  test('a file over maxBytes is TOO_LARGE; the default limit is 20 MiB', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'veille-ingest-'));
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'The port reopened. '.repeat(100));
    const [outcome] = await collect([big], { maxBytes: 1000 });
    assert.ok(outcome && !outcome.ok);
    assert.equal(outcome.error.code, 'TOO_LARGE');
    assert.equal(outcome.error.input, big);
    assert.equal(DEFAULT_MAX_BYTES, 20 * 1024 * 1024);
    const [fits] = await collect([big], { maxBytes: 1900 });
    assert.ok(fits?.ok);
  });

  test('"-" reads the given stdin stream, within maxBytes too', async () => {
    const chunks = [Buffer.from(' date 2024-03 (AFP) - Le port a rouvert '), Buffer.from('vendredi.\n')];
    const [outcome] = await collect(['-'], { stdin: Readable.from(chunks) });
    assert.ok(outcome?.ok);
    assert.deepEqual([outcome.doc.origin, outcome.doc.date, outcome.doc.source.name, outcome.doc.text], ['-', '2024-03', 'AFP', 'Le port a rouvert vendredi.']);
    const [tooBig] = await collect(['-'], { stdin: Readable.from(chunks), maxBytes: 10 });
    assert.ok(tooBig && !tooBig.ok);
    assert.equal(tooBig.error.code, 'TOO_LARGE');
    assert.equal(tooBig.error.input, '-');
  });
});
