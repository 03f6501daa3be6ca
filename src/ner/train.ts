import { MAX_FEATURES, tokenFeatures, tokenHashes, type TokenHashes } from './features.js';
import { greedyTags, type FeatureSource } from './model.js';
import { NerModel } from './ner-model.js';
import { TAG_COUNT } from './tags.js';
import type { NerExample } from './types.js';
import { MapWeights, PackedWeights } from './weights.js';
import { seededRandom } from '../core/random.js';

export interface TrainOptions {
  epochs: number;
  /** Seed of the order the sentences are seen in, epoch after epoch. */
  seed: number;
  /** Features seen fewer times than this in the training tokens are left out of the model. */
  minCount: number;
  /** Called after each epoch with the share of scored tokens tagged right during it. */
  onEpoch?: (epoch: number, accuracy: number) => void;
}

export const DEFAULT_TRAINING: TrainOptions = { epochs: 10, seed: 20240601, minCount: 2 };


interface Sequence {
  hashes: TokenHashes;
  gold: Uint8Array;
  /** Token i's features are table[start[i] .. start[i+1]). */
  start: Int32Array;
  table: Int32Array;
}

/** Examples cut at sentence ends (the unit the training order shuffles), features computed once. */
function sentencesOf(examples: readonly NerExample[]): Sequence[] {
  const out: Sequence[] = [];
  const scratch = new Int32Array(MAX_FEATURES);
  for (const ex of examples) {
    let from = 0;
    for (let i = 1; i <= ex.tokens.length; i++) {
      if (i < ex.tokens.length && ex.tokens[i]!.sentence === ex.tokens[from]!.sentence) continue;
      const hashes = tokenHashes(ex.tokens.slice(from, i), ex.hints.slice(from, i));
      const start = new Int32Array(i - from + 1);
      const all: number[] = [];
      for (let k = 0; k < i - from; k++) {
        start[k] = all.length;
        const n = tokenFeatures(hashes, k, scratch);
        for (let f = 0; f < n; f++) all.push(scratch[f]!);
      }
      start[i - from] = all.length;
      out.push({ hashes, gold: ex.tags.slice(from, i), start, table: Int32Array.from(all) });
      from = i;
    }
  }
  return out;
}

const tableSource = (s: Sequence): FeatureSource => (i, into) => {
  const from = s.start[i]!;
  const n = s.start[i + 1]! - from;
  into.set(s.table.subarray(from, from + n));
  return n;
};

/**
 * An averaged perceptron over the greedy tagger of src/ner/model.ts: each sentence is tagged
 * with the current weights (the history is the tagger's own choices, as at run time); a wrong
 * tag moves the features' weights toward the gold tag and away from the chosen one. The model
 * keeps the average of the weights over all steps, rounded as the model file stores them.
 * Deterministic: same examples, same options, same weights.
 */
export function trainNer(examples: readonly NerExample[], options: TrainOptions = DEFAULT_TRAINING): NerModel {
  const seqs = sentencesOf(examples);
  const counts = new Map<number, number>();
  for (const s of seqs) for (const h of s.table) counts.set(h, (counts.get(h) ?? 0) + 1);
  const w = new MapWeights();
  const u = new Map<number, Float64Array>();
  let step = 1;
  const bump = (h: number, tag: number, d: number): void => {
    let wv = w.map.get(h);
    let uv = u.get(h);
    if (!wv || !uv) {
      wv = new Float64Array(TAG_COUNT);
      uv = new Float64Array(TAG_COUNT);
      w.map.set(h, wv);
      u.set(h, uv);
    }
    wv[tag]! += d;
    uv[tag]! += d * step;
  };
  const order = seqs.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const rnd = seededRandom(options.seed + epoch);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let right = 0;
    let seen = 0;
    for (const k of order) {
      const s = seqs[k]!;
      greedyTags(w, s.hashes, tableSource(s), (i, { tag, features, count, dynamic }) => {
        const gold = s.gold[i]!;
        seen++;
        if (tag === gold) right++;
        else {
          for (let f = 0; f < count; f++) {
            const h = features[f]!;
            if ((counts.get(h) ?? 0) < options.minCount) continue;
            bump(h, gold, 1);
            bump(h, tag, -1);
          }
          for (const h of dynamic) {
            bump(h, gold, 1);
            bump(h, tag, -1);
          }
        }
        step++;
        return tag;
      });
    }
    options.onEpoch?.(epoch + 1, seen > 0 ? right / seen : 1);
  }
  const averaged: [number, Float32Array][] = [];
  for (const [h, wv] of w.map) {
    const uv = u.get(h)!;
    const avg = new Float32Array(TAG_COUNT);
    let any = false;
    for (let t = 0; t < TAG_COUNT; t++) {
      // rounded as the file stores them: the trained model is the saved one
      const q = Math.round((wv[t]! - uv[t]! / step) * 1000) / 1000;
      avg[t] = q;
      if (q !== 0) any = true;
    }
    if (any) averaged.push([h, avg]);
  }
  return new NerModel(new PackedWeights(averaged), { epochs: options.epochs, seed: options.seed, minCount: options.minCount, sentences: seqs.length });
}
