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
  layers(doc: Doc, observe?: (analyzer: Analyzer, ms: number) => void): Partial<Layers> {
    const layers: Partial<Layers> = {};
    const input: AnalyzerInput = { doc, layers, lang: languageData(doc.language) };
    for (const analyzer of this.analyzers) {
      const began = observe ? performance.now() : 0;
      const out = analyzer.run(input);
      if (observe) observe(analyzer, performance.now() - began);
      for (const layer of analyzer.assigns) {
        (layers as Record<string, unknown>)[layer] = out[layer];
      }
    }
    for (const refiner of this.refiners) {
      const out = refiner.refine(input);
      for (const layer of refiner.refines) {
        if (out[layer] !== undefined) (layers as Record<string, unknown>)[layer] = out[layer];
      }
    }
    return layers;
  }

  /** The analysis record of a document (`veille.analysis/1`); layers no analyzer fills are []. */
  analyze(doc: Doc, observe?: (analyzer: Analyzer, ms: number) => void): AnalysisRecord {
    const layers = this.layers(doc, observe);
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
