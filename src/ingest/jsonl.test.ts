import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, raw } from '../../test/fixtures/ingest/fixtures.js';
import { jsonlReader } from './jsonl.js';
import type { ReadOutcome } from './types.js';

const summary = (outcomes: ReadOutcome[]): string[] =>
  outcomes.map((o) => (o.ok ? `ok ${o.doc.origin}` : `${o.error.code} ${o.error.input}: ${o.error.message}`));

describe('jsonlReader', () => {
  const outcomes = jsonlReader.read(fixture('docs.jsonl'));

  test('blank lines skipped; each bad line reported; the good lines still read', () => {
    assert.deepEqual(summary(outcomes), [
      'ok docs.jsonl#L1',
      'ok docs.jsonl#L3',
      'MALFORMED docs.jsonl#L4: malformed JSON at line 4',
      'MALFORMED docs.jsonl#L5: line 5: no "text" field',
      'MALFORMED docs.jsonl#L6: line 6: not a JSON object',
      'EMPTY docs.jsonl#L7: line 7: "text" is empty',
      'ok docs.jsonl#L8',
    ]);
  });

  test('fields: title, date reduced to an ISO date, source as a string plus url, language subtag', () => {
    const first = outcomes[0];
    assert.ok(first?.ok);
    assert.deepEqual(first.doc, {
      origin: 'docs.jsonl#L1',
      text: 'Le conseil municipal de Port-Vallon a adopté mardi le plan du port.\n\nLes travaux dureront deux ans.',
      title: 'Plan du port',
      date: '2024-03-12',
      source: { name: 'Le Courrier du Littoral', url: 'https://courrier.example/plan' },
      language: 'fr',
    });
  });

  test('source as {name, url}; absent fields are null; a partial date stays partial', () => {
    const second = outcomes[1];
    assert.ok(second?.ok);
    assert.deepEqual(second.doc.source, { name: 'Daily Ledger', url: 'https://ledger.example/strike' });
    assert.equal(second.doc.title, null);
    assert.equal(second.doc.language, null);
    assert.equal(second.doc.date, '2024-03');
  });

  test('boilerplate lines are removed from the text field too', () => {
    const last = outcomes[6];
    assert.ok(last?.ok);
    assert.equal(last.doc.text, 'The port reopened on Friday.');
  });

  test('a .json file holding an array, or one pretty-printed object', () => {
    const array = jsonlReader.read(raw('a.json', '[\n  {"text": "One."},\n  {"title": "no text"}\n]'));
    assert.deepEqual(summary(array), ['ok a.json#1', 'MALFORMED a.json#2: item 2: no "text" field']);
    const single = jsonlReader.read(raw('b.json', '{\n  "text": "The port reopened.",\n  "date": "2024-03-15"\n}\n'));
    assert.deepEqual(summary(single), ['ok b.json']);
  });

  test('an input with no usable line reports each line; an empty one is EMPTY', () => {
    assert.deepEqual(summary(jsonlReader.read(raw('bad.jsonl', 'nope\n{"text": 3}'))), [
      'MALFORMED bad.jsonl#L1: malformed JSON at line 1',
      'MALFORMED bad.jsonl#L2: line 2: no "text" field',
    ]);
    assert.deepEqual(summary(jsonlReader.read(raw('e.jsonl', '\n\n'))), ['EMPTY e.jsonl: no text (empty or whitespace only)']);
  });
});
