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
  test('a language without the file finds nothing', () => {
    assert.equal(compileTimes(null, 'xx').rules.length, 0);
  });
});
