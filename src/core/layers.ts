import type { Claim, Entity, EventRecord, Quantity, Quote, Sentence, TimeExpression, UncodedSentence } from './record.js';

/** A token of the text layer: offsets into `doc.text`, and what kind of token it is. */
export interface Token {
  start: number;
  end: number;
  text: string;
  /** word, number, punct, symbol, space-less elision ("l'"), clitic ("-t-il"). */
  kind: 'word' | 'number' | 'punct' | 'symbol' | 'elision' | 'clitic';
}

/**
 * Everything analyzers produce, by layer name. `tokens` is internal (not in the record);
 * the others are the record's arrays of the same name.
 */
export interface Layers {
  sentences: Sentence[];
  tokens: Token[];
  entities: Entity[];
  quotes: Quote[];
  claims: Claim[];
  events: EventRecord[];
  times: TimeExpression[];
  quantities: Quantity[];
  uncoded: UncodedSentence[];
}

export type LayerName = keyof Layers;

/** Layers that appear in the analysis record, in record order. */
export const RECORD_LAYERS = ['sentences', 'entities', 'quotes', 'claims', 'events', 'times', 'quantities', 'uncoded'] as const satisfies readonly LayerName[];
