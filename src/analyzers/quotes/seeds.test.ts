import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisRecord, Quote } from '../../core/record.js';
import { assertValidRecord } from '../../../test/support/invariants.js';
import { entityOf, mentions, SEEDS_SKIP, seedsBeforeAll } from '../../../test/support/seed-records.js';

// The seed texts are read at run time; the tests name their quotes by their first words only.
describe('quotes on the seed articles (../shared/seeds), real pipeline', { skip: SEEDS_SKIP }, () => {
  const { all, seed } = seedsBeforeAll();
  const quote = (r: AnalysisRecord, startsWith: string): Quote => {
    const q = r.quotes.find((x) => x.text.startsWith(startsWith));
    assert.ok(q, `no quote starting ${JSON.stringify(startsWith)}; quotes: ${r.quotes.map((x) => x.text.slice(0, 30)).join(' | ')}`);
    return q;
  };

  test('records are valid', () => {
    assert.ok(all().size >= 2);
    for (const r of all().values()) assertValidRecord(r);
  });

  test('the Burmistrov quotes: the second by "a-t-il ajouté" (speakers need entities)', () => {
    const r = seed('000_');
    const first = quote(r, 'La Russie, en tant');
    const second = quote(r, 'Dans le même temps');
    assert.equal(first.kind, 'direct');
    assert.equal(first.cue?.text, 'a déclaré');
    assert.ok(mentions(entityOf(r, first.speaker), 'Burmistrov'), `speaker ${first.speaker_text}`);
    assert.equal(second.cue?.text, 'a-t-il ajouté');
    assert.equal(second.speaker, first.speaker);
  });

  test('the Putin quote, speaker by role "le président russe" (needs entities)', () => {
    const r = seed('000_');
    const q = quote(r, 'Il y a certaines restrictions');
    assert.equal(q.kind, 'direct');
    assert.equal(q.speaker_text, 'le président russe');
    assert.ok(mentions(entityOf(r, q.speaker), 'Poutine'), `speaker ${q.speaker}`);
  });

  test("the foreign-ministry spokeswoman's quote, and the partial quote in narration", () => {
    const r = seed('000_');
    const spokeswoman = r.quotes.filter((q) => q.text.includes('comme un crime'));
    assert.ok(spokeswoman.length > 0);
    for (const q of spokeswoman) assert.match(q.speaker_text ?? '', /^La porte-parole du ministère /);
    assert.ok(spokeswoman.some((q) => q.kind === 'partial' && q.text.startsWith('comme un crime')));
    assert.equal(quote(r, 'projet anti-russe des impérialistes').kind, 'partial');
  });

  test('names in quotation marks are not quotes', () => {
    for (const r of all().values()) assert.ok(!r.quotes.some((q) => q.text.includes('Ceinture et la Route') && q.text.length < 30));
  });

  test('the Lee quotes (speaker needs entities)', () => {
    const r = seed('001_');
    for (const start of ['est un indicateur fort', 'La crise actuelle']) {
      const q = quote(r, start);
      assert.equal(q.kind, 'direct');
      assert.ok(mentions(entityOf(r, q.speaker), 'Lee'), `${start}: speaker ${q.speaker_text}`);
    }
  });
});
