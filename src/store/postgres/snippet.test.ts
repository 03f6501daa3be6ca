import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeSnippet, queryLexemes } from './snippet.js';

test('lexemes are read from a printed tsquery, quotes undoubled', () => {
  assert.deepEqual(queryLexemes("'core' <2> 'nord' & 'nucl':* & 'l''eau'"), ['core', 'nord', 'nucl', "l'eau"]);
  assert.deepEqual(queryLexemes(''), []);
});

test('marks the forms of each stem, accents and case folded, in the densest window', () => {
  const text = 'Un texte long. '.repeat(30) + 'Les négociations reprendront en Corée du Nord, selon les négociateurs.';
  const s = makeSnippet(text, ['negoci', 'core']);
  assert.deepEqual(s.marks.map((m) => s.text.slice(m.start, m.end)), ['négociations', 'Corée', 'négociateurs']);
  assert.ok(s.text.startsWith('…'));
});

test('English stems ending in i mark words in y; far longer words are not marked', () => {
  const s = makeSnippet('The country said the countryside was calm.', ['countri']);
  assert.deepEqual(s.marks.map((m) => s.text.slice(m.start, m.end)), ['country', 'countryside']);
  assert.deepEqual(makeSnippet('Nationalisation', ['nat']).marks, []);
});

test('no match: the beginning of the text, no marks', () => {
  const s = makeSnippet('Premier mot, puis les autres.', ['absent']);
  assert.equal(s.text, 'Premier mot, puis les autres');
  assert.deepEqual(s.marks, []);
});
