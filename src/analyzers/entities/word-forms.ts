import { WORD_PIECE, wordKey } from '../../kb/name-key.js';
import { TRIE_SLOTS, type KeyTrie, type TrieStep } from '../../kb/trie.js';
import type { NerForm } from '../../ner/types.js';

/**
 * What the analyzer reads of a token's text, worked out once per distinct text and shared by
 * every unit of that text across documents: the lower-case form, the folded key, the case
 * shape, and the pieces a word splits into. Strings come from here, so the same word is the
 * same string everywhere (its hash computed once, compared by reference), and the NER tagger
 * memos its own id of the word on it (`NerForm`).
 */
export interface WordForm extends NerForm {
  readonly text: string;
  readonly lower: string;
  /** The transliteration-folded key (src/kb/name-key.ts) of a word; punctuation keeps its text. */
  readonly key: string;
  /** A word that starts with an upper-case letter. */
  readonly cap: boolean;
  /** A word of two or more letters, all upper case ("ONU"). */
  readonly upper: boolean;
  /** `wordFlags` of this word, for the lexicon and KB named. */
  flags: number;
  flagsLex: object | null;
  flagsKb: object | null;
  /** Tries and where the names starting with this word go on in them (`firstStep`), in pairs, at each trie's slot. */
  steps: unknown[] | null;
  /** The pieces a word token splits into at hyphens and apostrophes (null: it does not split); undefined until asked for. */
  pieces: readonly Piece[] | null | undefined;
}

/** A unit a word token splits into: its form, where it starts in the token, how it joins the next. */
export interface Piece {
  form: WordForm;
  at: number;
  word: boolean;
  elision: boolean;
  joined: boolean;
}

const UPPER_FIRST = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const LETTERS = /\p{L}/gu;
const SPLIT_CHARS = /[-‐‑’'.&]/;

// 2 MB of news hold some 27,000 distinct tokens; past this many forms a cache starts over
// (some 25 MB; the forms in use stay valid, only no longer shared).
const LIMIT = 1 << 16;
const words = new Map<string, WordForm>();
const others = new Map<string, WordForm>();

/**
 * A copy of a string that holds no reference to the text it was cut from (V8 keeps slices
 * of 13 characters or more as views of their parent): a cached form must not keep a
 * document alive.
 */
function own(text: string): string {
  return text.length >= 13 ? Buffer.from(text, 'utf16le').toString('utf16le') : text;
}

function make(text: string, word: boolean): WordForm {
  const cap = word && UPPER_FIRST.test(text);
  // letters are counted only for a capitalized word without lower case (most words are not)
  const upper = cap && !HAS_LOWER.test(text) && (text.match(LETTERS)?.length ?? 0) >= 2;
  return {
    text,
    lower: text.toLowerCase(),
    key: word ? wordKey(text) : text,
    cap,
    upper,
    flags: 0,
    flagsLex: null,
    flagsKb: null,
    steps: null,
    pieces: undefined,
    nerTable: null,
    nerId: 0,
  };
}

/**
 * The last forms asked for, by a cheap hash of their text: most tokens are a few thousand
 * frequent words, found here without hashing the whole string or searching a big map.
 */
const RECENT = 8192;
const recentWords: (WordForm | undefined)[] = new Array<WordForm | undefined>(RECENT);
const recentOthers: (WordForm | undefined)[] = new Array<WordForm | undefined>(RECENT);

/** FNV-1a over the length and the first two and last two characters. */
function recentSlot(text: string, n: number): number {
  let h = Math.imul(0x811c9dc5 ^ n, 0x01000193);
  h = Math.imul(h ^ text.charCodeAt(0), 0x01000193);
  h = Math.imul(h ^ text.charCodeAt(n - 1), 0x01000193);
  if (n > 2) h = Math.imul(h ^ text.charCodeAt(1), 0x01000193);
  if (n > 3) h = Math.imul(h ^ text.charCodeAt(n - 2), 0x01000193);
  return (h ^ (h >>> 15)) & (RECENT - 1);
}

/** The form of a token's text: a word (word, elision, clitic) or not (punctuation, number, symbol). */
export function formOf(text: string, word: boolean): WordForm {
  const n = text.length;
  const slot = n === 0 ? 0 : recentSlot(text, n);
  const recent = word ? recentWords : recentOthers;
  const seen = recent[slot];
  if (seen !== undefined && seen.text === text) return seen;
  const cache = word ? words : others;
  let f = cache.get(text);
  if (f === undefined) {
    if (cache.size >= LIMIT) cache.clear();
    const kept = own(text);
    f = make(kept, word);
    cache.set(kept, f);
  }
  recent[slot] = f;
  return f;
}

const APOSTROPHE_END = /['’]$/;

/**
 * The units a word token splits into at hyphens and inner apostrophes ("Nord-Coréens" →
 * "Nord", "Coréens"; "l'ONU" → "l'", "ONU"; English "Putin's" → "Putin", "'s"), worked out
 * once per form; null when it has nothing to split at.
 */
export function piecesOf(form: WordForm): readonly Piece[] | null {
  if (form.pieces === undefined) form.pieces = SPLIT_CHARS.test(form.text) ? split(form.text) : null;
  return form.pieces;
}

function split(text: string): Piece[] {
  const matches = [...text.matchAll(WORD_PIECE)];
  const out: Piece[] = [];
  matches.forEach((m, i) => {
    const at = m.index ?? 0;
    const possessive = i === matches.length - 2 && matches[i + 1]?.[0] === 's' && APOSTROPHE_END.test(m[0]);
    if (i === matches.length - 1 && matches.length > 1 && m[0] === 's' && APOSTROPHE_END.test(matches[i - 1]?.[0] ?? '')) {
      // English "'s": the apostrophe before the s, as punctuation
      out.push({ form: formOf(text.slice(at - 1, at + 1), false), at: at - 1, word: false, elision: false, joined: false });
      return;
    }
    out.push({
      form: formOf(possessive ? m[0].slice(0, -1) : m[0], true),
      at,
      word: true,
      elision: !possessive && APOSTROPHE_END.test(m[0]),
      joined: i < matches.length - 1 && !possessive,
    });
  });
  return out;
}

/**
 * Where the names of `trie` starting with this form's key go on from (null: none starts so),
 * looked up once per form and trie: nearly every word of a text starts no name, and asking
 * a trie of a hundred thousand first words costs more than asking the word. Memoed at the
 * trie's slot (one read, no search); a trie sharing the slot (only tests make that many)
 * takes it over.
 */
export function firstStep<T>(trie: KeyTrie<T>, form: WordForm): TrieStep<T> | null {
  const memo = (form.steps ??= new Array<unknown>(2 * TRIE_SLOTS).fill(null));
  const at = 2 * trie.slot;
  if (memo[at] === trie) return memo[at + 1] as TrieStep<T> | null;
  const step = trie.first(form.key);
  memo[at] = trie;
  memo[at + 1] = step;
  return step;
}
