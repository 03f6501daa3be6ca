import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dayRange, dayGap } from '../../src/stories/dates.js';
import { documentFeatures } from '../../src/stories/features.js';
import { contentTerms, termsOf } from '../../src/stories/terms.js';
import { STORY_RECORDS } from '../fixtures/stories/records.js';

describe('story features', () => {
  test('a French and an English report share their language-neutral features', () => {
    const fr = documentFeatures(STORY_RECORDS.visitFr).vector;
    const en = documentFeatures(STORY_RECORDS.visitEn).vector;
    const shared = Object.keys(fr).filter((k) => k in en).sort();
    for (const key of ['e:veille:person/olaf-scholz', 'e:Q36', 'e:Q183', 'n:120', 'n:1000', 'd:2024-06-12', 'p:duda']) {
      assert.ok(shared.includes(key), `${key} is shared (shared: ${shared.join(', ')})`);
    }
    assert.ok(!shared.some((k) => k.startsWith('w:')), 'content terms carry their language');
  });

  test('content terms: folded, elisions and stop words out, plurals stemmed; names kept as names', () => {
    assert.deepEqual(contentTerms('Les conteneurs d’armes livrés à la Russie', 'fr'), ['conteneur', 'arme', 'livre', 'russie']);
    const terms = termsOf('The report says Lohan checked into rehab.', 'en');
    assert.deepEqual(terms.filter((t) => t.name).map((t) => t.term), ['lohan']);
  });

  test('dates: a day, a month and a year as day ranges; gaps between them', () => {
    const day = dayRange('2024-06-12');
    const month = dayRange('2024-06');
    assert.ok(day && month);
    assert.equal(month.to - month.from, 29);
    assert.equal(dayGap(day, month), 0);
    assert.equal(dayGap(day, dayRange('2024-06-20') as NonNullable<typeof day>), 8);
    assert.equal(dayRange('juin'), null);
    assert.equal(documentFeatures({ ...STORY_RECORDS.harvest, doc: { ...STORY_RECORDS.harvest.doc, date: '2024' } }).days, null, 'a year is too coarse to window by');
  });

  test('features are deterministic and bounded', () => {
    const a = documentFeatures(STORY_RECORDS.visitFr);
    assert.deepEqual(documentFeatures(structuredClone(STORY_RECORDS.visitFr)), a);
    const long = { ...STORY_RECORDS.harvest, doc: { ...STORY_RECORDS.harvest.doc, text: Array.from({ length: 2000 }, (_, i) => `mot${i}x`).join(' ') } };
    assert.ok(Object.keys(documentFeatures(long).vector).length <= 200);
  });

  test('a record missing layers does not crash', () => {
    const bare = { ...STORY_RECORDS.harvest, entities: undefined, times: undefined, events: undefined } as unknown as typeof STORY_RECORDS.harvest;
    assert.ok(Object.keys(documentFeatures(bare).vector).length > 0);
  });
});
