import { MAX_FEATURES, TAG_FEATURES, tagFeatures, tokenFeatures, type TokenHashes } from './features.js';
import { allowedAfter, TAG_COUNT } from './tags.js';

// local copies: module imports may be getters (tsx), and this is the innermost loop
const TAGS_N = TAG_COUNT;
const allowed = allowedAfter;
const N_DYNAMIC = TAG_FEATURES;
/** `allowedAfter(prev, tag)` as a table: [(prev + 1) * TAG_COUNT + tag], prev from -1. */
const ALLOWED = new Uint8Array((TAGS_N + 1) * TAGS_N);
for (let prev = -1; prev < TAGS_N; prev++) for (let t = 0; t < TAGS_N; t++) ALLOWED[(prev + 1) * TAGS_N + t] = allowed(prev, t) ? 1 : 0;
import type { NerToken } from './types.js';
import type { WeightSource } from './weights.js';

/**
 * Whether token i is worth scoring: inside a mention, or a word with a capitalized word or a
 * number within the next `LOOKAHEAD` tokens of its sentence (itself included). Elsewhere the tag is `O` without
 * scoring — nearly every mention holds a capital, and news text is mostly lower case.
 */
const LOOKAHEAD = 4;

export function activeTokens(tokens: readonly Pick<NerToken, 'cap' | 'upper' | 'text' | 'sentence' | 'word'>[]): Uint8Array {
  const active = new Uint8Array(tokens.length);
  let lastSignal = -Infinity;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i] as NerToken;
    const next = tokens[i + 1];
    if (next && next.sentence !== t.sentence) lastSignal = -Infinity;
    const c = t.text.charCodeAt(0);
    if (t.cap || t.upper || (c >= 48 && c <= 57)) lastSignal = i;
    // punctuation never opens a mention (inside one, the tag before keeps it scored)
    if (lastSignal - i < LOOKAHEAD) active[i] = 1;
  }
  return active;
}

/** Token i's tag-independent features: computed, or read from a table made once (training). */
export type FeatureSource = (i: number, into: Int32Array) => number;

/** One scored token: the tag chosen and the features it was chosen from (for the perceptron). */
export interface Step {
  tag: number;
  features: Int32Array;
  count: number;
  dynamic: Int32Array;
}

/**
 * Adds the weights of token i's features, for every tag, into `scores` (zeroed by the caller):
 * those of the token and its neighbours, then those of the two tags chosen before it (-1: none).
 */
export interface Scorer {
  addStatic(i: number, scores: Float64Array): void;
  addTags(i: number, prev: number, prev2: number, scores: Float64Array): void;
}

export function computedFeatures(th: TokenHashes): FeatureSource {
  return (i, into) => tokenFeatures(th, i, into);
}

/**
 * Tags left to right, each tag the best scored one given the two tags before it; an I- tag
 * only continues its own type. `onScored` sees every scored token and returns the tag to go
 * on with (training).
 */
export function decode(tokens: readonly NerToken[], scorer: Scorer, onScored?: (i: number, tag: number) => number): Uint8Array {
  const tags = new Uint8Array(tokens.length);
  const active = activeTokens(tokens);
  const scores = new Float64Array(TAGS_N);
  let prev = -1;
  let prev2 = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && tokens[i - 1]!.sentence !== tokens[i]!.sentence) prev = prev2 = -1;
    let tag = 0;
    if (active[i] || prev > 0) {
      scores.fill(0);
      scorer.addStatic(i, scores);
      scorer.addTags(i, prev, prev2, scores);
      let best = -Infinity;
      const may = (prev + 1) * TAGS_N;
      for (let t = 0; t < TAGS_N; t++) {
        if (ALLOWED[may + t] === 1 && scores[t]! > best) {
          best = scores[t]!;
          tag = t;
        }
      }
      if (onScored) tag = onScored(i, tag);
    }
    tags[i] = tag;
    prev2 = prev;
    prev = tag;
  }
  return tags;
}

/**
 * `decode` over features computed one by one (or read from a table) and weights looked up one
 * by one: the tagger as training runs it. `onStep` sees every scored token with its features
 * and returns the tag to go on with.
 */
export function greedyTags(w: WeightSource, th: TokenHashes, features: FeatureSource = computedFeatures(th), onStep?: (i: number, step: Step) => number): Uint8Array {
  const stat = new Int32Array(MAX_FEATURES);
  const dynamic = new Int32Array(TAG_FEATURES);
  let count = 0;
  const scorer: Scorer = {
    addStatic(i, scores) {
      count = features(i, stat);
      for (let k = 0; k < count; k++) w.addTo(stat[k]!, scores);
    },
    addTags(i, prev, prev2, scores) {
      tagFeatures(th, i, prev, prev2, dynamic);
      for (let k = 0; k < N_DYNAMIC; k++) w.addTo(dynamic[k]!, scores);
    },
  };
  return decode(th.tokens, scorer, onStep && ((i, tag) => onStep(i, { tag, features: stat, count, dynamic })));
}
