import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitsNarrow, fitsNarrowByChar, NARROW_BOUND, narrowSource, wordRegex } from './narrow-regex.js';

test('narrow classes agree with \\p{L} and \\p{N} on every code point a fitting text can hold', () => {
  const pairs = [
    ['[\\p{L}\\p{N}_]', 'iu'], ['\\p{L}', 'iu'], ['\\p{N}', 'iu'], ['[^\\p{L}]', 'iu'], ['[\\p{L}\\p{N}_]', 'u'],
  ].map(([source, flags]) => ({ full: new RegExp(`^${source}$`, flags), narrow: new RegExp(`^${narrowSource(source!)}$`, flags) }));
  const mismatches: string[] = [];
  for (let c = 0; c <= 0x10ffff; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCodePoint(c);
    // At or above the bound, only characters that fitsNarrow lets through matter.
    if (!fitsNarrow(ch)) continue;
    for (const { full, narrow } of pairs) {
      if (full.test(ch) !== narrow.test(ch)) mismatches.push(`U+${c.toString(16)} ${full.source}`);
    }
  }
  assert.deepEqual(mismatches.slice(0, 5), []);
});

test('narrowSource spells out only \\p{L} and \\p{N}, inside and outside classes', () => {
  const out = narrowSource('(?<![\\p{L}\\p{N}_])\\p{L}+\\p{Lu}\\d\\[\\p{N}]');
  assert.doesNotMatch(out, /\\p\{[LN]\}/);
  assert.match(out, /\\p\{Lu\}/);
  assert.match(out, /^\(\?<!\[\\u0041-\\u005a/);
  // An escaped backslash before p{L} is not a class.
  assert.equal(narrowSource('a\\\\p{L}'), 'a\\\\p{L}');
});

test('the lower case of a fitting text fits', () => {
  for (let c = 0; c < NARROW_BOUND; c++) {
    const ch = String.fromCharCode(c);
    if (fitsNarrow(ch)) assert.equal(fitsNarrow(ch.toLowerCase()), true, `U+${c.toString(16)}`);
  }
});

test('fitsNarrow: Latin text fits; Greek, Cyrillic, ᵉʳ and astral letters do not', () => {
  assert.equal(fitsNarrow('Le 12 octobre 2023, l’Élysée a reçu « 57 % » des votes… — 3 €'), true);
  assert.equal(fitsNarrow('œuvre Œdipe ß ÿ'), true);
  for (const text of ['le μ', 'Москва', 'le 1ᵉʳ mai', 'x\u0345', '𝐀', 'Ⱥ']) assert.equal(fitsNarrow(text), false, text);
});

test('both builds find the same word-bounded matches in a fitting text', () => {
  const regex = wordRegex('(?<![\\p{L}\\p{N}_])\\p{L}+(?![\\p{L}\\p{N}_])', 'giu');
  const text = 'Élodie a vu 3 ours à Saint-Étienne’s «zoo» en 2023.';
  assert.deepEqual(text.match(regex.narrow), text.match(regex.full));
});

test('fitsNarrow (a regex first) answers as the character loop, for every BMP character and a few texts', () => {
  for (let c = 0; c < 0x10000; c++) {
    const text = `Le ${String.fromCharCode(c)} déjà`;
    assert.equal(fitsNarrow(text), fitsNarrowByChar(text), `U+${c.toString(16)}`);
  }
  for (const text of ['', 'μ', 'a\ud835\udc00', 'l’œuvre «x»', 'İstanbul', 'Ⱥ', '3ᵉʳ']) assert.equal(fitsNarrow(text), fitsNarrowByChar(text), text);
});
