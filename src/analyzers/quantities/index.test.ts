import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ANALYSIS_SCHEMA, type AnalysisRecord, type Doc } from '../../core/record.js';
import { languageData } from '../../lang/load.js';
import { assertValidRecord } from '../../../test/support/invariants.js';
import { quantitiesAnalyzer } from './index.js';

const text = 'Le Chili a expédié plus de 2 400 caisses de vaccins. L\'éboulement a tué au moins 45 mineurs.';
const doc: Doc = { id: '0123456789abcdef', origin: 'test', source: { name: null, url: null }, title: null, date: '2023-10', language: 'fr', text };

test('the analyzer declares its layers and fills a valid record from hand-built sentences', () => {
  assert.deepEqual(quantitiesAnalyzer.requires, ['sentences']);
  assert.deepEqual(quantitiesAnalyzer.assigns, ['quantities']);
  const second = text.indexOf('L\'éboulement');
  const sentences = [{ start: 0, end: second - 1 }, { start: second, end: text.length }];
  const at = (phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length, text: phrase });
  const { quantities } = quantitiesAnalyzer.run({ doc, layers: { sentences }, lang: languageData('fr') });
  assert.deepEqual(quantities, [
    { id: 'n1', ...at('plus de 2 400 caisses'), value: 2400, approx: 'more_than', unit: 'caisse', of: 'vaccins', rule: 'fr/count/digits' },
    { id: 'n2', ...at('au moins 45 mineurs'), value: 45, approx: 'more_than', unit: 'mineur', of: null, rule: 'fr/count/digits' },
  ]);
  const record: AnalysisRecord = {
    schema: ANALYSIS_SCHEMA,
    pipeline: { version: 'test', analyzers: [] },
    doc,
    sentences,
    entities: [], quotes: [], claims: [], events: [], times: [],
    quantities,
  };
  assertValidRecord(record);
});
