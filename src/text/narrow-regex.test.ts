import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIGIT_STAND_IN, fitsNarrow, fitsNarrowByChar, holdsStandIn, LETTER_STAND_IN, NARROW_BOUND, narrowRegex, narrowSource, narrowView, wordRegex } from './narrow-regex.js';

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

test('ſ does not fit: under `u` it folds onto s, without it not', () => {
  assert.equal(fitsNarrow('ſ'), false);
  assert.equal(fitsNarrow('s S'), true);
});

test('narrowView: the text itself when it fits; stand-ins of the same length for stray letters and digits', () => {
  const fitting = 'Le 12 mars, à 9 h.';
  assert.equal(narrowView(fitting), fitting);
  const text = 'Le μ-mètre de Москва, ٣ fois en mars.';
  const view = narrowView(text);
  assert.ok(view !== null);
  assert.equal(view.length, text.length);
  assert.ok(fitsNarrow(view));
  assert.equal(view.slice(0, 3), 'Le ');
  assert.equal(view[3], LETTER_STAND_IN);
  assert.equal(view[view.indexOf(' fois') - 1], DIGIT_STAND_IN);
  assert.equal(narrowView('un 𝐀 astral'), null);
  assert.equal(narrowView('Le μ', () => false), null);
});

test('narrow builds on the view match as the full builds on the text, a stand-in marking text to read again', () => {
  const sources = [
    '(?<![\\p{L}\\p{N}_]|[\\p{L}\\p{N}]-)(?:\\p{L}+ )?mars(?![\\p{L}\\p{N}_]|-[\\p{L}\\p{N}])',
    '(?<![\\p{L}\\p{N}_])\\d+(?: \\p{L}+)?(?![\\p{L}\\p{N}_])',
    '(?<![\\p{L}\\p{N}_])[\\p{L}\\p{N}]+',
  ];
  const texts = ['Le μ mars, Ωmars, mars-Ж, 3 Ω, 12 β2 et λ mars.', 'Москва 3 марта, 3 mars ٣ mars', 'ᵉʳ mars'];
  for (const source of sources) {
    const full = new RegExp(source, 'giu');
    const narrow = narrowRegex(source, 'giu');
    for (const text of texts) {
      const view = narrowView(text);
      if (view === null) continue;
      const spans = (regex: RegExp, s: string) => [...s.matchAll(regex)].map((m) => [m.index, m[0].length]);
      assert.deepEqual(spans(narrow, view), spans(full, text), `${source} on ${text}`);
      for (const m of view.matchAll(narrow)) assert.equal(holdsStandIn(m), m[0] !== text.slice(m.index, m.index + m[0].length));
    }
  }
});

test('narrowView refuses a text whose stray character a regex spells out (ᵉ in "1ᵉʳ")', () => {
  narrowRegex('\\d(?:er|ᵉʳ)', 'iu');
  assert.equal(narrowView('le 1ᵉʳ mars'), null);
});

// Last: they note sources (µ, \p{Lu}…) that make views refuse more texts for the rest of this process.
test('without `u`, the narrow build agrees with the full one on every character a fitting text can hold', () => {
  const sources = ['[\\p{L}\\p{N}_]', '\\p{L}', '\\p{N}', '[^\\p{L}]', 's', 'k', 'K', 'é', 'ß', 'å', 'µ', 'ÿ', '[a-z]', '\\w'];
  const pairs = sources.map((source) => ({ full: new RegExp(`^${source}$`, 'iu'), narrow: narrowRegex(`^${source}$`, 'iu') }));
  assert.ok(pairs.every((p) => !p.narrow.unicode), 'built without u');
  const mismatches: string[] = [];
  for (let c = 0; c <= 0xffff; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    if (!fitsNarrow(ch)) continue;
    for (const { full, narrow } of pairs) if (full.test(ch) !== narrow.test(ch)) mismatches.push(`U+${c.toString(16)} ${full.source}`);
  }
  assert.deepEqual(mismatches.slice(0, 5), []);
});

test('narrowRegex drops `u` unless its source needs it', () => {
  assert.equal(narrowRegex('(?<![\\p{L}\\p{N}_])mars', 'iuy').flags, 'iy');
  assert.equal(narrowRegex('\\p{Lu}+', 'iu').flags, 'iu');
  assert.equal(narrowRegex('\\u{1F600}', 'u').flags, 'u');
  assert.equal(narrowRegex('ſ', 'iu').flags, 'iu');
});
