import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isVeilleError } from '../core/errors.js';
import { decodeCursor, encodeCursor, pageLimit } from './paging.js';
import { MAX_PAGE_LIMIT } from './store.js';

const bad = (fn: () => unknown): void => {
  assert.throws(fn, (e: unknown) => isVeilleError(e) && e.code === 'BAD_QUERY');
};

test('cursors round-trip their key, doubles included', () => {
  const key = [-1.2345678901234567e-7, 'abc'];
  assert.deepEqual(decodeCursor(encodeCursor('search', key), 'search', 'ns'), key);
});

test('a cursor of another kind or shape is refused', () => {
  const c = encodeCursor('documents', ['2024', 'id']);
  bad(() => decodeCursor(c, 'search', 'ns'));
  bad(() => decodeCursor(c, 'documents', 's'));
  bad(() => decodeCursor(c, 'documents', 'sn'));
  bad(() => decodeCursor('not base64!', 'documents', 'ss'));
  bad(() => decodeCursor('', 'documents', 'ss'));
  bad(() => decodeCursor('x'.repeat(5000), 'documents', 'ss'));
});

test('limits are positive integers, lowered to the maximum', () => {
  assert.equal(pageLimit(5), 5);
  assert.equal(pageLimit(undefined, 10), 10);
  assert.equal(pageLimit(MAX_PAGE_LIMIT * 10), MAX_PAGE_LIMIT);
  for (const v of [0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, '5', null]) bad(() => pageLimit(v));
});
