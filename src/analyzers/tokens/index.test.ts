import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Pipeline } from '../../core/pipeline.js';
import type { Doc } from '../../core/record.js';
import { toDocument } from '../../text/document.js';
import { assertValidRecord } from '../../../test/support/invariants.js';
import { sentencesAnalyzer } from '../sentences/index.js';
import { tokensAnalyzer } from './index.js';

const doc = (origin: string, text: string, language: string | null = null): Doc =>
  toDocument({ origin, text, title: null, date: '2023-10-18', source: { name: null, url: null }, language });

const DOCS: Doc[] = [
  doc('fr.txt', 'Brest (AFP) — M. Le Gall a-t-il menti ? « Non », a répondu l’élu.\n\nLe conseil a voté 1 000 000 d’euros, soit 57 % du budget.Les travaux débuteront en 2024.'),
  doc('en.txt', 'Mr. Smith met U.S. officials at 9 a.m. on Jan. 5. "We agreed," he said. The deal is worth $2.5 billion.'),
  doc('und.txt', 'Ciao 👋🏽 — 東京。 Fin.', 'it'),
];

describe('sentences + tokens pipeline', () => {
  // Listed in reverse: the pipeline orders them by what they require.
  const pipeline = new Pipeline([tokensAnalyzer, sentencesAnalyzer]);

  test('runs sentences before tokens', () => {
    assert.deepEqual(pipeline.analyzers.map((a) => a.name), ['sentences', 'tokens']);
  });

  for (const d of DOCS) {
    test(`${d.origin}: a valid record, the same twice`, () => {
      const record = pipeline.analyze(d);
      assertValidRecord(record);
      assert.ok(record.sentences.length > 0);
      assert.deepEqual(pipeline.analyze(d), record);
    });

    test(`${d.origin}: every token lies inside one sentence`, () => {
      const { sentences = [], tokens = [] } = pipeline.layers(d);
      assert.ok(tokens.length > 0);
      for (const t of tokens) {
        assert.equal(d.text.slice(t.start, t.end), t.text);
        assert.ok(sentences.some((s) => s.start <= t.start && t.end <= s.end), `token ${t.text} crosses a sentence end`);
      }
    });
  }

  test('the French document splits where it should', () => {
    const d = DOCS[0] as Doc;
    const texts = pipeline.analyze(d).sentences.map((s) => d.text.slice(s.start, s.end));
    assert.deepEqual(texts, [
      'Brest (AFP) — M. Le Gall a-t-il menti ?',
      '« Non », a répondu l’élu.',
      'Le conseil a voté 1 000 000 d’euros, soit 57 % du budget.',
      'Les travaux débuteront en 2024.',
    ]);
  });
});
