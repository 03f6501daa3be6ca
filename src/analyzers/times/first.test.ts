import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { languageData } from '../../lang/load.js';
import { firstWords } from './first.js';
import { compileTimes } from './grammar.js';
import { scanMatches } from './scan.js';

describe('firstWords reads the words a template can begin with', () => {
  const keys = new Map([['unit', ['mois', 'année']], ['direction', ['dernier']], ['month', ['août']]]);
  test('optional determiners, then a lexicon category', () => {
    assert.deepEqual([...firstWords('(?:le |la |l\')?{unit} {direction}', keys)!].sort(), ['ann', 'l', 'la', 'le', 'moi']);
  });
  test('a literal phrase, numbers, lookarounds', () => {
    assert.deepEqual([...firstWords('il y a {digits} {unit}', keys)!], ['il']);
    assert.deepEqual([...firstWords('(?<=de ){digits} ans', keys)!], ['#']);
    assert.deepEqual([...firstWords('(?:3[01]|[12]\\d)/\\d', keys)!], ['#']);
    assert.deepEqual([...firstWords('{month}', keys)!], ['aou']);
  });
  test('what cannot be told is null', () => {
    assert.equal(firstWords('\\p{L}+ment', keys), null);
    assert.equal(firstWords('(?:le )?', keys), null);
  });
});

describe('the word and anchor filters never hide a rule from its own example', () => {
  for (const code of ['fr', 'en']) {
    test(code, () => {
      const grammar = languageData(code).compiled('times', compileTimes);
      for (const rule of grammar.rules) {
        const found = new Set<string>();
        scanMatches(rule.example, grammar, (candidate) => {
          found.add(candidate.rule.id);
          return false;
        });
        assert.ok(found.has(rule.id), `${rule.id} is not tried on "${rule.example}"`);
      }
    });
  }
});
