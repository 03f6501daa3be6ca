import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isVeilleError } from '../core/errors.js';
import { documentId } from '../core/ids.js';
import type { IngestedDocument } from '../ingest/types.js';
import { declaredLanguage, isoDate, toDocument } from './document.js';

const ingested = (over: Partial<IngestedDocument>): IngestedDocument => ({
  origin: 'fixtures/a.txt',
  text: 'Le maire a inauguré le nouveau pont mardi matin devant des centaines d’habitants.',
  title: null,
  date: null,
  source: { name: null, url: null },
  language: null,
  ...over,
});

describe('toDocument', () => {
  test('normalizes text and title, and ids the normalized text', () => {
    const doc = toDocument(ingested({ text: '\uFEFFLe pont est ouvert.\r\n\r\n\r\nLa fête suit. ', title: '  Un  pont\n neuf ' }));
    assert.equal(doc.text, 'Le pont est ouvert.\n\nLa fête suit.');
    assert.equal(doc.title, 'Un pont neuf');
    assert.equal(doc.id, documentId(doc.text));
    assert.equal(doc.origin, 'fixtures/a.txt');
  });
  test('the same text under two line-end conventions gets the same id', () => {
    assert.equal(toDocument(ingested({ text: 'Un.\r\nDeux.' })).id, toDocument(ingested({ text: 'Un.\nDeux.' })).id);
  });
  test('a declared language wins; else it is detected', () => {
    assert.equal(toDocument(ingested({ language: 'fr-FR' })).language, 'fr');
    assert.equal(toDocument(ingested({ language: 'DE' })).language, 'de');
    assert.equal(toDocument(ingested({ language: null })).language, 'fr');
    assert.equal(toDocument(ingested({ language: 'xx' })).language, 'fr');
    assert.equal(toDocument(ingested({ language: 'und', text: 'The mayor opened the new bridge on Tuesday morning.' })).language, 'en');
  });
  test('a blank title is null', () => {
    assert.equal(toDocument(ingested({ title: ' \n ' })).title, null);
  });
  test('keeps valid ISO dates, drops invalid ones', () => {
    assert.equal(toDocument(ingested({ date: '2023-10-18' })).date, '2023-10-18');
    assert.equal(toDocument(ingested({ date: '2023-02-30' })).date, null);
  });
  test('empty text after normalization throws EMPTY naming the input', () => {
    for (const text of ['', '  \n\n ', '\uFEFF\u0000']) {
      assert.throws(() => toDocument(ingested({ text })), (e: unknown) =>
        isVeilleError(e) && e.code === 'EMPTY' && e.input === 'fixtures/a.txt' && e.message.includes('fixtures/a.txt'));
    }
  });
});

describe('isoDate', () => {
  test('years, months and days', () => {
    assert.equal(isoDate('2023'), '2023');
    assert.equal(isoDate('2023-10'), '2023-10');
    assert.equal(isoDate('2024-02-29'), '2024-02-29');
    assert.equal(isoDate(' 2023-10-18T23:30:00-04:00 '), '2023-10-18');
  });
  test('invalid dates are null', () => {
    for (const d of ['2023-13', '2023-00-10', '2023-02-29', '2023-04-31', '18/10/2023', '2023-1-5', 'hier', '', null, undefined]) {
      assert.equal(isoDate(d), null, String(d));
    }
  });
});

describe('declaredLanguage', () => {
  test('ISO 639-1 codes, regional forms reduced', () => {
    assert.equal(declaredLanguage('fr'), 'fr');
    assert.equal(declaredLanguage('en_GB'), 'en');
    assert.equal(declaredLanguage(' ES '), 'es');
  });
  test('anything else is null', () => {
    for (const d of ['', 'und', 'fra', 'xx', 'français', '12', null, undefined]) assert.equal(declaredLanguage(d), null, String(d));
  });
});
