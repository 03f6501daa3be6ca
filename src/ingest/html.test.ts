import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, raw } from '../../test/fixtures/ingest/fixtures.js';
import { htmlReader } from './html.js';
import { htmlToText } from './html-text.js';
import type { IngestedDocument, RawInput } from './types.js';

function readOne(input: RawInput): IngestedDocument {
  const [outcome, ...rest] = htmlReader.read(input);
  assert.equal(rest.length, 0);
  assert.ok(outcome?.ok, outcome && !outcome.ok ? outcome.error.message : 'no outcome');
  return outcome.doc;
}

describe('htmlReader: a full article page', () => {
  const doc = readOne(fixture('article-fr.html'));

  test('metadata: title, date, site name, canonical URL, language', () => {
    assert.equal(doc.title, 'Port-Vallon : le plan du port adopté');
    assert.equal(doc.date, '2024-03-12');
    assert.deepEqual(doc.source, { name: 'Le Courrier du Littoral', url: 'https://courrier.example/port-vallon/plan-du-port' });
    assert.equal(doc.language, 'fr');
    assert.equal(doc.origin, 'article-fr.html');
  });

  test('paragraphs separated by a blank line, <br> a line break, boilerplate gone', () => {
    assert.deepEqual(doc.text.split('\n\n'), [
      'Le conseil municipal de Port-Vallon a adopté mardi un plan de rénovation du port de pêche, estimé à 12 millions d’euros.',
      'La maire, Claire Montel, a déclaré que les travaux commenceraient à l’automne\net dureraient deux ans.',
      'Le syndicat des marins a annoncé une manifestation samedi devant la capitainerie, où une centaine de personnes sont attendues selon les organisateurs.',
      'Un recours devant le tribunal administratif n’est pas exclu, selon l’avocat du syndicat, qui dénonce une consultation bâclée.',
    ]);
  });

  test('scripts, styles and page furniture never leak into the text', () => {
    for (const leak of ['trackingCode', 'do-not-leak', 'injected-by-script', 'font-family', 'Accueil', 'Mentions légales']) {
      assert.ok(!doc.text.includes(leak), `"${leak}" leaked`);
    }
  });
});

describe('htmlReader: sparse and broken pages', () => {
  test('no meta: <title>, <time datetime>, no language; a relative canonical is resolved against a URL origin', () => {
    const html = '<html><head><title>Storm ends</title><link rel="canonical" href="/2024/storm"></head><body>'
      + '<p>Published <time datetime="2024-03-11T23:50:00-05:00">late Monday</time>.</p>'
      + '<p>The storm ended on Monday night, the weather office said.</p></body></html>';
    const doc = readOne(raw('https://weather.example/a?id=3', html));
    assert.equal(doc.title, 'Storm ends');
    assert.equal(doc.date, '2024-03-11');
    assert.equal(doc.language, null);
    assert.equal(doc.source.url, 'https://weather.example/2024/storm');
    assert.match(doc.text, /The storm ended on Monday night/);
  });

  test('a relative canonical with a file origin gives no URL', () => {
    const doc = readOne(raw('page.html', '<html><head><link rel="canonical" href="/x"></head><body><p>The port reopened on Friday.</p></body></html>'));
    assert.equal(doc.source.url, null);
  });

  test('a fragment with unclosed tags is read as best it can be', () => {
    const doc = readOne(raw('frag.html', '<div><p>The bridge reopened <b>on Friday<p>Traffic resumed at noon.<div><span>Tolls are unchanged'));
    assert.match(doc.text, /The bridge reopened on Friday/);
    assert.match(doc.text, /Traffic resumed at noon\./);
    assert.match(doc.text, /Tolls are unchanged/);
    assert.ok(doc.text.includes('\n\n'));
  });

  test('head and body without <html>, or content outside <body>, still reach the text', () => {
    const pages = [
      '<head><title>Ferry</title></head><body><p>The ferry resumed service on Tuesday.</p></body>',
      '<html><head><title>Ferry</title></head><p>The ferry resumed service on Tuesday.</p></html>',
      '<!doctype html><p>The ferry resumed service on Tuesday.',
    ];
    for (const html of pages) assert.match(readOne(raw('p.html', html)).text, /^The ferry resumed service on Tuesday\.$/, html);
  });

  test('an outlet marker at the start of the article gives the source when the page names none', () => {
    const doc = readOne(raw('wire.html', '<html><body><article><p>(Reuters) - The port reopened on Friday.</p><p>Ships came in.</p></article></body></html>'));
    assert.equal(doc.source.name, 'Reuters');
    assert.ok(doc.text.startsWith('The port reopened'));
  });

  test('no article text: EMPTY, naming the input', () => {
    for (const html of ['<html><head><script>var a = 1;</script></head><body><script>go()</script></body></html>', '<html><body>   </body></html>']) {
      const [outcome] = htmlReader.read(raw('nothing.html', html));
      assert.ok(outcome && !outcome.ok);
      assert.equal(outcome.error.code, 'EMPTY');
      assert.equal(outcome.error.input, 'nothing.html');
    }
  });

  test('binary bytes named .html: NOT_TEXT', () => {
    const [outcome] = htmlReader.read(fixture('binary.dat'));
    assert.ok(outcome && !outcome.ok);
    assert.equal(outcome.error.code, 'NOT_TEXT');
  });
});

describe('htmlToText', () => {
  test('blocks become paragraphs, entities are decoded, inline text runs on', () => {
    assert.equal(htmlToText('<h2>Title</h2><p>A &amp; B <i>said</i>\n  so.</p><ul><li>one</li><li>two</li></ul>'), 'Title\n\nA & B said so.\n\none\n\ntwo');
  });

  test('text without tags keeps its own paragraph breaks', () => {
    assert.equal(htmlToText('First &amp; foremost.\n\nSecond.'), 'First & foremost.\n\nSecond.');
  });

  test('two <br> make a paragraph break; a non-breaking space is kept', () => {
    assert.equal(htmlToText('<p>Un<br><br>Deux\u00a0: trois</p>'), 'Un\n\nDeux\u00a0: trois');
  });
});
