import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisRecord } from '../../core/record.js';
import { assertValidRecord } from '../../../test/support/invariants.js';
import { analyzeWithEntities, analyzeWithEntityLayer, handEntities } from '../../../test/support/attribution.js';

/** Every quote and claim span (and cue) lies inside the text. */
function assertInside(record: AnalysisRecord): void {
  const n = record.doc.text.length;
  for (const s of [...record.quotes, ...record.claims, ...record.quotes.map((q) => q.cue), ...record.claims.map((c) => c.cue)]) {
    if (!s) continue;
    assert.ok(s.start >= 0 && s.start <= s.end && s.end <= n, `span [${s.start}, ${s.end}) outside a text of ${n}`);
  }
}

const MB = 1 << 20;

describe('quotes and claims: bad input never crashes and never spans past the text', () => {
  test('unbalanced and nested quotation marks', () => {
    const texts = [
      '« « « Non », a-t-il dit.',
      '» » Oui « , a déclaré X. “ « ” » " « "',
      'Il a dit « non « peut-être » jamais » et « encore.',
      '"""""""',
      '« »',
      '«',
      'a déclaré que',
      ', a déclaré',
      'selon',
    ];
    for (const text of texts) {
      const r = analyzeWithEntities(text, 'fr', []);
      assertValidRecord(r);
      assertInside(r);
    }
  });

  test('a quotation mark every word', () => {
    const marks = ['«', '»', '"', '“', '”'];
    const parts: string[] = [];
    for (let i = 0; i < 20000; i++) parts.push(`${marks[i % 5]}mot${i % 7 === 0 ? '.' : ''}`, marks[(i * 3) % 5]!);
    const text = parts.join(' ');
    const r = analyzeWithEntities(text, 'fr', []);
    assertValidRecord(r);
    assertInside(r);
  });

  test('a quote that runs to the end of a 1 MB document', () => {
    const sentence = 'Nous ne céderons rien, a déclaré le ministre, et la Russie a nié les accusations. ';
    const text = `« ${sentence.repeat(Math.ceil(MB / sentence.length))}`;
    const r = analyzeWithEntities(text, 'fr', [{ type: 'GPE', name: 'Russie', mentions: ['Russie'] }]);
    assertValidRecord(r);
    assertInside(r);
    assert.ok(r.quotes.every((q) => q.end - q.start < 10000), 'no quote runs over the whole document');
  });

  test('1 MB with no sentence end, cues everywhere', () => {
    const text = 'X a déclaré que Y a affirmé que selon Z, '.repeat(Math.ceil(MB / 40));
    const r = analyzeWithEntities(text, 'fr', []);
    assertValidRecord(r);
    assertInside(r);
  });

  test('English: marks and cues in every position', () => {
    const text = '"He said," said he, "that "they" denied" the claims that were denied by "by" and according to "according to". '.repeat(2000);
    const r = analyzeWithEntities(text, 'en', []);
    assertValidRecord(r);
    assertInside(r);
  });

  test('a language with no data of its own, and an entities layer with mentions outside the text', () => {
    const r = analyzeWithEntities('„Nein“, sagte er. « Non », a-t-il dit.', 'de', []);
    assertValidRecord(r);
    const text = '« Non », a déclaré Lavrov. Moscou a nié les accusations.';
    const entities = handEntities(text, [{ type: 'PER', name: 'Lavrov', mentions: ['Lavrov'] }, { type: 'GPE', name: 'Russie', mentions: ['Moscou'] }]);
    entities[0]!.mentions.push({ start: 5000, end: 5006, text: 'Lavrov' }, { start: -3, end: 2, text: '« N' });
    entities[1]!.mentions.push({ start: 30, end: 20, text: '' });
    const bad = analyzeWithEntityLayer(text, 'fr', entities);
    assertInside(bad);
    assert.equal(bad.quotes[0]?.speaker, 'e1');
  });
});
