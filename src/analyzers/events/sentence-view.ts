import type { Token } from '../../core/layers.js';
import type { Span } from '../../core/record.js';
import type { EventLexicon } from './lexicon.js';
import { W } from './word-class.js';
import { wordKey } from './word-key.js';

/** One sentence as the coder reads it: its tokens, their keys and word classes. */
export interface SentenceView {
  index: number;
  span: Span;
  tokens: Token[];
  keys: string[];
  classes: Int32Array;
}

/** The tokens of each sentence (tokens never cross a sentence end). */
export function sentenceViews(sentences: readonly Span[], tokens: readonly Token[], lexicon: EventLexicon): SentenceView[] {
  const views: SentenceView[] = [];
  let t = 0;
  sentences.forEach((span, index) => {
    while (t < tokens.length && (tokens[t] as Token).end <= span.start) t++;
    const own: Token[] = [];
    for (let k = t; k < tokens.length && (tokens[k] as Token).start < span.end; k++) own.push(tokens[k] as Token);
    const keys = own.map((tok) => wordKey(tok.text));
    const classes = new Int32Array(own.length);
    own.forEach((tok, i) => {
      let c = lexicon.classes.get(keys[i] as string) ?? 0;
      if (tok.kind === 'number') c |= W.NUMBER;
      else if (tok.kind === 'punct') {
        if (tok.text === ',') c |= W.COMMA;
        else if (tok.text === '.' || tok.text === '!' || tok.text === '?') c |= W.BOUNDARY;
      } else if ((keys[i] as string)[0] !== tok.text[0]) c |= W.CAPITAL;
      classes[i] = c;
    });
    views.push({ index, span, tokens: own, keys, classes });
  });
  return views;
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
