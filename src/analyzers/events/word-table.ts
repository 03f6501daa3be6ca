import { keysOf, type DemonymHit, type KnowledgeBase } from '../../kb/knowledge-base.js';
import type { TrieStep } from '../../kb/trie.js';
import type { TriggerForm } from './pattern.js';
import { wordKey } from './word-key.js';

/**
 * What the coder reads of one distinct token text, worked out once and shared by every token
 * of that text: one hash lookup per token instead of one per table (classes, trigger forms,
 * unframed words, KB keys), and no new lower-case string per token.
 */
export interface EventWord {
  /** `wordKey` of the text. */
  readonly key: string;
  /** The function-word classes of the key (events-words.json), before the token's kind is known. */
  readonly classes: number;
  /** The key's first letter differs from the text's: a capitalized word. */
  readonly capital: boolean;
  /** The trigger forms of the key, or null: most words trigger nothing. */
  readonly forms: readonly TriggerForm[] | null;
  /** A word known to name events that no pattern codes. */
  readonly unframed: boolean;
  /** The KB's word keys of the text (src/kb), once asked for. */
  kbKeys: string[] | null;
  /** Where the KB demonym names starting with this word go on, for the trie of `demonymKb`. */
  demonymKb: KnowledgeBase | null;
  demonymStep: TrieStep<DemonymHit> | null;
}

/** What a table needs of a grammar. */
export interface WordTableSource {
  classes: ReadonlyMap<string, number>;
  byForm: ReadonlyMap<string, TriggerForm[]>;
  unframed: ReadonlySet<string>;
}

// 2 MB of news hold some 27,000 distinct token texts; past this many (some 15 MB) the table starts over
const LIMIT = 1 << 16;

/**
 * A copy holding no reference to the text it was cut from (V8 keeps slices of 13 characters
 * or more as views of their parent): a cached word must not keep a document alive.
 */
const own = (text: string): string => (text.length >= 13 ? Buffer.from(text, 'utf16le').toString('utf16le') : text);

/** The words of one grammar, by token text. */
export class WordTable {
  private readonly words = new Map<string, EventWord>();

  constructor(private readonly source: WordTableSource) {}

  get(text: string): EventWord {
    let word = this.words.get(text);
    if (word === undefined) {
      if (this.words.size >= LIMIT) this.words.clear();
      word = this.make(text);
      this.words.set(own(text), word);
    }
    return word;
  }

  private make(text: string): EventWord {
    const key = wordKey(text);
    return {
      key,
      classes: this.source.classes.get(key) ?? 0,
      capital: key[0] !== text[0],
      forms: this.source.byForm.get(key) ?? null,
      unframed: this.source.unframed.has(key),
      kbKeys: null,
      demonymKb: null,
      demonymStep: null,
    };
  }
}

/** The KB keys of a word (cached on it). */
export function kbKeysOf(word: EventWord, text: string): string[] {
  return (word.kbKeys ??= keysOf(text));
}

/** Where the KB's demonyms starting with this word's first key go on, or null (cached on it per KB). */
export function demonymStepOf(word: EventWord, text: string, kb: KnowledgeBase): TrieStep<DemonymHit> | null {
  if (word.demonymKb !== kb) {
    const first = kbKeysOf(word, text)[0];
    word.demonymStep = first === undefined ? null : kb.demonyms.first(first);
    word.demonymKb = kb;
  }
  return word.demonymStep;
}
