import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Layers } from '../../core/layers.js';
import type { Doc } from '../../core/record.js';
import { languageData } from '../../lang/load.js';
import { createEventsAnalyzer } from './index.js';

const events = createEventsAnalyzer({ patternsDir: null });

function run(text: string, language: string, layers: Partial<Layers>): ReturnType<typeof events.run> {
  const doc: Doc = { id: '0123456789abcdef', origin: 'bad', source: { name: null, url: null }, title: null, date: null, language, text };
  return events.run({ doc, layers: { sentences: [], tokens: [], entities: [], times: [], claims: [], ...layers }, lang: languageData(language) });
}

describe('events: odd inputs never crash', () => {
  test('no sentences, no tokens', () => {
    assert.deepEqual(run('', 'fr', {}), { events: [], uncoded: [] });
  });

  test('a sentence of punctuation and numbers', () => {
    const text = '« … » — 1 000 ; (!)';
    const tokens = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0], kind: 'punct' as const }));
    assert.deepEqual(run(text, 'fr', { sentences: [{ start: 0, end: text.length }], tokens }).events, []);
  });

  test('an unknown language falls back to French data', () => {
    const text = 'Le Japon a promis une aide.';
    const tokens = [...text.matchAll(/[\p{L}']+|[.]/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0], kind: (m[0] === '.' ? 'punct' : 'word') as 'punct' | 'word' }));
    const out = run(text, 'und', { sentences: [{ start: 0, end: text.length }], tokens });
    assert.deepEqual(out.events, []);
    assert.deepEqual(out.uncoded?.map((u) => [u.rule, u.reason]), [['fr/agree/promettre', 'no_actor'], ['fr/aid/aide', 'filtered']]);
  });

  test('entity mentions outside the text or overlapping are ignored', () => {
    const text = 'La Russie a attaqué.';
    const tokens = [...text.matchAll(/[\p{L}']+|[.]/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0], kind: (m[0] === '.' ? 'punct' : 'word') as 'punct' | 'word' }));
    const entities = [
      { id: 'e1', type: 'GPE' as const, name: 'Russie', kb: null, country: 'RUS', sector: null, roles: [], mentions: [{ start: 3, end: 9, text: 'Russie' }, { start: 500, end: 506, text: 'Russie' }] },
      { id: 'e2', type: 'GPE' as const, name: 'Ru', kb: null, country: 'RUS', sector: null, roles: [], mentions: [{ start: 3, end: 5, text: 'Ru' }] },
    ];
    const out = run(text, 'fr', { sentences: [{ start: 0, end: text.length }], tokens, entities });
    assert.equal(out.events?.length, 1);
    assert.equal(out.events?.[0]?.actor[0]?.code, 'RUS');
  });
});
