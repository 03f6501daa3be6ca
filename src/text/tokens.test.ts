import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Token } from '../core/layers.js';
import { languageData } from '../lang/load.js';
import { tokenize } from './tokens.js';

interface Case { name: string; text: string; tokens: [string, Token['kind']][] }
interface Fixture { language: string; cases: Case[] }

function fixture(name: string): Fixture {
  return JSON.parse(readFileSync(new URL(`../../test/fixtures/text/${name}.json`, import.meta.url), 'utf8')) as Fixture;
}

/** Tokens are ordered, disjoint, non-empty, match their text, and leave only white space out. */
function assertWellFormed(text: string, tokens: Token[], from = 0, to = text.length): void {
  let last = from;
  for (const t of tokens) {
    assert.ok(t.start >= last && t.end > t.start && t.end <= to, `bad token [${t.start}, ${t.end})`);
    assert.equal(text.slice(t.start, t.end), t.text);
    assert.match(text.slice(last, t.start), /^\s*$/u, `text left between tokens before ${JSON.stringify(t.text)}`);
    last = t.end;
  }
  assert.match(text.slice(last, to), /^\s*$/u);
}

for (const name of ['tokens-fr', 'tokens-fr-whole', 'tokens-en']) {
  const { language, cases } = fixture(name);
  describe(`tokenize: ${name}`, () => {
    for (const c of cases) {
      test(c.name, () => {
        const tokens = tokenize(c.text, languageData(language));
        assertWellFormed(c.text, tokens);
        assert.deepEqual(tokens.map((t) => [t.text, t.kind]), c.tokens);
      });
    }
  });
}

describe('tokenize within a span', () => {
  const fr = languageData('fr');
  test('offsets index the whole text and no token crosses the span', () => {
    const text = 'Les neiges des Pyrénées.Alors que tout fondait.';
    const tokens = tokenize(text, fr, { start: 15, end: 24 });
    assert.deepEqual(tokens.map((t) => [t.text, t.start]), [['Pyrénées', 15], ['.', 23]]);
  });
  test('a span cutting a URL keeps within the span', () => {
    const text = 'voir https://exemple.fr/a/b maintenant';
    assertWellFormed(text, tokenize(text, fr, { start: 5, end: 20 }), 5, 20);
  });
  test('out-of-range spans are clamped', () => {
    assert.deepEqual(tokenize('abc', fr, { start: -5, end: 99 }).map((t) => t.text), ['abc']);
    assert.deepEqual(tokenize('abc', fr, { start: 2, end: 1 }), []);
  });
});

describe('tokenize on bad input', () => {
  const fr = languageData('fr');
  test('empty and blank text', () => {
    assert.deepEqual(tokenize('', fr), []);
    assert.deepEqual(tokenize(' \n\u00a0\u202f\t', fr), []);
  });
  test('1 MB of one character', () => {
    const text = 'a'.repeat(1_000_000);
    assert.deepEqual(tokenize(text, fr).map((t) => [t.start, t.end, t.kind]), [[0, text.length, 'word']]);
  });
  test('a period every other character and other degenerate runs stay well formed', () => {
    for (const text of ['a.'.repeat(100_000), '. '.repeat(100_000), 'a+'.repeat(100_000), "l'".repeat(100_000), 'a@'.repeat(100_000),
      '1 000 '.repeat(50_000), 'a-t-il '.repeat(50_000), '\u200d'.repeat(10_000), 'http://'.repeat(10_000)]) {
      assertWellFormed(text, tokenize(text, fr));
    }
  });
  test('mixed scripts, emoji and lone surrogates', () => {
    const text = 'Путин 東京都 مرحبا 👍🏽👨‍👩‍👧 \ud800 fin';
    const tokens = tokenize(text, fr);
    assertWellFormed(text, tokens);
    assert.deepEqual(tokens.map((t) => t.text), ['Путин', '東京都', 'مرحبا', '👍🏽', '👨‍👩‍👧', '\ud800', 'fin']);
  });
  test('deterministic', () => {
    const text = fixture('tokens-fr').cases.map((c) => c.text).join(' ');
    assert.deepEqual(tokenize(text, fr), tokenize(text, fr));
  });
});
