import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { partitionPoint } from './sorted.js';

describe('attribution: partitionPoint', () => {
  test('the first element past those that come before', () => {
    const starts = [2, 5, 5, 9];
    assert.equal(partitionPoint(starts, (x) => x < 5), 1);
    assert.equal(partitionPoint(starts, (x) => x < 1), 0);
    assert.equal(partitionPoint(starts, (x) => x < 100), 4);
    assert.equal(partitionPoint([], () => true), 0);
  });
});
