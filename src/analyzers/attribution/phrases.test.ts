import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PhraseTable, phraseKeys, wordKey } from './phrases.js';

describe('attribution: phrases of the language data', () => {
  test('word keys: lower case, typographic apostrophes made straight', () => {
    assert.equal(wordKey('D’après'), "d'après");
  });

  test('phrase keys split elisions the way the tokenizer does', () => {
    assert.deepEqual(phraseKeys("d'après"), ["d'", 'après']);
    assert.deepEqual(phraseKeys('according to'), ['according', 'to']);
  });

  test('the longest phrase starting at a word wins', () => {
    const t = new PhraseTable<string>();
    t.add('a déclaré', 'short');
    t.add('a déclaré ce matin', 'long');
    const keys = ['a', 'déclaré', 'ce', 'matin'];
    assert.deepEqual(t.match((i) => keys[i], 0), { length: 4, value: 'long' });
    assert.deepEqual(t.match((i) => ['a', 'déclaré', 'hier'][i], 0), { length: 2, value: 'short' });
    assert.equal(t.match((i) => keys[i], 1), null);
  });
});
