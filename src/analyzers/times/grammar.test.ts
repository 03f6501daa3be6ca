import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { languageData } from '../../lang/load.js';
import { compileTimes } from './grammar.js';

describe('the times grammars compile and every rule matches its example', () => {
  for (const code of ['fr', 'en']) {
    test(code, () => {
      const grammar = languageData(code).compiled('times', compileTimes);
      assert.ok(grammar.rules.length > 20);
      for (const rule of grammar.rules) {
        // The rule must match the example's tail (its `after` words may come first).
        let covered = false;
        for (let i = 0; i < rule.example.length && !covered; i++) {
          rule.regex.lastIndex = i;
          const m = rule.regex.exec(rule.example);
          covered = m !== null && i + m[0].length === rule.example.length;
        }
        assert.ok(covered, `${rule.id} does not match its example "${rule.example}"`);
      }
    });
  }
});

describe('bad grammar data is named', () => {
  const base = { lexicon: { month: { mai: 5 } }, tense: [], rules: [] as unknown[] };
  test('unknown placeholder', () => {
    const raw = { ...base, rules: [{ id: 'x/bad', kind: 'month', match: '{monthz}', example: 'mai' }] };
    assert.throws(() => compileTimes(raw, 'xx'), /lang\/xx\/times\.json: rule x\/bad: unknown placeholder \{monthz\}/);
  });
  test('unknown kind', () => {
    const raw = { ...base, rules: [{ id: 'x/kind', kind: 'nope', match: '{month}', example: 'mai' }] };
    assert.throws(() => compileTimes(raw, 'xx'), /unknown kind "nope"/);
  });
  test('a rule nothing can anchor', () => {
    const raw = { ...base, rules: [{ id: 'x/free', kind: 'ref', match: 'jadis', example: 'jadis' }] };
    assert.throws(() => compileTimes(raw, 'xx'), /x\/free has no anchor/);
  });
  test('more anchor categories than a scan can hold', () => {
    const names = Array.from({ length: 32 }, (_, i) => `cat${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
    const lexicon = Object.fromEntries(names.map((name, i) => [name, { [`mot${name}`]: i }]));
    const rules = names.map((name) => ({ id: `x/${name}`, kind: 'ref', match: `{${name}}`, example: `mot${name}` }));
    assert.throws(() => compileTimes({ lexicon, tense: [], rules }, 'xx'), /more than 31 anchor categories/);
  });
  test('a language without the file finds nothing', () => {
    assert.equal(compileTimes(null, 'xx').rules.length, 0);
  });
});
