import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isVeilleError } from '../core/errors.js';
import { MAX_QUERY_LENGTH, MAX_QUERY_PARTS, parseSearchQuery } from './query.js';
import { toFts5Query } from './sqlite/search.js';

const words = (q: string): string[][] => parseSearchQuery(q).map((p) => p.words);
const badQuery = (q: string): void => {
  assert.throws(() => parseSearchQuery(q), (e: unknown) => isVeilleError(e) && e.code === 'BAD_QUERY');
};

test('words are runs of letters and digits; everything else separates', () => {
  assert.deepEqual(words('coree du nord'), [['coree'], ['du'], ['nord']]);
  assert.deepEqual(words("'; DROP TABLE documents; --"), [['DROP'], ['TABLE'], ['documents']]);
  assert.deepEqual(words('NEAR(a b) AND c:d ^e'), [['NEAR'], ['a'], ['b'], ['AND'], ['c'], ['d'], ['e']]);
  assert.deepEqual(words('kremlin\u0000moscou 🙂 2024'), [['kremlin'], ['moscou'], ['2024']]);
});

test('quotes make a phrase; an unclosed quote runs to the end', () => {
  assert.deepEqual(parseSearchQuery('"Corée du Nord" missile'), [
    { words: ['Corée', 'du', 'Nord'], prefix: false }, { words: ['missile'], prefix: false },
  ]);
  assert.deepEqual(words('"trade mission'), [['trade', 'mission']]);
});

test('hyphens and apostrophes join words into a phrase', () => {
  assert.deepEqual(words("nord-coréen l'Ukraine aujourd’hui"), [['nord', 'coréen'], ['l', 'Ukraine'], ['aujourd', 'hui']]);
});

test('a trailing * asks for a prefix', () => {
  assert.deepEqual(parseSearchQuery('nucl* *x'), [{ words: ['nucl'], prefix: true }, { words: ['x'], prefix: false }]);
});

test('decomposed accents stay inside their word', () => {
  assert.deepEqual(words('Core\u0301e'), [['Corée']]);
});

test('no word, too long, or too many parts is BAD_QUERY', () => {
  for (const q of ['', ' ', '"', '""', '*', '()', '🙂', '\ud800', '-- ;']) badQuery(q);
  badQuery('a'.repeat(MAX_QUERY_LENGTH + 1));
  badQuery('w '.repeat(MAX_QUERY_PARTS + 1));
  assert.equal(parseSearchQuery('w '.repeat(MAX_QUERY_PARTS)).length, MAX_QUERY_PARTS);
});

test('FTS5 rendering quotes every part and ANDs them', () => {
  assert.equal(toFts5Query(parseSearchQuery('"Corée du Nord" nucl* OR x')), '"Corée du Nord" AND "nucl"* AND "OR" AND "x"');
  assert.equal(toFts5Query([{ words: ['a"b'], prefix: false }]), '"a""b"');
});
