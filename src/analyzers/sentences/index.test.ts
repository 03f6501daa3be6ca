import { test } from 'node:test';
import assert from 'node:assert/strict';
import { languageData } from '../../lang/load.js';
import { toDocument } from '../../text/document.js';
import { sentencesAnalyzer } from './index.js';

test('sentencesAnalyzer assigns the sentences of the document text', () => {
  const doc = toDocument({ origin: 'a.txt', text: 'Un. Deux.', title: null, date: null, source: { name: null, url: null }, language: 'fr' });
  assert.deepEqual(sentencesAnalyzer.requires, []);
  assert.deepEqual(sentencesAnalyzer.assigns, ['sentences']);
  const out = sentencesAnalyzer.run({ doc, layers: {}, lang: languageData('fr') });
  assert.deepEqual(out.sentences, [{ start: 0, end: 3 }, { start: 4, end: 9 }]);
});
