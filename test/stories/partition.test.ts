import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { KeyInterner, pack } from '../../src/stories/packed.js';
import { averageLinkPartition } from '../../src/stories/partition.js';
import { dateFactor, similarity } from '../../src/stories/similarity.js';

const keys = new KeyInterner();
/** A document of equal weights on the given features. */
function doc(features: string[], language = 'fr', days: { from: number; to: number } | null = null) {
  const norm = Math.sqrt(features.length);
  const neutral = Math.sqrt(features.filter((k) => !k.startsWith('w:')).length);
  return pack({ keys: features, weights: features.map(() => 1), norm, neutralNorm: neutral }, language, days, keys);
}

describe('similarity and average-link partition', () => {
  test('cosine within a language; only neutral features across languages', () => {
    const a = doc(['e:Q1', 'e:Q2', 'w:fr:visite', 'w:fr:ministre']);
    const b = doc(['e:Q1', 'e:Q2', 'w:fr:visite', 'w:fr:chef']);
    assert.ok(Math.abs(similarity(a, b) - 0.75) < 1e-9);
    const c = doc(['e:Q1', 'e:Q2', 'w:en:visit'], 'en');
    assert.ok(Math.abs(similarity(a, c) - 1) < 1e-9, 'across languages the content terms are set aside');
  });

  test('publication dates far apart lower similarity; undated documents are not penalized', () => {
    assert.equal(dateFactor({ from: 0, to: 0 }, { from: 2, to: 2 }), 1);
    assert.ok(dateFactor({ from: 0, to: 0 }, { from: 30, to: 30 }) < 0.1);
    assert.equal(dateFactor(null, { from: 30, to: 30 }), 1);
  });

  test('clusters merge while their mean similarity reaches the threshold; one borderline link does not chain', () => {
    const items = [
      doc(['e:A', 'e:B', 'n:1']), doc(['e:A', 'e:B', 'n:2']), doc(['e:A', 'e:B', 'n:1']),
      doc(['e:A', 'e:C', 'e:D']), doc(['e:C', 'e:D', 'n:9']), doc(['e:C', 'e:D', 'n:9']),
    ].map((packed, i) => ({ packed, group: `g${i}` }));
    assert.deepEqual(averageLinkPartition(items, 0.3), [[0, 1, 2], [3, 4, 5]]);
    assert.deepEqual(averageLinkPartition(items, 0.99), [[0, 2], [1], [3], [4, 5]]);
  });

  test('items of one group stay together whatever their similarity', () => {
    const items = [doc(['e:A']), doc(['e:Z']), doc(['e:A'])].map((packed, i) => ({ packed, group: i === 2 ? 'x' : i === 1 ? 'x' : 'y' }));
    assert.deepEqual(averageLinkPartition(items, 0.9), [[0], [1, 2]]);
  });

  test('deterministic, and an empty neighbourhood is no cluster', () => {
    const items = [doc(['e:A', 'n:1']), doc(['e:A', 'n:2']), doc(['e:A', 'n:3'])].map((packed, i) => ({ packed, group: `g${i}` }));
    assert.deepEqual(averageLinkPartition(items, 0.4), averageLinkPartition(items, 0.4));
    assert.deepEqual(averageLinkPartition([], 0.1), []);
  });
});
