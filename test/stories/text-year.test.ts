import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TimeExpression } from '../../src/core/record.js';
import { documentFeatures } from '../../src/stories/features.js';
import { KeyInterner, pack } from '../../src/stories/packed.js';
import { similarity, YEAR_FACTOR, yearFactor } from '../../src/stories/similarity.js';
import { textYear } from '../../src/stories/text-year.js';
import { STORY_RECORDS } from '../fixtures/stories/records.js';

const time = (value: string): TimeExpression => ({ id: 't', start: 0, end: 1, text: 'x', value, granularity: 'year', range: null, anchor: null, rule: 'test' } as TimeExpression);

describe('the year an undated text is about', () => {
  test('the year its times name most; ties go to the latest; none without resolved years', () => {
    assert.equal(textYear({ times: [time('2009-04-28'), time('2009'), time('2006')] }), 2009);
    assert.equal(textYear({ times: [time('2006'), time('2008-12')] }), 2008);
    assert.equal(textYear({ times: [time('PAST_REF'), time('P2D')] }), null);
    assert.equal(textYear({ times: [] }), null);
  });

  test('texts about different years are less alike; a missing year costs nothing', () => {
    assert.equal(yearFactor(2009, 2009), 1);
    assert.equal(yearFactor(null, 2009), 1);
    assert.ok(Math.abs(yearFactor(2006, 2008) - YEAR_FACTOR ** 2) < 1e-12);
    const keys = new KeyInterner();
    const doc = (year: string | null) => {
      const features = ['e:Q1', 'w:en:storm', ...(year ? [`y:${year}`] : [])];
      return pack({ keys: features, weights: features.map(() => 1), norm: Math.sqrt(features.length), neutralNorm: 1 }, 'en', null, keys);
    };
    assert.ok(similarity(doc('2006'), doc('2009')) < similarity(doc('2009'), doc('2009')));
    assert.equal(doc(null).year, null);
  });

  test('only an undated document gets a year feature', () => {
    for (const record of Object.values(STORY_RECORDS)) {
      const features = documentFeatures(record);
      const hasYear = Object.keys(features.vector).some((k) => k.startsWith('y:'));
      if (features.days) assert.equal(hasYear, false, record.doc.origin);
    }
    const [first] = Object.values(STORY_RECORDS);
    assert.ok(first);
    const undated = { ...first, doc: { ...first.doc, date: null }, times: [time('2021-05-02')] };
    assert.equal(documentFeatures(undated).vector['y:2021'], 1);
  });
});
