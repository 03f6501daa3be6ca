import { NONE, shapeOf, TEMPLATE as T } from './features.js';
import { hashRange, hashString, mix } from './hash.js';
import { TAG_COUNT } from './tags.js';
import type { NerToken } from './types.js';
import type { PackedWeights } from './weights.js';

/** Rows (in `PackedWeights`) of a word's features that stand alone: two words away, in a sentence in capitals. */
export const ROW = { Prev2: 0, Next2: 1, Caps: 2 } as const;
export const ROWS = 3;
/** Rows of the tag-dependent features with the shape, then the word: 10 previous tags (-1…8) each. */
const TAG_ROWS = 20;
const UNKNOWN = -2;
/** Distinct shapes the pair tables hold ("x", "Xx", "X", "d", ","…; rarer ones are looked up each time). */
const SHAPES = 16;
const N = TAG_COUNT;
/** Initial slots of the hint rows (doubled when half full). */
const HINT_SLOTS = 256;

/** Distinct words kept before the table starts over (some 35 MB; 2 MB of news hold some 27,000). */
const DEFAULT_LIMIT = 1 << 16;

/**
 * What a word contributes to scores wherever it stands, worked out once per distinct word and
 * kept across documents, for one set of weights: the summed weights of its own features
 * (bias, word, key, shape, affixes, position in the sentence) for each of the three
 * positions, those it makes as the word just before or just after a token, and where the
 * weights of the others are (two words away, after each tag). Scoring a token then adds a few
 * sums and rows instead of hashing and looking up some thirty features. Weights are
 * thousandths held as float32 and sums are float64, so sums are exact in any order: cached
 * sums score exactly as feature-by-feature ones.
 * Id 0 stands for "beyond the sentence" (`NONE`).
 */
export class WordTable {
  private readonly ids = new Map<string, number>();
  private lowers: string[] = [];
  private keys: string[] = [];
  /** Number of own features of each word, position included (for the cap on features per token). */
  ownCount = new Uint8Array(0);
  word = new Int32Array(0);
  shape = new Int32Array(0);
  /** [(id * 3 + position) * N + tag]: bias, own features and position (0: first word, 1: second, 2: further). */
  at = new Float64Array(0);
  /** [id * N + tag]: previous word and previous shape, for the token after this word. */
  left = new Float64Array(0);
  /** [id * N + tag]: next word and next shape, for the token before this word. */
  right = new Float64Array(0);
  rows = new Int32Array(0);
  /** A small number for each distinct shape, in order of first sight (`SHAPES` fit the pair tables). */
  shapeOrd = new Int32Array(0);
  private tagRows = new Int32Array(0);
  /** [ord(a) * SHAPES + ord(b)]: rows of ShapePair (a before b) and ShapePairNext (a, then b after it). */
  private shapePairRows = new Int32Array(SHAPES * SHAPES);
  private shapePairNextRows = new Int32Array(SHAPES * SHAPES);
  /** [id * SHAPES + ord(shape)]: rows of PrevWordShape (word id before) and NextWordShape (word id after). */
  private prevWordShapeRows = new Int32Array(0);
  private nextWordShapeRows = new Int32Array(0);
  private readonly shapeOrds = new Map<number, number>();
  /**
   * Rows of the hint features, per hint value (a few dozen values): open addressing over the
   * hint's hash, three rows a slot (Hint, HintPrev, HintNext): read for every hint of every
   * scored token and its neighbours, so no Map.
   */
  private hintHashes = new Int32Array(HINT_SLOTS);
  private hintUsed = new Uint8Array(HINT_SLOTS);
  private hintRows = new Int32Array(HINT_SLOTS * 3).fill(UNKNOWN);
  private hintCount = 0;
  private size = 0;
  /** What forms memo ids of: a new object each time the table starts over. */
  private generation: object = {};
  private readonly bias = new Float64Array(N);
  /** Scratch: the sums of the word being added. */
  private readonly own = new Float64Array(N);

  constructor(
    readonly weights: PackedWeights,
    private readonly limit = DEFAULT_LIMIT,
  ) {
    weights.addTo(mix(T.Bias, 0), this.bias);
    this.clear();
  }

  /** Starts over when full; only between documents, as ids handed out stay valid until then. */
  startDocument(): void {
    if (this.size > this.limit) this.clear();
  }

  private clear(): void {
    // ids memoed on forms before now are void
    this.generation = {};
    this.ids.clear();
    this.shapePairRows.fill(UNKNOWN);
    this.shapePairNextRows.fill(UNKNOWN);
    this.lowers = [];
    this.keys = [];
    this.size = 0;
    this.grow(4096);
    this.add('', '', NONE, NONE, null);
  }

  private grow(capacity: number): void {
    const copy = <A extends Int32Array | Float64Array | Uint8Array>(old: A, make: (n: number) => A, per: number): A => {
      const out = make(capacity * per);
      out.set(old.subarray(0, Math.min(old.length, this.size * per)));
      return out;
    };
    this.ownCount = copy(this.ownCount, (n) => new Uint8Array(n), 1);
    this.word = copy(this.word, (n) => new Int32Array(n), 1);
    this.shape = copy(this.shape, (n) => new Int32Array(n), 1);
    this.at = copy(this.at, (n) => new Float64Array(n), 3 * N);
    this.left = copy(this.left, (n) => new Float64Array(n), N);
    this.right = copy(this.right, (n) => new Float64Array(n), N);
    this.rows = copy(this.rows, (n) => new Int32Array(n), ROWS);
    this.shapeOrd = copy(this.shapeOrd, (n) => new Int32Array(n), 1);
    this.tagRows = copy(this.tagRows, (n) => new Int32Array(n).fill(UNKNOWN), TAG_ROWS);
    this.prevWordShapeRows = copy(this.prevWordShapeRows, (n) => new Int32Array(n).fill(UNKNOWN), SHAPES);
    this.nextWordShapeRows = copy(this.nextWordShapeRows, (n) => new Int32Array(n).fill(UNKNOWN), SHAPES);
  }

  /** The id of a token's word (the same for every token of the same text, lower-case form and key). */
  idOf(t: NerToken): number {
    const form = t.form;
    if (form !== undefined && form.nerTable === this.generation) return form.nerId;
    const id = this.lookUp(t);
    if (form !== undefined) {
      form.nerTable = this.generation;
      form.nerId = id;
    }
    return id;
  }

  private lookUp(t: NerToken): number {
    let id = this.ids.get(t.text);
    if (id !== undefined && this.lowers[id] === t.lower && this.keys[id] === t.key) return id;
    // the same text with another lower-case form or key (callers other than the analyzer's units)
    const full = id === undefined ? t.text : `${t.text}\u0000${t.lower}\u0000${t.key}`;
    if (full !== t.text) {
      id = this.ids.get(full);
      if (id !== undefined) return id;
    }
    const w = hashString(t.lower);
    id = this.add(t.lower, t.key, w, hashString(shapeOf(t.text)), t);
    this.ids.set(full, id);
    return id;
  }

  private add(lower: string, key: string, w: number, sh: number, t: NerToken | null): number {
    const id = this.size;
    if (id * ROWS >= this.rows.length) this.grow(Math.max(4096, id * 2));
    this.size++;
    this.lowers.push(lower);
    this.keys.push(key);
    this.word[id] = w;
    this.shape[id] = sh;
    let ord = this.shapeOrds.get(sh);
    if (ord === undefined) {
      ord = this.shapeOrds.size;
      this.shapeOrds.set(sh, ord);
    }
    this.shapeOrd[id] = ord;
    const pw = this.weights;
    const r = id * ROWS;
    this.rows[r + ROW.Prev2] = pw.rowOf(mix(T.Prev2, w));
    this.rows[r + ROW.Next2] = pw.rowOf(mix(T.Next2, w));
    this.rows[r + ROW.Caps] = pw.rowOf(mix(T.CapsSentence, sh));
    // added in place at offsets: a typed array (or view) per word made cold documents slow
    pw.addAt(mix(T.Prev1, w), this.left, id * N);
    pw.addAt(mix(T.ShapePrev, sh), this.left, id * N);
    pw.addAt(mix(T.Next1, w), this.right, id * N);
    pw.addAt(mix(T.ShapeNext, sh), this.right, id * N);
    if (t) {
      const own = this.own;
      own.set(this.bias);
      this.ownCount[id] = this.addOwn(t, w, sh, own) + 1;
      for (let p = 0; p < 3; p++) {
        const base = (id * 3 + p) * N;
        for (let k = 0; k < N; k++) this.at[base + k] = own[k]!;
        pw.addAt(mix(T.Position, mix(p, sh)), this.at, base);
      }
    }
    return id;
  }

  /** Adds the weights of the word's own features (as `tokenFeatures` lists them) into `scores`; returns their number. */
  private addOwn(t: NerToken, w: number, sh: number, scores: Float64Array): number {
    const pw = this.weights;
    const lower = t.lower;
    const len = lower.length;
    let n = 3;
    pw.addTo(mix(T.Word, w), scores);
    pw.addTo(mix(T.Key, t.key === t.lower ? w : hashString(t.key)), scores);
    pw.addTo(mix(T.Shape, sh), scores);
    if (len > 1) {
      pw.addTo(mix(T.Suf1, lower.charCodeAt(len - 1)), scores);
      n++;
    }
    if (len > 2) {
      pw.addTo(mix(T.Suf2, hashRange(lower, len - 2, len)), scores);
      pw.addTo(mix(T.Pre3, hashRange(lower, 0, 3)), scores);
      n += 2;
    }
    if (len > 3) {
      pw.addTo(mix(T.Suf3, hashRange(lower, len - 3, len)), scores);
      n++;
    }
    if (len > 4) {
      pw.addTo(mix(T.Suf4, hashRange(lower, len - 4, len)), scores);
      n++;
    }
    return n;
  }

  /** The row of the tag-dependent feature of word `id` after tag `prev`: with its shape, or its word. */
  tagRow(id: number, prev: number, ofWord: boolean): number {
    const at = id * TAG_ROWS + (ofWord ? 10 : 0) + prev + 1;
    let row = this.tagRows[at]!;
    if (row === UNKNOWN) {
      row = this.weights.rowOf(ofWord ? mix(T.TagPrevWord, mix(prev + 2, this.word[id]!)) : mix(T.TagPrevShape, mix(prev + 2, this.shape[id]!)));
      this.tagRows[at] = row;
    }
    return row;
  }

  /** The row of ShapePair: the shape of word `before`, then that of word `id`. */
  shapePairRow(before: number, id: number): number {
    return this.pairRow(this.shapePairRows, T.ShapePair, before, id);
  }

  /** The row of ShapePairNext: the shape of word `id`, then that of word `after`. */
  shapePairNextRow(id: number, after: number): number {
    return this.pairRow(this.shapePairNextRows, T.ShapePairNext, id, after);
  }

  private pairRow(memo: Int32Array, template: number, a: number, b: number): number {
    const oa = this.shapeOrd[a]!;
    const ob = this.shapeOrd[b]!;
    const at = oa < SHAPES && ob < SHAPES ? oa * SHAPES + ob : -1;
    let row = at >= 0 ? memo[at]! : UNKNOWN;
    if (row === UNKNOWN) {
      row = this.weights.rowOf(mix(template, mix(this.shape[a]!, this.shape[b]!)));
      if (at >= 0) memo[at] = row;
    }
    return row;
  }

  /** The row of PrevWordShape: word `before`, then the shape of word `id`. */
  prevWordShapeRow(before: number, id: number): number {
    const ord = this.shapeOrd[id]!;
    const at = ord < SHAPES ? before * SHAPES + ord : -1;
    let row = at >= 0 ? this.prevWordShapeRows[at]! : UNKNOWN;
    if (row === UNKNOWN) {
      row = this.weights.rowOf(mix(T.PrevWordShape, mix(this.word[before]!, this.shape[id]!)));
      if (at >= 0) this.prevWordShapeRows[at] = row;
    }
    return row;
  }

  /** The row of NextWordShape: the shape of word `id`, then word `after`. */
  nextWordShapeRow(id: number, after: number): number {
    const ord = this.shapeOrd[id]!;
    const at = ord < SHAPES ? after * SHAPES + ord : -1;
    let row = at >= 0 ? this.nextWordShapeRows[at]! : UNKNOWN;
    if (row === UNKNOWN) {
      row = this.weights.rowOf(mix(T.NextWordShape, mix(this.shape[id]!, this.word[after]!)));
      if (at >= 0) this.nextWordShapeRows[at] = row;
    }
    return row;
  }

  /** The row of a hint feature (`template`: Hint, HintPrev or HintNext) of hint value `h`. */
  hintRow(template: number, h: number): number {
    const at = this.hintSlot(h) * 3 + template - T.Hint;
    let row = this.hintRows[at]!;
    if (row === UNKNOWN) {
      row = this.weights.rowOf(mix(template, h));
      this.hintRows[at] = row;
    }
    return row;
  }

  /** The slot of hint value `h` (as a 32-bit integer, as `mix` reads it), taken on first sight. */
  private hintSlot(value: number): number {
    const h = value | 0;
    const mask = this.hintHashes.length - 1;
    let slot = (h ^ (h >>> 15)) & mask;
    for (;;) {
      if (this.hintUsed[slot] === 0) break;
      if (this.hintHashes[slot] === h) return slot;
      slot = (slot + 1) & mask;
    }
    if ((this.hintCount + 1) * 2 > this.hintHashes.length) {
      this.growHints();
      return this.hintSlot(h);
    }
    this.hintUsed[slot] = 1;
    this.hintHashes[slot] = h;
    this.hintCount++;
    return slot;
  }

  private growHints(): void {
    const { hintHashes, hintUsed, hintRows } = this;
    const size = hintHashes.length * 2;
    this.hintHashes = new Int32Array(size);
    this.hintUsed = new Uint8Array(size);
    this.hintRows = new Int32Array(size * 3).fill(UNKNOWN);
    this.hintCount = 0;
    for (let old = 0; old < hintHashes.length; old++) {
      if (hintUsed[old] === 0) continue;
      const slot = this.hintSlot(hintHashes[old]!);
      for (let k = 0; k < 3; k++) this.hintRows[slot * 3 + k] = hintRows[old * 3 + k]!;
    }
  }

  /** Distinct words held now. */
  get count(): number {
    return this.size - 1;
  }
}
