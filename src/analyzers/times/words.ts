import { NARROW_BOUND } from '../../text/narrow-regex.js';
import type { CompiledRule } from './grammar.js';
import { lexiconKey } from './pattern.js';

/**
 * The words of a text as the scanner looks them up (scan.ts), read in one pass over its
 * characters instead of lower-casing and folding every word: each character is folded by a
 * table (what `lexiconKey` makes of it) and walks a trie of the keys the grammar asks about
 * (anchor words and rule prefixes, both from lang/<code>/times.json).
 *
 * Only for texts that `fitsNarrow` (every letter and digit below U+0300, no surrogate): there
 * the table covers every word character. A character that folds to several letters ("ǆ") makes
 * `readWords` return null and the caller takes the general path.
 */
export interface WordTrie {
  /** Per UTF-16 unit: NOT_WORD, SEVERAL, or the index of its folded form in the alphabet. */
  fold: Int8Array;
  alphabetSize: number;
  /** `next[node * alphabetSize + letter]`: the child node, or -1. (Small types: the tables are read
   * cold at each document once other stages have run, so their size is cache misses.) */
  next: Int16Array;
  /** Rules whose match can begin with a word of this node's prefix (first.ts). */
  prefixRules: (readonly CompiledRule[] | undefined)[];
  /** Anchor categories (bits of `categoryBits`) of the word that ends at this node; -1 for none. */
  masks: Int32Array;
  /** Node of the folded `s` letter (plurals anchor too), or -1. */
  plural: number;
  /** The folded letters the keys are written with. */
  letters: ReadonlySet<string>;
}

const NOT_WORD = -1;
const SEVERAL = -2;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The trie of the anchor words and rule prefixes of a grammar. */
export function compileWordTrie(
  anchors: ReadonlyMap<string, readonly string[]>,
  rulesByPrefix: ReadonlyMap<string, readonly CompiledRule[]>,
  categoryBits: ReadonlyMap<string, number>,
): WordTrie {
  const alphabet = new Map<string, number>();
  const keys = [...anchors.keys(), ...rulesByPrefix.keys()];
  for (const key of keys) for (const ch of key) if (!alphabet.has(ch)) alphabet.set(ch, alphabet.size);
  const size = alphabet.size + 1; // the last letter: any character no key holds
  if (size > 127) throw new Error(`times word trie: ${size} letters, more than an Int8Array index holds`);
  // The whole BMP, so that a lookup needs no bound check: nothing at or above the bound is a
  // word character in a text that fits the narrow builds.
  const fold = new Int8Array(0x10000).fill(NOT_WORD);
  for (let c = 0; c < NARROW_BOUND; c++) {
    const ch = String.fromCharCode(c);
    if (!WORD_CHAR.test(ch)) fold[c] = NOT_WORD;
    else {
      const key = lexiconKey(ch);
      fold[c] = key.length !== 1 ? SEVERAL : (alphabet.get(key) ?? alphabet.size);
    }
  }
  const children: number[][] = [[]];
  const prefixRules: (readonly CompiledRule[] | undefined)[] = [undefined];
  const categories: (readonly string[] | undefined)[] = [undefined];
  const nodeOf = (key: string): number => {
    let node = 0;
    for (const ch of key) {
      const letter = alphabet.get(ch)!;
      let child = children[node]![letter];
      if (child === undefined) {
        child = children.length;
        children[node]![letter] = child;
        children.push([]);
        prefixRules.push(undefined);
        categories.push(undefined);
      }
      node = child;
    }
    return node;
  };
  for (const [key, list] of anchors) categories[nodeOf(key)] = list;
  for (const [key, rules] of rulesByPrefix) prefixRules[nodeOf(key)] = rules;
  if (children.length > 0x7fff) throw new Error(`times word trie: ${children.length} nodes, more than an Int16Array holds`);
  const next = new Int16Array(children.length * size).fill(-1);
  children.forEach((row, node) => row.forEach((child, letter) => { next[node * size + letter] = child; }));
  const masks = new Int32Array(children.length).fill(-1);
  categories.forEach((list, node) => { if (list) masks[node] = maskOf(list, categoryBits); });
  return { fold, alphabetSize: size, next, prefixRules, masks, plural: alphabet.get('s') ?? -1, letters: new Set(alphabet.keys()) };
}

/** The bits of a list of anchor categories (0 when no rule is anchored by them). */
export function maskOf(categories: readonly string[], categoryBits: ReadonlyMap<string, number>): number {
  let mask = 0;
  for (const category of categories) mask |= categoryBits.get(category) ?? 0;
  return mask;
}

/** The words of a text that matter to the scanner, in text order, as parallel lists. */
export interface Words {
  /** Where a word starts that a rule's match can begin with, and those rules. */
  startPositions: number[];
  startRules: (readonly CompiledRule[])[];
  /** Where an anchor word starts, and its categories as bits. */
  anchorPositions: number[];
  anchorMasks: number[];
}

/**
 * The anchors of a text that fits the narrow builds, as the general word scan (scan.ts) finds
 * them, and its starts that lie at most `reach` before an anchor (the scanner tries no other);
 * null when a character folds to several letters.
 */
export function readWords(
  text: string,
  trie: WordTrie,
  numberRules: readonly CompiledRule[] | undefined,
  open: readonly CompiledRule[] | undefined,
  digitMask: number,
  reach: number,
): Words | null {
  const { fold, alphabetSize, next, prefixRules, masks, plural } = trie;
  const startPositions: number[] = [];
  const startRules: (readonly CompiledRule[])[] = [];
  const anchorPositions: number[] = [];
  const anchorMasks: number[] = [];
  // The starts since the last anchor, in a ring: at an anchor, those within reach are kept.
  // A start that many starts back lies more than `reach` before any later anchor (a word and
  // what ends it take two characters at least), so the ring never drops one that counts.
  const PENDING = Math.floor(reach / 2) + 2;
  const pendingPositions = new Int32Array(PENDING);
  const pendingRules: (readonly CompiledRule[])[] = new Array<readonly CompiledRule[]>(PENDING);
  let pendingCount = 0;
  let pendingEnd = 0;
  const length = text.length;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (fold[code] === NOT_WORD) {
      i++;
      continue;
    }
    const start = i;
    let rules: readonly CompiledRule[] | undefined;
    let mask = -1;
    if (code >= 48 && code <= 57) {
      // A number: its rules and the digit anchor; the rest of the word says nothing more.
      rules = numberRules;
      mask = digitMask;
      for (i++; i < length; i++) {
        const l = fold[text.charCodeAt(i)]!;
        if (l === NOT_WORD) break;
        if (l === SEVERAL) return null;
      }
    } else {
      // Walk the trie along the folded word: its prefix node (3 letters) and its last nodes.
      let node = 0;
      let before = -1;
      let prefixNode = -1;
      let depth = 0;
      let last = -1;
      for (; i < length; i++) {
        const l = fold[text.charCodeAt(i)]!;
        if (l === NOT_WORD) break;
        if (l === SEVERAL) return null;
        before = node;
        node = next[node * alphabetSize + l]!;
        last = l;
        if (++depth === 3) prefixNode = node;
        if (node < 0) break;
      }
      if (node < 0) {
        // Off the trie: the rest of the word only needs to be passed (and checked).
        for (i++; i < length; i++) {
          const l = fold[text.charCodeAt(i)]!;
          if (l === NOT_WORD) break;
          if (l === SEVERAL) return null;
          before = -1;
          if (++depth === 3) prefixNode = -1;
        }
      }
      if (depth < 3) prefixNode = node;
      rules = (prefixNode >= 0 ? prefixRules[prefixNode] : undefined) ?? open;
      // The word's own key first; else, a plural, the key without its "s".
      mask = node >= 0 && masks[node]! >= 0 ? masks[node]! : last === plural && before >= 0 ? masks[before]! : -1;
    }
    if (rules) {
      pendingPositions[pendingEnd] = start;
      pendingRules[pendingEnd] = rules;
      pendingEnd = (pendingEnd + 1) % PENDING;
      if (pendingCount < PENDING) pendingCount++;
    }
    if (mask >= 0) {
      for (let k = pendingCount; k > 0; k--) {
        const slot = (pendingEnd - k + PENDING) % PENDING;
        if (start - pendingPositions[slot]! > reach) continue;
        startPositions.push(pendingPositions[slot]!);
        startRules.push(pendingRules[slot]!);
      }
      pendingCount = 0;
      anchorPositions.push(start);
      anchorMasks.push(mask);
    }
  }
  return { startPositions, startRules, anchorPositions, anchorMasks };
}
