import type { Span } from '../core/record.js';
import type { LanguageData } from '../lang/types.js';
import { abbreviations, sentenceStarters } from './abbreviations.js';
import { isNewline, isSpace } from './chars.js';
import { closersEnd, endsSentence, isTerminator, terminatorRunEnd, type EndContext } from './sentence-ends.js';

// A line this short that ends without punctuation reads as a heading, a byline or a dateline.
const HEADING_MAX_LENGTH = 50;
// A line ending so continues on the next; after a terminator the period rules have decided.
const LINE_CONTINUES = /[,;:(\-–—'’.!?…]$/u;
const LIST_MARKER = /^[•·▪►*–—-]\s/u;

/**
 * The sentences of a text, as spans trimmed of white space that together cover all its
 * non-space characters. A paragraph break (a blank line) always ends a sentence; so does a
 * single line break after a heading-like short line or before a list item. Abbreviations come
 * from `lang/<code>/abbreviations.json`. One pass, linear in the length of the text.
 * @example splitSentences('M. Dupont est arrivé. Il a parlé.', languageData('fr'))
 * // [{ start: 0, end: 21 }, { start: 22, end: 33 }]
 */
export function splitSentences(text: string, lang: LanguageData): Span[] {
  const abbr = abbreviations(lang);
  const starters = sentenceStarters(lang);
  const cuts: number[] = [];
  let chunkStart = 0;
  let lineStart = 0;
  let sentenceFirst = -1;
  const cut = (at: number): void => {
    cuts.push(at);
    sentenceFirst = -1;
    chunkStart = Math.max(chunkStart, at);
  };

  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      let j = i;
      let newlines = 0;
      for (; j < text.length && isSpace(text.charCodeAt(j)); j++) {
        const w = text.charCodeAt(j);
        if (w === 0x0d && text.charCodeAt(j + 1) === 0x0a) continue; // CRLF counts once, at its LF
        if (isNewline(w)) newlines += w === 0x2029 ? 2 : 1;
      }
      if (newlines >= 2 || (newlines === 1 && lineEnds(text, lineStart, i, j))) cut(i);
      if (newlines > 0) lineStart = j;
      chunkStart = j;
      i = j;
      continue;
    }
    if (sentenceFirst < 0) sentenceFirst = i;
    if (!isTerminator(c)) {
      i++;
      continue;
    }
    const j = terminatorRunEnd(text, i);
    const k = closersEnd(text, j);
    const ctx: EndContext = { abbreviations: abbr, starters, chunkStart, sentenceFirst };
    if (endsSentence(text, i, j, k, ctx)) cut(k);
    i = k;
  }
  return spansBetween(text, cuts);
}

/** Whether a single line break at [i, j) ends a sentence although no punctuation does. */
function lineEnds(text: string, lineStart: number, i: number, j: number): boolean {
  if (j >= text.length) return false;
  if (LIST_MARKER.test(text.slice(j, j + 2))) return true;
  if (i - lineStart > HEADING_MAX_LENGTH || LINE_CONTINUES.test(text.slice(i - 1, i))) return false;
  return /^[\p{Lu}\p{Lt}\d«“"(]/u.test(text.slice(j, j + 2));
}

/** The non-empty, trimmed spans between cut points. */
function spansBetween(text: string, cuts: readonly number[]): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (const to of [...cuts, text.length]) {
    let start = from;
    let end = to;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (end > start) spans.push({ start, end });
    from = Math.max(from, to);
  }
  return spans;
}
