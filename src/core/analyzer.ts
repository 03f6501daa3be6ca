import type { Doc } from './record.js';
import type { LayerName, Layers } from './layers.js';
import type { LanguageData } from '../lang/types.js';

/** What an analyzer sees: the document, the layers already assigned, the language data. */
export interface AnalyzerInput {
  readonly doc: Readonly<Doc>;
  readonly layers: Readonly<Partial<Layers>>;
  readonly lang: LanguageData;
}

/**
 * One step of the pipeline. An analyzer declares the layers it `requires` and the layers it
 * `assigns`; the pipeline orders analyzers by these and checks them before running.
 * An analyzer never imports another analyzer: it reads what it requires from the input.
 *
 * @example
 * const sentences: Analyzer<'sentences'> = {
 *   name: 'sentences', version: '1', requires: [], assigns: ['sentences'],
 *   run: ({ doc, lang }) => ({ sentences: splitSentences(doc.text, lang) }),
 * };
 */
export type Analyzer<A extends LayerName = LayerName> = LayerName extends A ? AnyAnalyzer : LayerAnalyzer<A>;

/** An analyzer of the layers `A`: it must return each of them. */
export interface LayerAnalyzer<A extends LayerName> extends AnyAnalyzer {
  readonly assigns: readonly A[];
  run(input: AnalyzerInput): Pick<Layers, A>;
}

/**
 * Any analyzer (`Analyzer` with no argument), as the pipeline and the registry hold them.
 * `Pick<Layers, A>` makes `Analyzer<A>` invariant in A, so a list of analyzers of different
 * layers needs this wider type to check.
 */
export interface AnyAnalyzer {
  readonly name: string;
  readonly version: string;
  readonly requires: readonly LayerName[];
  readonly assigns: readonly LayerName[];
  run(input: AnalyzerInput): Partial<Layers>;
}

/**
 * A step that runs after every analyzer and may rewrite layers that analyzers assigned, for
 * links that only exist once two layers do (chrono-node's Refiner). It declares the layers it
 * `requires` and those it `refines`; it returns new values of refined layers, never of others.
 * Refiners run in the order given, each seeing what the previous ones returned.
 *
 * @example
 * // claims are assigned before events exist; this fills each claim's `events`
 * const claimEvents: Refiner = { name: 'claim-events', version: '1', requires: ['claims', 'events'],
 *   refines: ['claims'], refine: ({ layers }) => ({ claims: link(layers.claims, layers.events) }) };
 */
export interface Refiner {
  readonly name: string;
  readonly version: string;
  readonly requires: readonly LayerName[];
  readonly refines: readonly LayerName[];
  refine(input: AnalyzerInput): Partial<Layers>;
}

/** Reads a required layer, failing loudly when the pipeline was mis-ordered. */
export function need<L extends LayerName>(input: AnalyzerInput, layer: L): Layers[L] {
  const value = input.layers[layer];
  if (value === undefined) throw new Error(`layer "${layer}" is required but was not assigned`);
  return value as Layers[L];
}
