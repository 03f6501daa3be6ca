import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitsNarrow } from '../../text/narrow-regex.js';
import { fitsNarrowText } from './narrow.js';

test('fitsNarrowText answers as fitsNarrow, for every BMP character and a few texts', () => {
  for (let c = 0; c < 0x10000; c++) {
    const text = `Le ${String.fromCharCode(c)} déjà`;
    assert.equal(fitsNarrowText(text), fitsNarrow(text), `U+${c.toString(16)}`);
  }
  for (const text of ['', 'μ', 'a\ud835\udc00', 'l’œuvre «x»', 'İstanbul', 'Ⱥ', '3ᵉʳ']) assert.equal(fitsNarrowText(text), fitsNarrow(text), text);
});
