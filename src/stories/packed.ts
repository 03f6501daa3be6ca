import type { DayRange } from './dates.js';
import { isNeutral } from './feature-kinds.js';
import type { WeightedVector } from './weights.js';

/**
 * A weighted vector packed for fast dot products: feature ids ascending (ids interned per
 * batch of comparisons), weights beside them, and which features are language-neutral.
 */
export interface PackedDoc {
  language: string;
  days: DayRange | null;
  ids: Int32Array;
  weights: Float64Array;
  neutral: Uint8Array;
  norm: number;
  neutralNorm: number;
  /** The year an undated text is about (its `y:` feature), or null. */
  year: number | null;
}

/** Interns feature keys to small integers, so that vectors compare by merging sorted arrays. */
export class KeyInterner {
  private readonly ids = new Map<string, number>();
  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) this.ids.set(key, (id = this.ids.size));
    return id;
  }
}

export function pack(vector: WeightedVector, language: string, days: DayRange | null, keys: KeyInterner): PackedDoc {
  const names = vector.keys;
  const interned = names.map((k) => keys.id(k));
  const order = Array.from(names, (_, i) => i).sort((a, b) => (interned[a] as number) - (interned[b] as number));
  const ids = new Int32Array(order.length);
  const weights = new Float64Array(order.length);
  const neutral = new Uint8Array(order.length);
  order.forEach((i, at) => {
    ids[at] = interned[i] as number;
    weights[at] = vector.weights[i] as number;
    neutral[at] = isNeutral(names[i] as string) ? 1 : 0;
  });
  const year = names.find((k) => k.startsWith('y:'));
  return { language, days, ids, weights, neutral, norm: vector.norm, neutralNorm: vector.neutralNorm, year: year ? Number(year.slice(2)) : null };
}

/** Σ over shared features of the product of weights (neutral features only when asked). */
export function packedDot(a: PackedDoc, b: PackedDoc, neutralOnly: boolean): number {
  let i = 0, j = 0, dot = 0;
  const ai = a.ids, bi = b.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i] as number, y = bi[j] as number;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      if (!neutralOnly || a.neutral[i] === 1) dot += (a.weights[i] as number) * (b.weights[j] as number);
      i++; j++;
    }
  }
  return dot;
}
