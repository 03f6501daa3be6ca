import type { AnalysisRecord, Doc } from '../../core/record.js';
import { documentId } from '../../core/ids.js';
import { Pipeline } from '../../core/pipeline.js';
import { sentencesAnalyzer } from '../sentences/index.js';
import { tokensAnalyzer } from '../tokens/index.js';
import { entitiesAnalyzer } from './index.js';

/** A document as the pipeline receives it, for tests. */
export function testDoc(text: string, language = 'fr', date: string | null = null): Doc {
  return { id: documentId(text), origin: 'test', source: { name: null, url: null }, title: null, date, language, text };
}

let pipeline: Pipeline | null = null;

/** The record of a text through sentences, tokens and entities. */
export function analyzeText(text: string, language = 'fr', date: string | null = null): AnalysisRecord {
  pipeline ??= new Pipeline([sentencesAnalyzer, tokensAnalyzer, entitiesAnalyzer]);
  return pipeline.analyze(testDoc(text, language, date));
}
