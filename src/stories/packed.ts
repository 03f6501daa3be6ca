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

/** Positions below this fit beside an id in one sortable number (id * SLOT + position, exact in a double). */
const SLOT = 2 ** 20;

export function pack(vector: WeightedVector, language: string, days: DayRange | null, keys: KeyInterner): PackedDoc {
  const names = vector.keys;
  const n = names.length;
  // Sorted as numbers in a typed array (no comparator calls): a key appears once in a vector, so ids never tie.
  const order = new Float64Array(n);
  for (let i = 0; i < n; i++) order[i] = keys.id(names[i] as string) * SLOT + i;
  order.sort();
  const ids = new Int32Array(n);
  const weights = new Float64Array(n);
  const neutral = new Uint8Array(n);
  for (let at = 0; at < n; at++) {
    const packed = order[at] as number;
    const i = packed % SLOT;
    ids[at] = (packed - i) / SLOT;
    weights[at] = vector.weights[i] as number;
    neutral[at] = isNeutral(names[i] as string) ? 1 : 0;
  }
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
