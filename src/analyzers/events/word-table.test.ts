import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { languageData } from '../../lang/load.js';
import { loadKnowledgeBase } from '../../kb/knowledge-base.js';
import { eventGrammar } from './grammar.js';
import { W } from './word-class.js';
import { wordKey } from './word-key.js';
import { demonymStepOf, kbKeysOf, WordTable } from './word-table.js';

describe('word table (what the coder knows of each token text)', () => {
  const grammar = eventGrammar(languageData('fr'), null);

  test('a text is worked out once: the same word each time', () => {
    const table = new WordTable({ classes: new Map(), byForm: new Map(), unframed: new Set() });
    assert.equal(table.get('Attaque'), table.get('Attaque'));
    assert.notEqual(table.get('Attaque'), table.get('attaque'));
  });

  test('key, classes, capital and trigger forms are those of the lookups it replaces', () => {
    for (const text of ['L’attaque', 'livré', 'Livré', 'de', 'Le', ',', 'Ouagadougou', 'a']) {
      const word = grammar.words.get(text);
      const key = wordKey(text);
      assert.equal(word.key, key, text);
      assert.equal(word.classes, grammar.lexicon.classes.get(key) ?? 0, text);
      assert.equal(word.capital, key[0] !== text[0], text);
      assert.equal(word.forms, grammar.index.byForm.get(key) ?? null, text);
      assert.equal(word.unframed, grammar.unframed.has(key), text);
    }
    assert.ok(grammar.words.get('livré').forms, 'a trigger form');
    assert.ok(grammar.words.get('de').classes & W.GEN, 'a function word');
  });

  test('KB keys and the first demonym step are kept per word, per knowledge base', () => {
    const kb = loadKnowledgeBase();
    const word = grammar.words.get('russes');
    assert.equal(kbKeysOf(word, 'russes'), kbKeysOf(word, 'russes'));
    const first = kbKeysOf(word, 'russes')[0]!;
    assert.equal(demonymStepOf(word, 'russes', kb), kb.demonyms.first(first));
    assert.notEqual(demonymStepOf(word, 'russes', kb), null, 'a nationality');
    assert.equal(demonymStepOf(grammar.words.get('maison'), 'maison', kb), null);
  });
});
