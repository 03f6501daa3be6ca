import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, raw } from '../../test/fixtures/ingest/fixtures.js';
import { feedReader } from './feed.js';
import type { IngestedDocument, ReadOutcome } from './types.js';

function docs(outcomes: ReadOutcome[]): IngestedDocument[] {
  return outcomes.flatMap((o) => (o.ok ? [o.doc] : []));
}

describe('feedReader: RSS 2.0', () => {
  const outcomes = feedReader.read(fixture('feed-rss.xml'));

  test('one outcome per item, in order', () => {
    assert.equal(outcomes.length, 3);
    assert.deepEqual(outcomes.map((o) => o.ok), [true, true, false]);
  });

  test('content:encoded read as paragraphs, scripts and boilerplate left out', () => {
    const [first] = docs(outcomes);
    assert.ok(first);
    assert.equal(first.text, 'Le conseil municipal a adopté le plan de rénovation du port.\n\nLes travaux commenceront à l’automne.');
    assert.equal(first.title, 'Port-Vallon adopte son plan du port');
    assert.equal(first.origin, 'feed-rss.xml#https://courrier.example/port-vallon/plan-du-port');
    assert.deepEqual(first.source, { name: 'Le Courrier du Littoral', url: 'https://courrier.example/port-vallon/plan-du-port' });
    assert.equal(first.language, 'fr');
  });

  test('the date is the one written in pubDate, not shifted to UTC', () => {
    assert.equal(docs(outcomes)[0]?.date, '2024-03-12');
  });

  test('an item with only a description is read from it, entities decoded', () => {
    const second = docs(outcomes)[1];
    assert.equal(second?.text, 'Les dockers d’Eastport ont cessé le travail lundi & réclament une hausse des salaires.');
    assert.equal(second?.date, '2024-03-11');
  });

  test('an item with no text is an EMPTY error naming the item; the others are still read', () => {
    const last = outcomes[2];
    assert.ok(last && !last.ok);
    assert.equal(last.error.code, 'EMPTY');
    assert.equal(last.error.input, 'feed-rss.xml#https://courrier.example/breve-vide');
  });
});

describe('feedReader: Atom', () => {
  const outcomes = feedReader.read(fixture('feed-atom.atom'));
  const [first, second] = docs(outcomes);

  test('HTML content as paragraphs; published date as written; feed title as source', () => {
    assert.equal(outcomes.length, 2);
    assert.equal(first?.text, 'Harbor workers in Eastport walked off the job on Monday.\n\nContainer traffic was halted.');
    assert.equal(first?.date, '2024-03-11');
    assert.deepEqual(first?.source, { name: 'Daily Ledger', url: 'https://ledger.example/2024/03/harbor-strike' });
    assert.equal(first?.title, 'Harbor workers strike in Eastport');
  });

  test('an entry without a link: summary as text, origin by index, updated as date', () => {
    assert.equal(second?.text, 'The Eastport council postponed its budget vote to April.');
    assert.equal(second?.origin, 'feed-atom.atom#2');
    assert.equal(second?.date, '2024-03-10');
    assert.equal(second?.source.url, null);
  });
});

describe('feedReader: bad feeds', () => {
  test('a truncated feed is one MALFORMED error naming the input', () => {
    const outcomes = feedReader.read(fixture('feed-malformed.xml'));
    assert.equal(outcomes.length, 1);
    const [outcome] = outcomes;
    assert.ok(outcome && !outcome.ok);
    assert.equal(outcome.error.code, 'MALFORMED');
    assert.equal(outcome.error.input, 'feed-malformed.xml');
    assert.match(outcome.error.message, /malformed feed/);
  });

  test('XML that is no feed is MALFORMED; a feed without items is EMPTY; binary is NOT_TEXT', () => {
    const cases: Array<[Parameters<typeof feedReader.read>[0], string]> = [
      [raw('notes.xml', '<?xml version="1.0"?><notes><note>x</note></notes>'), 'MALFORMED'],
      [raw('quiet.rss', '<rss version="2.0"><channel><title>Quiet</title></channel></rss>'), 'EMPTY'],
      [fixture('binary.dat'), 'NOT_TEXT'],
    ];
    for (const [input, code] of cases) {
      const [outcome, ...rest] = feedReader.read(input);
      assert.equal(rest.length, 0);
      assert.ok(outcome && !outcome.ok);
      assert.equal(outcome.error.code, code, input.origin);
      assert.equal(outcome.error.input, input.origin);
    }
  });
});
