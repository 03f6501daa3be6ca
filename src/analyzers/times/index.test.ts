import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ANALYSIS_SCHEMA, type AnalysisRecord, type Doc } from '../../core/record.js';
import { languageData } from '../../lang/load.js';
import { assertValidRecord } from '../../../test/support/invariants.js';
import { timesAnalyzer } from './index.js';

const text = "Le ministre a atterri mercredi à Bujumbura. Il y repartira vendredi soir, vers 21 h, pour une visite de trois jours.";
const doc: Doc = { id: '0123456789abcdef', origin: 'test', source: { name: null, url: null }, title: null, date: '2023-10', language: 'fr', text };

test('the analyzer declares its layers and fills a valid record from hand-built sentences', () => {
  assert.deepEqual(timesAnalyzer.requires, ['sentences']);
  assert.deepEqual(timesAnalyzer.assigns, ['times']);
  const sentences = [{ start: 0, end: 43 }, { start: 44, end: text.length }];
  const { times } = timesAnalyzer.run({ doc, layers: { sentences }, lang: languageData('fr') });
  assert.deepEqual(times.map((t) => [t.id, t.text, t.value, t.anchor]), [
    ['t1', 'mercredi', '2023-10', 'doc'],
    ['t2', 'vendredi soir', '2023-10', 'doc'],
    ['t3', '21 h', '2023-10', 't2'],
    ['t4', 'trois jours', 'P3D', null],
  ]);
  const record: AnalysisRecord = {
    schema: ANALYSIS_SCHEMA,
    pipeline: { version: 'test', analyzers: [] },
    doc,
    sentences,
    entities: [], quotes: [], claims: [], events: [], quantities: [],
    times,
  };
  assertValidRecord(record);
});

test('the analyzer fails loudly when sentences were not assigned', () => {
  assert.throws(() => timesAnalyzer.run({ doc, layers: {}, lang: languageData('fr') }), /layer "sentences" is required/);
});
