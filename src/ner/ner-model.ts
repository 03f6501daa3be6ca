import { decode } from './model.js';
import { tableScorer, tagPairRows } from './table-scorer.js';
import { spansOfTags, type TaggedSpan } from './tags.js';
import type { NerHints, NerToken } from './types.js';
import type { PackedWeights } from './weights.js';
import { WordTable } from './word-table.js';

/** A trained tagger: feature weights by hash, and how it was made. */
export class NerModel {
  private table: WordTable | null = null;
  private tagPairs: Float64Array | null = null;

  constructor(
    readonly weights: PackedWeights,
    /** Free text saved with the model: data, epochs, seed. */
    readonly about: Readonly<Record<string, string | number>>,
  ) {}

  /** The BIO tag index of each token (src/ner/tags.ts); `hints[i]` are token i's (`hintHash`). */
  tag(tokens: readonly NerToken[], hints: NerHints): Uint8Array {
    // per-word scores are worked out once and kept for the next documents
    this.table ??= new WordTable(this.weights);
    this.tagPairs ??= tagPairRows(this.weights);
    return decode(tokens, tableScorer(this.table, this.tagPairs, tokens, hints));
  }

  /** The mentions found in `tokens`. */
  mentions(tokens: readonly NerToken[], hints: NerHints): TaggedSpan[] {
    return spansOfTags(this.tag(tokens, hints));
  }

  get featureCount(): number {
    return this.weights.size;
  }
}
