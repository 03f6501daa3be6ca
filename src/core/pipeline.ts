import type { Analyzer, AnalyzerInput, Refiner } from './analyzer.js';
import type { LayerName, Layers } from './layers.js';
import { RECORD_LAYERS } from './layers.js';
import { ANALYSIS_SCHEMA, type AnalysisRecord, type Doc, type PipelineInfo } from './record.js';
import { VERSION } from './version.js';
import { languageData } from '../lang/load.js';

/**
 * Orders analyzers so that each runs after those that assign what it requires
 * (stable: ties keep the given order), and fails when a requirement is never assigned.
 */
export function orderAnalyzers(analyzers: readonly Analyzer[]): Analyzer[] {
  const assignedBy = new Map<LayerName, Analyzer>();
  for (const a of analyzers) {
    for (const layer of a.assigns) {
      const other = assignedBy.get(layer);
      if (other) throw new Error(`layer "${layer}" is assigned by both "${other.name}" and "${a.name}"`);
      assignedBy.set(layer, a);
    }
  }
  const ordered: Analyzer[] = [];
  const state = new Map<Analyzer, 'visiting' | 'done'>();
  const visit = (a: Analyzer, path: string[]): void => {
    const s = state.get(a);
    if (s === 'done') return;
    if (s === 'visiting') throw new Error(`analyzers require each other in a cycle: ${[...path, a.name].join(' → ')}`);
    state.set(a, 'visiting');
    for (const layer of a.requires) {
      const provider = assignedBy.get(layer);
      if (!provider) throw new Error(`analyzer "${a.name}" requires layer "${layer}", which no analyzer assigns`);
      visit(provider, [...path, a.name]);
    }
    state.set(a, 'done');
    ordered.push(a);
  };
  for (const a of analyzers) visit(a, []);
  return ordered;
}

/** Fails when a refiner requires or refines a layer that no analyzer assigns. */
function checkRefiners(refiners: readonly Refiner[], analyzers: readonly Analyzer[]): void {
  const assigned = new Set(analyzers.flatMap((a) => a.assigns));
  for (const r of refiners) {
    for (const layer of [...r.requires, ...r.refines]) {
      if (!assigned.has(layer)) throw new Error(`refiner "${r.name}" needs layer "${layer}", which no analyzer assigns`);
    }
  }
}

/**
 * How many documents ingest analyses together (`Pipeline.analyzeBatch`). The stages' rates in
 * `npm run bench` rise with the batch up to about this size; the records wait in memory only
 * until their batch is stored.
 */
export const BATCH_SIZE = 64;

/** A batch also ends once its texts hold this many characters: long documents go a few at a time. */
export const BATCH_CHARS = 1 << 20;

/** Told how long an analyzer took (over a whole batch in `analyzeBatch`). */
export type StageObserver = (analyzer: Analyzer, ms: number) => void;

/** One document's outcome in `analyzeBatch`: its record, or the error an analyzer threw. */
export type BatchOutcome = { ok: true; record: AnalysisRecord } | { ok: false; doc: Doc; error: unknown };

/**
 * Composes analyzers into one function from a document to its analysis record. Refiners,
 * if any, run after every analyzer, in the order given (see `Refiner`).
 */
export class Pipeline {
  readonly analyzers: readonly Analyzer[];
  readonly refiners: readonly Refiner[];
  readonly info: PipelineInfo;

  constructor(analyzers: readonly Analyzer[], refiners: readonly Refiner[] = []) {
    this.analyzers = orderAnalyzers(analyzers);
    checkRefiners(refiners, this.analyzers);
    this.refiners = refiners;
    this.info = {
      version: VERSION,
      analyzers: [...this.analyzers, ...refiners].map((a) => ({ name: a.name, version: a.version })),
    };
  }

  /**
   * All layers, internal ones included (tokens), for callers that need more than the record.
   * `observe` is told how long each analyzer took (the benchmark's per-stage figures).
   */
  layers(doc: Doc, observe?: StageObserver): Partial<Layers> {
    const [result] = this.layersOfBatch([doc], observe);
    if ('error' in result!) throw result.error;
    return result!.layers;
  }

  /**
   * The layers of several documents: each analyzer runs over the whole batch before the next
   * one starts, so that its code, rules and tables stay in the processor's caches from one
   * document to the next (run one document at a time, every stage finds them evicted by the
   * others). A document whose analyzer throws keeps the error and skips the later stages;
   * the others go on. `observe` is told each analyzer's time over the batch.
   */
  private layersOfBatch(docs: readonly Doc[], observe?: StageObserver): ({ layers: Partial<Layers> } | { error: unknown })[] {
    const errors: unknown[] = docs.map(() => undefined);
    const inputs = docs.map((doc, i): AnalyzerInput | null => {
      try {
        return { doc, layers: {}, lang: languageData(doc.language) };
      } catch (error) {
        errors[i] = error;
        return null;
      }
    });
    const fail = (i: number, error: unknown): void => {
      errors[i] = error;
      inputs[i] = null;
    };
    for (const analyzer of this.analyzers) {
      const began = observe ? performance.now() : 0;
      inputs.forEach((input, i) => {
        if (!input) return;
        try {
          const out = analyzer.run(input);
          for (const layer of analyzer.assigns) (input.layers as Record<string, unknown>)[layer] = out[layer];
        } catch (error) {
          fail(i, error);
        }
      });
      if (observe) observe(analyzer, performance.now() - began);
    }
    for (const refiner of this.refiners) {
      inputs.forEach((input, i) => {
        if (!input) return;
        try {
          const out = refiner.refine(input);
          for (const layer of refiner.refines) if (out[layer] !== undefined) (input.layers as Record<string, unknown>)[layer] = out[layer];
        } catch (error) {
          fail(i, error);
        }
      });
    }
    return inputs.map((input, i) => (input ? { layers: input.layers } : { error: errors[i] }));
  }

  /**
   * The records of several documents, in their order, analysed as a batch (see
   * `layersOfBatch`): the way to analyse many documents, up to twice as fast per stage as one
   * `analyze` call each. A document that fails gets its error instead; the others do not.
   */
  analyzeBatch(docs: readonly Doc[], observe?: StageObserver): BatchOutcome[] {
    return this.layersOfBatch(docs, observe).map((result, i) =>
      'error' in result ? { ok: false, doc: docs[i]!, error: result.error } : { ok: true, record: this.recordOf(docs[i]!, result.layers) },
    );
  }

  /** The analysis record of a document (`veille.analysis/1`); layers no analyzer fills are []. */
  analyze(doc: Doc, observe?: StageObserver): AnalysisRecord {
    return this.recordOf(doc, this.layers(doc, observe));
  }

  private recordOf(doc: Doc, layers: Partial<Layers>): AnalysisRecord {
    return {
      schema: ANALYSIS_SCHEMA,
      pipeline: this.info,
      doc: { ...doc },
      sentences: layers.sentences ?? [],
      entities: layers.entities ?? [],
      quotes: layers.quotes ?? [],
      claims: layers.claims ?? [],
      events: layers.events ?? [],
      times: layers.times ?? [],
      quantities: layers.quantities ?? [],
      uncoded: layers.uncoded ?? [],
    } satisfies Record<(typeof RECORD_LAYERS)[number], unknown> & AnalysisRecord;
  }
}
