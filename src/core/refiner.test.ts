import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Analyzer, Refiner } from './analyzer.js';
import { Pipeline } from './pipeline.js';
import type { Doc } from './record.js';

const doc: Doc = { id: '0123456789abcdef', origin: 't', source: { name: null, url: null }, title: null, date: null, language: 'fr', text: 'Un texte.' };

const sentences: Analyzer<'sentences'> = { name: 'sentences', version: '1', requires: [], assigns: ['sentences'], run: () => ({ sentences: [{ start: 0, end: 9 }] }) };
const claims: Analyzer<'claims'> = {
  name: 'claims', version: '1', requires: ['sentences'], assigns: ['claims'],
  run: () => ({ claims: [{ id: 'c1', start: 0, end: 9, text: 'Un texte.', stance: 'assert', source: null, cue: null, about: null, events: [] }] }),
};
const events: Analyzer<'events'> = { name: 'events', version: '1', requires: ['claims'], assigns: ['events'], run: () => ({ events: [] }) };

describe('pipeline refiners', () => {
  test('run after every analyzer and replace only the layers they refine', () => {
    const seen: string[] = [];
    const linker: Refiner = {
      name: 'linker', version: '2', requires: ['claims', 'events'], refines: ['claims'],
      refine: ({ layers }) => {
        seen.push(`events=${layers.events?.length}`);
        // a refiner returning a layer it does not refine is ignored
        return { claims: (layers.claims ?? []).map((c) => ({ ...c, events: ['v9'] })), sentences: [] };
      },
    };
    const pipeline = new Pipeline([events, claims, sentences], [linker]);
    const record = pipeline.analyze(doc);
    assert.deepEqual(seen, ['events=0']);
    assert.deepEqual(record.claims[0]?.events, ['v9']);
    assert.deepEqual(record.sentences, [{ start: 0, end: 9 }]);
    assert.deepEqual(record.pipeline.analyzers.map((a) => a.name), ['sentences', 'claims', 'events', 'linker']);
    assert.deepEqual(record.uncoded, []);
  });

  test('a refiner needing a layer no analyzer assigns is refused at construction', () => {
    const bad: Refiner = { name: 'bad', version: '1', requires: ['events'], refines: ['claims'], refine: () => ({}) };
    assert.throws(() => new Pipeline([sentences, claims], [bad]), /refiner "bad" needs layer "events"/);
  });
});
