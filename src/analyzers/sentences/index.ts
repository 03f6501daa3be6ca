import type { Analyzer } from '../../core/analyzer.js';
import { splitSentences } from '../../text/sentences.js';

/** Splits the document into sentences (the record's `sentences`); every later analyzer reads them. */
export const sentencesAnalyzer: Analyzer<'sentences'> = {
  name: 'sentences',
  version: '1',
  requires: [],
  assigns: ['sentences'],
  run: ({ doc, lang }) => ({ sentences: splitSentences(doc.text, lang) }),
};
