import type { Token } from '../../core/layers.js';
import type { Span } from '../../core/record.js';
import { W } from './word-class.js';
import type { EventWord, WordTable } from './word-table.js';

/** One sentence as the coder reads it: its tokens, their keys and word classes. */
export interface SentenceView {
  index: number;
  span: Span;
  tokens: Token[];
  keys: string[];
  /** Word classes (W bits) of each token: a plain array, as a typed one of more than 64 bytes costs a buffer outside the heap. */
  classes: number[];
  /** What is known of each token's text (its trigger forms, KB keys…). */
  words: EventWord[];
  /** Some word is a trigger form of some pattern (most sentences have none). */
  hasTriggerWord: boolean;
  /** Some word names events that no pattern codes. */
  hasUnframed: boolean;
}

/**
 * The views of one document's sentences, made one at a time as the coder reaches them, so
 * that what a sentence's view holds is still in the cache when the sentence is coded.
 * Sentences come in text order (tokens never cross a sentence end).
 */
export class SentenceViewer {
  private t = 0;

  constructor(private readonly tokens: readonly Token[], private readonly table: WordTable) {}

  view(span: Span, index: number): SentenceView {
    const tokens = this.tokens;
    let t = this.t;
    while (t < tokens.length && tokens[t]!.end <= span.start) t++;
    this.t = t;
    let end = t;
    while (end < tokens.length && tokens[end]!.start < span.end) end++;
    const own = tokens.slice(t, end);
    // `map` makes arrays of the exact size (a pushed array grows, and reallocates, as it goes)
    const words = own.map((tok) => this.table.get(tok.text));
    const keys = words.map((w) => w.key);
    let hasTriggerWord = false;
    let hasUnframed = false;
    const classes = own.map((tok, i) => {
      const word = words[i]!;
      if (word.forms !== null) hasTriggerWord = true;
      if (word.unframed) hasUnframed = true;
      const c = word.classes;
      if (tok.kind === 'number') return c | W.NUMBER;
      if (tok.kind === 'punct') {
        if (tok.text === ',') return c | W.COMMA;
        return tok.text === '.' || tok.text === '!' || tok.text === '?' ? c | W.BOUNDARY : c;
      }
      return word.capital ? c | W.CAPITAL : c;
    });
    return { index, span, tokens: own, keys, classes, words, hasTriggerWord, hasUnframed };
  }
}

/** The token index covering a character offset, or -1. */
export function tokenAt(view: SentenceView, offset: number): number {
  let lo = 0;
  let hi = view.tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const tok = view.tokens[mid] as Token;
    if (offset < tok.start) hi = mid - 1;
    else if (offset >= tok.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
