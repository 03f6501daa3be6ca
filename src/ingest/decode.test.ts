import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { VeilleError } from '../core/errors.js';
import { fixture, raw } from '../../test/fixtures/ingest/fixtures.js';
import { decodeText, sniffPrefix } from './decode.js';

const utf16 = (text: string, bigEndian: boolean, bom = true): Uint8Array => {
  const bytes: number[] = bom ? (bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]) : [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    bytes.push(...(bigEndian ? [code >> 8, code & 0xff] : [code & 0xff, code >> 8]));
  }
  return Uint8Array.from(bytes);
};

function assertFails(code: string, input: Parameters<typeof decodeText>[0]): void {
  assert.throws(() => decodeText(input), (e: unknown) => {
    assert.ok(e instanceof VeilleError);
    assert.equal(e.code, code);
    assert.equal(e.input, input.origin);
    return true;
  });
}

describe('decodeText', () => {
  test('UTF-8 without BOM', () => {
    assert.equal(decodeText(raw('a.txt', 'Élection à Montréal')), 'Élection à Montréal');
  });

  test('UTF-8 with BOM: the BOM is dropped', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Été')]);
    assert.equal(decodeText(raw('a.txt', bytes)), 'Été');
  });

  test('UTF-16 LE and BE with BOM', () => {
    assert.equal(decodeText(raw('le.txt', utf16('Noël à Brest', false))), 'Noël à Brest');
    assert.equal(decodeText(raw('be.txt', utf16('Noël à Brest', true))), 'Noël à Brest');
    assert.match(decodeText(fixture('utf16le-en.txt')), /^The mayor said the bridge/);
    assert.match(decodeText(fixture('utf16be-fr.txt')), /l’école près de la forêt/);
  });

  test('UTF-16 LE without BOM, mostly ASCII, is recognised rather than called binary', () => {
    assert.equal(decodeText(raw('le.txt', utf16('The port reopened.', false, false))), 'The port reopened.');
  });

  test('Windows-1252 when the bytes are not valid UTF-8 (€, œ and curly quotes included)', () => {
    const text = decodeText(fixture('cp1252-fr.txt'));
    assert.match(text, /^Le député a visité l’école près de la forêt/);
    assert.match(text, /3 000 € selon l’œuvre sociale/);
    assert.match(text, /À Noël/);
  });

  test('binary content is NOT_TEXT, naming the input', () => {
    assertFails('NOT_TEXT', fixture('binary.dat'));
    assertFails('NOT_TEXT', raw('nul.txt', Uint8Array.from([0x61, 0x00, 0x62, 0x63, 0x64])));
  });

  test('many control bytes without NUL are NOT_TEXT too', () => {
    const bytes = Uint8Array.from({ length: 100 }, (_, i) => (i % 4 === 0 ? 0x01 : 0x61));
    assertFails('NOT_TEXT', raw('ctl.txt', bytes));
  });

  test('empty and whitespace-only inputs are EMPTY, naming the input', () => {
    assertFails('EMPTY', fixture('empty.txt'));
    assertFails('EMPTY', fixture('blank.txt'));
    assertFails('EMPTY', raw('bom-only.txt', Uint8Array.from([0xef, 0xbb, 0xbf])));
  });

  test('sniffPrefix decodes the start leniently and never throws', () => {
    assert.equal(sniffPrefix(utf16('<rss version="2.0">', false)), '<rss version="2.0">');
    assert.equal(sniffPrefix(Uint8Array.from([0x00, 0xff, 0x3c])).length, 3);
  });
});
