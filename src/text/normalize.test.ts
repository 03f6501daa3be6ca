import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeText } from './normalize.js';

describe('normalizeText', () => {
  test('strips the BOM and trims', () => {
    assert.equal(normalizeText('\uFEFF  Bonjour.  '), 'Bonjour.');
  });
  test('CRLF, CR, NEL and the line separator become LF; the paragraph separator a blank line', () => {
    assert.equal(normalizeText('a\r\nb\rc\u0085d\u2028e\u2029f'), 'a\nb\nc\nd\ne\n\nf');
  });
  test('composes to NFC', () => {
    const decomposed = 'e\u0301te\u0301';
    assert.equal(normalizeText(decomposed), 'été');
  });
  test('drops control characters but keeps newlines and tabs', () => {
    assert.equal(normalizeText('a\u0000b\u0007c\u001bd\u007fe\u009ff\tg\nh'), 'abcdef\tg\nh');
  });
  test('drops zero-width spaces and soft hyphens', () => {
    assert.equal(normalizeText('anti\u00adcons\u200btitutionnel'), 'anticonstitutionnel');
  });
  test('trims trailing spaces of each line, no-break ones included', () => {
    assert.equal(normalizeText('Un. \t\nDeux.\u00a0\nTrois.'), 'Un.\nDeux.\nTrois.');
  });
  test('collapses three or more newlines to two, blank lines with spaces included', () => {
    assert.equal(normalizeText('Un.\n\n\n\nDeux.\n  \n \t\nTrois.\n\nQuatre.'), 'Un.\n\nDeux.\n\nTrois.\n\nQuatre.');
  });
  test('keeps no-break and narrow no-break spaces inside lines', () => {
    const text = '« Il y a 1\u00a0000 manifestants, soit 57\u202f% », dit-il.';
    assert.equal(normalizeText(text), text);
  });
  test('keeps inner spacing and single newlines as they are', () => {
    assert.equal(normalizeText('Deux  espaces\nune ligne'), 'Deux  espaces\nune ligne');
  });
  test('is idempotent', () => {
    const once = normalizeText('\uFEFFa\r\n\r\n\r\nb \u0000c e\u0301\n\n');
    assert.equal(normalizeText(once), once);
  });
  test('empty, blank and control-only input give the empty string', () => {
    for (const raw of ['', '   ', '\n\n\n', '\u0000\u0001', '\uFEFF']) assert.equal(normalizeText(raw), '');
  });
  test('1 MB of spaces between words does not blow up', () => {
    const text = `a${' '.repeat(1_000_000)}b`;
    assert.equal(normalizeText(text), text);
    assert.equal(normalizeText(`a${' '.repeat(1_000_000)}\nb`), 'a\nb');
  });
});
