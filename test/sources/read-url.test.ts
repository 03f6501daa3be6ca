import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expandPaths, readPaths } from '../../src/ingest/index.js';
import type { ReadOutcome } from '../../src/ingest/types.js';
import { readUrl } from '../../src/sources/read-url.js';
import { isUrlInput } from '../../src/sources/url-input.js';
import { articleText, page, rss } from './feeds.js';
import { send, startServer, type TestServer } from './server.js';

const SENTENCE = "Le préfet a été reçu à l'hôtel de ville où les élus ont évoqué la sécurité des écoles et la rénovation du théâtre.";
const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1');

async function all(paths: string[], allowPrivate = true): Promise<ReadOutcome[]> {
  const out: ReadOutcome[] = [];
  for await (const o of readPaths(paths, { fetch: { allowPrivate } })) out.push(o);
  return out;
}

function texts(outcomes: ReadOutcome[]): string[] {
  return outcomes.map((o) => {
    assert.ok(o.ok, o.ok ? '' : `${o.error.input}: ${o.error.message}`);
    return o.doc.text;
  });
}

describe('veille ingest URL: reading http(s) inputs', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer((req, res) => {
      switch (req.url) {
        case '/article': return send(res, 200, 'text/html; charset=utf-8', page('Séance du conseil', articleText(1)));
        case '/feed': return send(res, 200, 'application/rss+xml', rss('La Gazette', [
          { title: 'Un', link: 'https://gazette.example/un', content: articleText(2) },
          { title: 'Deux', link: 'https://gazette.example/deux', content: articleText(3) },
        ]));
        case '/feed-as-text': return send(res, 200, 'text/plain', rss('La Gazette', [{ title: 'Un', link: 'https://gazette.example/un', content: articleText(4) }]));
        case '/cp1252-declared': return send(res, 200, 'text/html; charset=windows-1252', latin1(page('Préfet', SENTENCE, '')));
        case '/latin1-in-meta': return send(res, 200, 'text/html', latin1(page('Préfet', SENTENCE, '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">')));
        case '/latin9-euro': return send(res, 200, 'text/plain; charset=iso-8859-15', Buffer.concat([latin1('La facture atteint 300 '), Buffer.from([0xa4]), latin1(' pour la rénovation.')]));
        case '/no-charset': return send(res, 200, 'text/html', latin1(page('Préfet', SENTENCE, '')));
        case '/utf8-declared-cp1252': return send(res, 200, 'text/html; charset=windows-1252', page('Préfet', SENTENCE, ''));
        case '/cp1252-declared-utf8': return send(res, 200, 'text/html; charset=utf-8', latin1(page('Préfet', SENTENCE, '')));
        case '/no-type': return send(res, 200, null, page('Séance', articleText(5)));
        case '/malformed': return send(res, 200, 'application/rss+xml', '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Cassé</title><item><title>Moitié</ti');
        case '/empty': return send(res, 200, 'text/html', '   ');
        case '/gone': return send(res, 410, 'text/plain', 'gone');
        default: return send(res, 404, 'text/plain', 'no');
      }
    });
  });
  after(() => server.close());

  test('a page: the URL is doc.origin and doc.source.url; the text is the article', async () => {
    const [outcome] = await all([server.url('/article')]);
    assert.ok(outcome?.ok);
    assert.equal(outcome.doc.origin, server.url('/article'));
    assert.equal(outcome.doc.source.url, server.url('/article'));
    assert.equal(outcome.doc.title, 'Séance du conseil');
    assert.match(outcome.doc.text, /conseil municipal/);
    assert.doesNotMatch(outcome.doc.text, /Mentions légales/);
  });

  test('a feed: one document per item, by the feed reader', async () => {
    const outcomes = await all([server.url('/feed')]);
    assert.equal(outcomes.length, 2);
    assert.deepEqual(outcomes.map((o) => o.ok && o.doc.origin), [`${server.url('/feed')}#https://gazette.example/un`, `${server.url('/feed')}#https://gazette.example/deux`]);
    assert.deepEqual(outcomes.map((o) => o.ok && o.doc.source), [{ name: 'La Gazette', url: 'https://gazette.example/un' }, { name: 'La Gazette', url: 'https://gazette.example/deux' }]);
  });

  test('a content type that says nothing (text/plain, none) leaves the format to the bytes', async () => {
    assert.equal((await all([server.url('/feed-as-text')])).length, 1);
    const [feedItem] = await all([server.url('/feed-as-text')]);
    assert.ok(feedItem?.ok && feedItem.doc.origin.includes('#https://gazette.example/un'));
    const [html] = await all([server.url('/no-type')]);
    assert.ok(html?.ok && html.doc.title === 'Séance');
  });

  test('charsets: declared in the header or in <meta>, absent, or wrong', async () => {
    for (const path of ['/cp1252-declared', '/latin1-in-meta', '/no-charset', '/utf8-declared-cp1252', '/cp1252-declared-utf8']) {
      const [text] = texts(await all([server.url(path)]));
      assert.equal(text, SENTENCE, path);
    }
    assert.deepEqual(texts(await all([server.url('/latin9-euro')])), ['La facture atteint 300 € pour la rénovation.'], 'ISO-8859-15 is not Windows-1252: 0xA4 is €');
  });

  test('failures name the URL: malformed feed, empty page, HTTP error, refused address', async () => {
    const outcomes = await all([server.url('/malformed'), server.url('/empty'), server.url('/gone')]);
    const errors = outcomes.map((o) => (o.ok ? null : [o.error.code, o.error.input]));
    assert.deepEqual(errors, [['MALFORMED', server.url('/malformed')], ['EMPTY', server.url('/empty')], ['UNREADABLE', server.url('/gone')]]);
    const [refused] = await all([server.url('/article')], false);
    assert.ok(refused && !refused.ok);
    assert.equal(refused.error.input, server.url('/article'));
    assert.match(refused.error.message, /loopback address \(use --allow-private/);
  });

  test('other schemes are refused with USAGE, naming the input; the next inputs are still read', async () => {
    const inputs = ['ftp://files.example/feed.xml', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<p>hi</p>', 'FTP://files.example/x'];
    const outcomes = await all([...inputs, server.url('/article')]);
    for (const [i, input] of inputs.entries()) {
      const o = outcomes[i]!;
      assert.ok(!o.ok, input);
      assert.equal(o.error.code, 'USAGE');
      assert.equal(o.error.input, input);
      assert.match(o.error.message, /only http and https URLs can be fetched/);
    }
    assert.ok(outcomes.at(-1)?.ok);
  });

  test('URL inputs are told from paths; expandPaths keeps them as given', async () => {
    for (const url of ['http://a.example/', 'HTTPS://a.example/x', 'ftp://x', 'javascript:alert(1)', 'data:,x', 'file:///tmp/a']) assert.ok(isUrlInput(url), url);
    for (const path of ['news/a.txt', 'C:\\news\\a.txt', 'c:/news', 'notes:2024.txt', '-', './http:/x']) assert.ok(!isUrlInput(path), path);
    assert.deepEqual(await expandPaths(['https://a.example/feed.xml', 'javascript:void(0)']), ['https://a.example/feed.xml', 'javascript:void(0)']);
  });

  test('readUrl never throws', async () => {
    const [outcome] = await readUrl('http://[invalid', { allowPrivate: true });
    assert.ok(outcome && !outcome.ok && outcome.error.input === 'http://[invalid');
  });
});
