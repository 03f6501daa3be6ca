import type { Analyzer, Refiner } from '../core/analyzer.js';
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
