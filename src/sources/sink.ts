import type { Pipeline } from '../core/pipeline.js';
import type { Store } from '../store/store.js';
import type { DocumentSink } from './poll-item.js';

/** The inline sink: each new document analyzed by the pipeline and its record stored. */
export function analyzeAndStore(store: Store, pipeline: Pipeline): DocumentSink {
  return (doc) => store.putAnalysis(pipeline.analyze(doc));
}
