import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { KeyTrie } from './trie.js';

/** Every (length, values) a walk from the first key finds. */
function matches(trie: KeyTrie<string>, keys: string[]): string[] {
  const out: string[] = [];
  trie.walk((i) => keys[i] ?? null, 0, (length, values) => out.push(`${length}:${values.join('|')}`));
  return out;
}

describe('KeyTrie', () => {
  test('names sharing words: one child, then a branch, then values at several depths', () => {
    const trie = new KeyTrie<string>();
    trie.add(['banque'], 'b');
    trie.add(['banque', 'de', 'france'], 'bdf');
    trie.add(['banque', 'mondiale'], 'bm');
    trie.add(['banque', 'de', 'france'], 'bdf2');
    assert.equal(trie.size, 4);
    assert.deepEqual(matches(trie, ['banque', 'de', 'france', 'x']), ['1:b', '3:bdf|bdf2']);
    assert.deepEqual(matches(trie, ['banque', 'mondiale']), ['1:b', '2:bm']);
    assert.deepEqual(matches(trie, ['banque', 'de']), ['1:b']);
    assert.deepEqual(matches(trie, ['de']), []);
  });

  test('a step-by-step walk agrees with walk', () => {
    const trie = new KeyTrie<string>();
    trie.add(['mer', 'noire'], 'mn');
    trie.add(['mer', 'rouge'], 'mr');
    const first = trie.first('mer');
    assert.ok(first && first.values === null && trie.goesOn(first));
    const noire = trie.next(first, 'noire');
    assert.deepEqual(noire?.values, ['mn']);
    assert.equal(trie.goesOn(noire!), false);
    assert.equal(trie.next(first, 'morte'), null);
    assert.equal(trie.first('noire'), null);
  });

  test('an empty key list adds nothing', () => {
    const trie = new KeyTrie<number>();
    trie.add([], 1);
    assert.equal(trie.size, 0);
    assert.equal(trie.first(''), null);
  });
});
