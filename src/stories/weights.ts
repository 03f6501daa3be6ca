/**
 * Feature weights: term frequency × rarity (IDF) × how much the kind of feature says about
 * the story. Vectors are weighted once, when their document is assigned, and stored so.
 */
import { featureKind, isNeutral, KIND_WEIGHT } from './feature-kinds.js';

/**
 * Documents the corpus is assumed to hold at least. Without this prior, the first reports
 * of a new store look alike to IDF: a name every one of the first ten documents shares
 * would weigh ln 2, as if it said nothing. Negligible once thousands are stored.
 * Calibrated on ECB+ dev, ingested from empty (docs/stories.md).
 */
export const PRIOR_DOCUMENTS = 500;

/** Smoothed inverse document frequency: ln(1 + (N + PRIOR_DOCUMENTS) / df). */
export function idf(df: number, documents: number): number {
  return Math.log(1 + (documents + PRIOR_DOCUMENTS) / Math.max(1, df));
}

/**
 * A weighted vector, heaviest feature first (ties by key), and its norms: over every
 * feature, and over language-neutral ones only. Parallel arrays: cheap to store and to read.
 */
export interface WeightedVector {
  keys: string[];
  weights: number[];
  norm: number;
  neutralNorm: number;
}

export function weigh(vector: Record<string, number>, df: (key: string) => number, documents: number): WeightedVector {
  let sum = 0;
  let neutral = 0;
  const all: [string, number][] = [];
  for (const [key, tf] of Object.entries(vector)) {
    const w = tf * idf(df(key), documents) * KIND_WEIGHT[featureKind(key)];
    if (!(w > 0)) continue;
    all.push([key, w]);
    sum += w * w;
    if (isNeutral(key)) neutral += w * w;
  }
  all.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { keys: all.map((e) => e[0]), weights: all.map((e) => e[1]), norm: Math.sqrt(sum), neutralNorm: Math.sqrt(neutral) };
}
