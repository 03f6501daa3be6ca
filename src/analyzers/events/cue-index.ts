import { phraseKeys } from './word-key.js';

/** A cue found in a sentence: what it says, and the tokens it covers. */
export interface CueHit<T> {
  value: T;
  first: number;
  last: number;
}

interface Entry<T> {
  words: string[];
  value: T;
}

const STEM = 3;

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const NONE: readonly never[] = [];

function fits(words: readonly string[], keys: readonly string[], i: number): boolean {
  for (let k = 0; k < words.length; k++) {
    const w = keys[i + k];
    if (w === undefined || !matches(words[k] as string, w)) return false;
  }
  return true;
}

const matches = (pattern: string, key: string): boolean =>
  pattern.endsWith('*') ? key.startsWith(pattern.slice(0, -1)) : pattern === key;

/** Bits of the filter of the words cues start with (8,192: a few hundred first words set a few percent of them). */
const FILTER_BITS = 1 << 13;

/** A hash of a word's first `STEM` characters: a cue's first word or stem and the words it matches share it. */
function headHash(word: string): number {
  let h = 0;
  for (let k = 0; k < STEM && k < word.length; k++) h = (h * 31 + word.charCodeAt(k)) | 0;
  return h & (FILTER_BITS - 1);
}

/**
 * Word sequences from data (`*` ending a word matches any ending), indexed by their first
 * word so that finding every cue starting at a token costs one or two lookups.
 */
export class CueIndex<T> {
  private readonly byFirst = new Map<string, Entry<T>[]>();
  // prefixes ("sanction*") are indexed by their first letters, short ones kept apart
  private readonly byStem = new Map<string, Entry<T>[]>();
  private readonly shortPrefixes: Entry<T>[] = [];
  // one bit per head hash of the first words and stems: most words start no cue, and are turned away without a lookup
  private readonly heads = new Uint32Array(FILTER_BITS / 32);

  private markHead(word: string): void {
    const h = headHash(word);
    this.heads[h >>> 5]! |= 1 << (h & 31);
  }

  private mayStart(key: string): boolean {
    const h = headHash(key);
    return (this.heads[h >>> 5]! & (1 << (h & 31))) !== 0;
  }

  add(phrase: string | readonly string[], value: T): void {
    const words = typeof phrase === 'string' ? phraseKeys(phrase) : phrase.flatMap((w) => phraseKeys(w));
    const first = words[0];
    if (first === undefined) return;
    const entry = { words, value };
    if (!first.endsWith('*')) {
      push(this.byFirst, first, entry);
      this.markHead(first);
    } else if (first.length - 1 >= STEM) {
      push(this.byStem, first.slice(0, STEM), entry);
      this.markHead(first);
    } else this.shortPrefixes.push(entry);
  }

  /** Every cue starting at `keys[i]` (the same empty list when none: this runs on every word). */
  at(keys: readonly string[], i: number): readonly CueHit<T>[] {
    const key = keys[i];
    if (key === undefined) return NONE;
    // no lookup, list nor stem cut unless some cue can be there: most words start none
    let out: CueHit<T>[] | null = null;
    if (this.mayStart(key)) {
      out = collect(this.byFirst.get(key), keys, i, null);
      if (this.byStem.size > 0 && key.length >= STEM) out = collect(this.byStem.get(key.slice(0, STEM)), keys, i, out);
    }
    if (this.shortPrefixes.length > 0) out = collect(this.shortPrefixes, keys, i, out);
    return out ?? NONE;
  }
}

function collect<T>(list: readonly Entry<T>[] | undefined, keys: readonly string[], i: number, out: CueHit<T>[] | null): CueHit<T>[] | null {
  if (!list) return out;
  for (const e of list) {
    if (!fits(e.words, keys, i)) continue;
    (out ??= []).push({ value: e.value, first: i, last: i + e.words.length - 1 });
  }
  return out;
}
