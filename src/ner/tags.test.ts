import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowedAfter, spansOfTags, TAGS, tagsOfSpans } from './tags.js';

test('BIO tags: spans round-trip, and an I- tag only continues its own type', () => {
  const spans = [{ first: 0, last: 2, type: 'PER' as const }, { first: 2, last: 3, type: 'PER' as const }, { first: 5, last: 7, type: 'LOC' as const }];
  const tags = tagsOfSpans(8, spans);
  assert.deepEqual([...tags].map((t) => TAGS[t]), ['B-PER', 'I-PER', 'B-PER', 'O', 'O', 'B-LOC', 'I-LOC', 'O']);
  assert.deepEqual(spansOfTags(tags), spans);
  assert.equal(allowedAfter(-1, TAGS.indexOf('I-PER')), false);
  assert.equal(allowedAfter(TAGS.indexOf('B-LOC'), TAGS.indexOf('I-PER')), false);
  assert.equal(allowedAfter(TAGS.indexOf('B-PER'), TAGS.indexOf('I-PER')), true);
  // a stray I- (never produced by the tagger) opens a mention
  assert.deepEqual(spansOfTags(Uint8Array.from([0, TAGS.indexOf('I-ORG'), TAGS.indexOf('I-ORG')])), [{ first: 1, last: 3, type: 'ORG' }]);
});
