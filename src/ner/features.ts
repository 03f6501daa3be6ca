import { hashRange as hashRangeImport, hashString as hashStringImport, mix as mixImport } from './hash.js';

// local copies: module imports may be getters (tsx), and these run for every feature
const hashString = hashStringImport;
const hashRange = hashRangeImport;
const mix = mixImport;
import type { NerHints, NerToken } from './types.js';

/** Template ids: each feature is mix(template, value hash). Changing them changes the model. */
export const TEMPLATE = {
  Bias: 1, Word: 2, Key: 3, Prev1: 4, Prev2: 5, Next1: 6, Next2: 7, Suf1: 8, Suf2: 9, Suf3: 10, Suf4: 11, Pre3: 12,
  Shape: 13, ShapePrev: 14, ShapeNext: 15, ShapePair: 16, ShapePairNext: 17, PrevWordShape: 18, NextWordShape: 19,
  Position: 20, Hint: 21, HintPrev: 22, HintNext: 23, CapsSentence: 24,
  TagPrev: 40, TagPrev2: 41, TagPrevShape: 42, TagPrevWord: 43,
} as const;
const T = TEMPLATE;

/** Features that depend on the tags already chosen. */
export const TAG_FEATURES = 4;
/** At most this many tag-independent features per token (hints beyond are dropped). */
export const MAX_FEATURES = 128;

/** "Xxxx" → "Xx", "G20" → "Xd", "U.S." → "X.X.": classes of characters, runs collapsed. */
export function shapeOf(text: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < text.length && out.length < 6; i++) {
    const ch = text[i] as string;
    const code = ch.charCodeAt(0);
    let c: string;
    if (code >= 48 && code <= 57) c = 'd';
    else {
      const up = ch.toUpperCase();
      const lo = ch.toLowerCase();
      c = up === lo ? ch : ch === up ? 'X' : 'x';
    }
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/**
 * Per-token hashes of a sequence, filled on first use (a token far from any capital is never
 * scored, nor are its neighbours' hashes needed).
 */
export interface TokenHashes {
  tokens: readonly NerToken[];
  filled: Uint8Array;
  word: Int32Array;
  key: Int32Array;
  shape: Int32Array;
  hints: NerHints;
  /** Sentences written in capitals throughout (headlines): capitals say little there. */
  shouts: ReadonlySet<number>;
}

/** Two counts in one number (exact up to 2^26 words a sentence). */
const PACK = 0x4000000;

/**
 * Sentences written in capitals throughout (headlines, shouting): four words of two letters
 * or more, 60 % of them in capitals.
 */
export function sentenceShouts(tokens: readonly Pick<NerToken, 'word' | 'text' | 'upper' | 'sentence'>[]): Set<number> {
  // counted run by run of one sentence (a sentence met again adds to its counts)
  const counts = new Map<number, number>();
  const out = new Set<number>();
  let s = -1;
  let n = 0;
  let up = 0;
  const flush = (): void => {
    if (n === 0) return;
    const before = counts.get(s);
    if (before !== undefined) {
      n += Math.floor(before / PACK);
      up += before % PACK;
    }
    counts.set(s, n * PACK + up);
    if (n >= 4 && up / n >= 0.6) out.add(s);
    else out.delete(s);
  };
  for (const t of tokens) {
    if (!t.word || t.text.length < 2) continue;
    if (t.sentence !== s) {
      flush();
      s = t.sentence;
      n = up = 0;
    }
    n++;
    if (t.upper) up++;
  }
  flush();
  return out;
}

/** The value of a word or shape beyond the sentence's ends. */
export const NONE = hashString('<none>');

export function tokenHashes(tokens: readonly NerToken[], hints: NerHints): TokenHashes {
  const n = tokens.length;
  return {
    tokens,
    filled: new Uint8Array(n),
    word: new Int32Array(n),
    key: new Int32Array(n),
    shape: new Int32Array(n),
    hints,
    shouts: sentenceShouts(tokens),
  };
}

/** Computes the hashes of token j once. */
function fill(th: TokenHashes, j: number): void {
  if (j < 0 || j >= th.tokens.length || th.filled[j]) return;
  const t = th.tokens[j] as NerToken;
  const w = hashString(t.lower);
  th.word[j] = w;
  th.key[j] = t.key === t.lower ? w : hashString(t.key);
  th.shape[j] = hashString(shapeOf(t.text));
  th.filled[j] = 1;
}

/** 0: first word of its sentence, 1: second, 2: further. */
export function positionOf(tokens: readonly NerToken[], i: number): number {
  const t = tokens[i] as NerToken;
  if (t.sentStart) return 0;
  const p = tokens[i - 1];
  return p !== undefined && p.sentence === t.sentence && p.sentStart ? 1 : 2;
}

/** The hash of token j from `arr` when j is in sentence s, else NONE. */
function near(tokens: readonly NerToken[], arr: Int32Array, s: number, j: number): number {
  return tokens[j]?.sentence === s ? (arr[j] as number) : NONE;
}

/**
 * Writes the tag-independent features of token i into `into` and returns their count: the
 * word and its folded key, affixes, shape, the two words and shapes on each side, position
 * in the sentence, and the hints of the token and its neighbours.
 */
export function tokenFeatures(th: TokenHashes, i: number, into: Int32Array): number {
  const { tokens, word, shape } = th;
  for (let j = i - 2; j <= i + 2; j++) fill(th, j);
  const t = tokens[i] as NerToken;
  const s = t.sentence;
  const w = word[i]!;
  const sh = shape[i]!;
  const wp = near(tokens, word, s, i - 1);
  const wn = near(tokens, word, s, i + 1);
  const sp = near(tokens, shape, s, i - 1);
  const sn = near(tokens, shape, s, i + 1);
  let n = 0;
  into[n++] = mix(T.Bias, 0);
  into[n++] = mix(T.Word, w);
  into[n++] = mix(T.Key, th.key[i]!);
  into[n++] = mix(T.Shape, sh);
  into[n++] = mix(T.Prev1, wp);
  into[n++] = mix(T.Prev2, near(tokens, word, s, i - 2));
  into[n++] = mix(T.Next1, wn);
  into[n++] = mix(T.Next2, near(tokens, word, s, i + 2));
  into[n++] = mix(T.ShapePrev, sp);
  into[n++] = mix(T.ShapeNext, sn);
  into[n++] = mix(T.ShapePair, mix(sp, sh));
  into[n++] = mix(T.ShapePairNext, mix(sh, sn));
  into[n++] = mix(T.PrevWordShape, mix(wp, sh));
  into[n++] = mix(T.NextWordShape, mix(sh, wn));
  const lower = t.lower;
  const len = lower.length;
  if (len > 1) into[n++] = mix(T.Suf1, lower.charCodeAt(len - 1));
  if (len > 2) {
    into[n++] = mix(T.Suf2, hashRange(lower, len - 2, len));
    into[n++] = mix(T.Pre3, hashRange(lower, 0, 3));
  }
  if (len > 3) into[n++] = mix(T.Suf3, hashRange(lower, len - 3, len));
  if (len > 4) into[n++] = mix(T.Suf4, hashRange(lower, len - 4, len));
  const position = positionOf(tokens, i);
  into[n++] = mix(T.Position, mix(position, sh));
  if (th.shouts.has(s)) into[n++] = mix(T.CapsSentence, sh);
  for (const h of th.hints[i]!) if (n < MAX_FEATURES) into[n++] = mix(T.Hint, h);
  if (tokens[i - 1]?.sentence === s) for (const h of th.hints[i - 1]!) if (n < MAX_FEATURES) into[n++] = mix(T.HintPrev, h);
  if (tokens[i + 1]?.sentence === s) for (const h of th.hints[i + 1]!) if (n < MAX_FEATURES) into[n++] = mix(T.HintNext, h);
  return n;
}

/** The tag-dependent features of token i given the two previous tags (-1: none). */
export function tagFeatures(th: TokenHashes, i: number, prev: number, prev2: number, into: Int32Array): void {
  into[0] = mix(T.TagPrev, prev + 2);
  into[1] = mix(T.TagPrev2, mix(prev2 + 2, prev + 2));
  into[2] = mix(T.TagPrevShape, mix(prev + 2, th.shape[i]!));
  into[3] = mix(T.TagPrevWord, mix(prev + 2, th.word[i]!));
}
