import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Analyzer } from './analyzer.js';
import { Pipeline } from './pipeline.js';
import type { Doc } from './record.js';

const docOf = (id: string, text: string): Doc => ({ id, origin: `t-${id}`, source: { name: null, url: null }, title: null, date: null, language: 'fr', text });

/** Which analyzer saw which document, in order: the batch runs stage by stage. */
const seen: string[] = [];
const sentences: Analyzer<'sentences'> = {
  name: 'sentences', version: '1', requires: [], assigns: ['sentences'],
  run: ({ doc }) => {
    seen.push(`sentences:${doc.id}`);
    if (doc.text.includes('BOOM')) throw new Error(`cannot split ${doc.id}`);
    return { sentences: [{ start: 0, end: doc.text.length }] };
  },
};
const times: Analyzer<'times'> = {
  name: 'times', version: '1', requires: ['sentences'], assigns: ['times'],
  run: ({ doc, layers }) => {
    seen.push(`times:${doc.id}`);
    const s = layers.sentences![0]!;
    return { times: [{ id: 't1', start: s.start, end: s.end, text: doc.text, value: 'PRESENT_REF', granularity: 'unknown', range: null, anchor: null, rule: 'test/whole' }] };
  },
};

describe('Pipeline.analyzeBatch', () => {
  const pipeline = new Pipeline([times, sentences]);
  const docs = [docOf('a', 'Un.'), docOf('b', 'BOOM ici.'), docOf('c', 'Trois mots ici.')];

  test('runs each analyzer over the whole batch before the next, and gives what analyze gives', () => {
    seen.length = 0;
    const outcomes = pipeline.analyzeBatch(docs.filter((d) => d.id !== 'b'));
    assert.deepEqual(seen, ['sentences:a', 'sentences:c', 'times:a', 'times:c']);
    assert.deepEqual(outcomes.map((o) => (o.ok ? o.record : null)), [pipeline.analyze(docs[0]!), pipeline.analyze(docs[2]!)]);
  });

  test('a document whose analyzer throws keeps its error and skips later stages; the others go on', () => {
    seen.length = 0;
    const outcomes = pipeline.analyzeBatch(docs);
    assert.deepEqual(seen, ['sentences:a', 'sentences:b', 'sentences:c', 'times:a', 'times:c']);
    assert.deepEqual(outcomes.map((o) => o.ok), [true, false, true]);
    const failed = outcomes[1]!;
    assert.ok(!failed.ok && failed.doc.id === 'b' && failed.error instanceof Error && /cannot split b/.test(failed.error.message));
    assert.equal(outcomes[2]!.ok && outcomes[2]!.record.times[0]!.end, 'Trois mots ici.'.length);
    assert.throws(() => pipeline.analyze(docs[1]!), /cannot split b/, 'one document alone still throws');
  });

  test('observe hears each analyzer once per batch; an empty batch gives nothing', () => {
    const heard: string[] = [];
    pipeline.analyzeBatch(docs, (analyzer, ms) => {
      assert.ok(ms >= 0);
      heard.push(analyzer.name);
    });
    assert.deepEqual(heard, ['sentences', 'times']);
    assert.deepEqual(pipeline.analyzeBatch([]), []);
  });
});
