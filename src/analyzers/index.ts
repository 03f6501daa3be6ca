import type { Analyzer, Refiner } from '../core/analyzer.js';
import type { AnalysisRecord, Doc } from '../core/record.js';
import type { IngestedDocument } from '../ingest/types.js';
import { toDocument } from '../text/document.js';
import { Pipeline } from '../core/pipeline.js';
import { claimsAnalyzer } from './claims/index.js';
import { entitiesAnalyzer } from './entities/index.js';
import { claimEventsRefiner, eventsAnalyzer } from './events/index.js';
import { quantitiesAnalyzer } from './quantities/index.js';
import { quotesAnalyzer } from './quotes/index.js';
import { sentencesAnalyzer } from './sentences/index.js';
import { timesAnalyzer } from './times/index.js';
import { tokensAnalyzer } from './tokens/index.js';

/**
 * The one registry of analyzers. The pipeline orders them by what they require and assign,
 * so the order here does not matter; adding an analyzer is one line.
 */
export const ANALYZERS: readonly Analyzer[] = [
  sentencesAnalyzer,
  tokensAnalyzer,
  entitiesAnalyzer,
  timesAnalyzer,
  quantitiesAnalyzer,
  quotesAnalyzer,
  claimsAnalyzer,
  eventsAnalyzer,
];

/** Refiners run after every analyzer: claims learn the events they assert. */
export const REFINERS: readonly Refiner[] = [claimEventsRefiner];

let defaultPipeline: Pipeline | null = null;

/** The pipeline of every registered analyzer, built once. */
export function createPipeline(): Pipeline {
  defaultPipeline ??= new Pipeline(ANALYZERS, REFINERS);
  return defaultPipeline;
}

/** One document's outcome in `analyzeIngested`: its record, or the error, with the input it came from. */
export type IngestedOutcome = { ok: true; record: AnalysisRecord } | { ok: false; error: unknown; input: string };

/**
 * Documents as the ingest layer read them, normalized (`toDocument`) and analysed as one batch
 * (`Pipeline.analyzeBatch`): one outcome each, in their order. A document that cannot be
 * normalized or analysed gets its error; the others do not.
 */
export function analyzeIngested(ingested: readonly IngestedDocument[], pipeline: Pipeline = createPipeline()): IngestedOutcome[] {
  const outcomes: IngestedOutcome[] = new Array<IngestedOutcome>(ingested.length);
  const docs: Doc[] = [];
  const positions: number[] = [];
  ingested.forEach((doc, i) => {
    try {
      docs.push(toDocument(doc));
      positions.push(i);
    } catch (error) {
      outcomes[i] = { ok: false, error, input: doc.origin };
    }
  });
  pipeline.analyzeBatch(docs).forEach((outcome, k) => {
    outcomes[positions[k]!] = outcome.ok ? outcome : { ok: false, error: outcome.error, input: outcome.doc.origin };
  });
  return outcomes;
}
