import { TAG_COUNT } from './tags.js';

// a local copy: module imports may be getters (tsx), and addTo is the innermost loop
const N = TAG_COUNT;

/** What the tagger reads: adds a feature's weight for every tag into `scores`. */
export interface WeightSource {
  addTo(feature: number, scores: Float64Array): void;
}

/**
 * Weights packed for tagging: open addressing over feature hashes (30-bit, so never 0 after
 * +1), each slot holding the hash and the index of its row of `TAG_COUNT` weights; the rows
 * sit densely in one Float32Array (small enough to stay in cache). About ten times faster
 * than a Map of arrays, and three allocations.
 */
export class PackedWeights implements WeightSource {
  /** [hash + 1, row] per slot. */
  private readonly slots: Int32Array;
  private readonly values: Float32Array;
  private readonly mask: number;
  readonly size: number;

  constructor(entries: Iterable<[number, ArrayLike<number>]>) {
    const list = [...entries];
    let cap = 16;
    while (cap < list.length * 2) cap *= 2;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap * 2);
    this.values = new Float32Array(list.length * TAG_COUNT);
    let rows = 0;
    for (const [h, w] of list) {
      let slot = h & this.mask;
      while (this.slots[slot * 2] !== 0 && this.slots[slot * 2] !== h + 1) slot = (slot + 1) & this.mask;
      // a hash listed twice keeps its last weights
      if (this.slots[slot * 2] === 0) {
        this.slots[slot * 2] = h + 1;
        this.slots[slot * 2 + 1] = rows++;
      }
      const base = this.slots[slot * 2 + 1]! * TAG_COUNT;
      for (let t = 0; t < TAG_COUNT; t++) this.values[base + t] = w[t] ?? 0;
    }
    this.size = list.length;
  }

  addTo(feature: number, scores: Float64Array): void {
    const row = this.rowOf(feature);
    if (row >= 0) this.addRow(row, scores);
  }

  /** Where a feature's weights are (for `addRow`), or -1 when the model does not know it. */
  rowOf(feature: number): number {
    const k = feature + 1;
    const slots = this.slots;
    let slot = feature & this.mask;
    for (;;) {
      const at = slots[slot * 2]!;
      if (at === 0) return -1;
      if (at === k) return slots[slot * 2 + 1]!;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Adds the weights of `row` (from `rowOf`; -1: nothing) for every tag into `scores`. */
  addRow(row: number, scores: Float64Array): void {
    if (row < 0) return;
    const base = row * N;
    const v = this.values;
    for (let t = 0; t < N; t++) scores[t]! += v[base + t]!;
  }

  /** Adds a feature's weights for every tag into `scores[offset…offset + TAG_COUNT)`. */
  addAt(feature: number, scores: Float64Array, offset: number): void {
    const row = this.rowOf(feature);
    if (row < 0) return;
    const base = row * N;
    const v = this.values;
    for (let t = 0; t < N; t++) scores[offset + t]! += v[base + t]!;
  }

  /** Every feature and its weights, in no particular order. */
  *entries(): IterableIterator<[number, Float32Array]> {
    for (let slot = 0; slot <= this.mask; slot++) {
      const k = this.slots[slot * 2]!;
      const row = this.slots[slot * 2 + 1]!;
      if (k !== 0) yield [k - 1, this.values.slice(row * TAG_COUNT, (row + 1) * TAG_COUNT)];
    }
  }
}

/** Weights during training: a growing map of arrays. */
export class MapWeights implements WeightSource {
  readonly map = new Map<number, Float64Array>();

  addTo(feature: number, scores: Float64Array): void {
    const w = this.map.get(feature);
    if (w) for (let t = 0; t < N; t++) scores[t]! += w[t]!;
  }
}
