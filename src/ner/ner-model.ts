import { tokenHashes } from './features.js';
import { greedyTags } from './model.js';
import { spansOfTags, type TaggedSpan } from './tags.js';
import type { NerToken } from './types.js';
import type { PackedWeights } from './weights.js';

/** A trained tagger: feature weights by hash, and how it was made. */
export class NerModel {
  constructor(
    readonly weights: PackedWeights,
    /** Free text saved with the model: data, epochs, seed. */
    readonly about: Readonly<Record<string, string | number>>,
  ) {}

  /** The BIO tag index of each token (src/ner/tags.ts). */
  tag(tokens: readonly NerToken[]): Uint8Array {
    return greedyTags(this.weights, tokenHashes(tokens));
  }

  /** The mentions found in `tokens`. */
  mentions(tokens: readonly NerToken[]): TaggedSpan[] {
    return spansOfTags(this.tag(tokens));
  }

  get featureCount(): number {
    return this.weights.size;
  }
}
