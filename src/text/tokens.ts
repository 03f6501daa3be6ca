import type { Token } from '../core/layers.js';
import type { Span } from '../core/record.js';
import type { LanguageData } from '../lang/types.js';
import { abbreviations } from './abbreviations.js';
import { cpAt, cpLength, isDigit, isLetter, isMark, isSpace } from './chars.js';
import { scanNumber, type Push } from './scan-number.js';
import { scanWord, type WordContext } from './scan-word.js';
import { tokenRules } from './token-rules.js';
import { findWebToken } from './web-tokens.js';

// Unicode files %, #, @, &, § under punctuation; for us they are symbols, like € and °.
const SYMBOL = /[\p{S}%‰‱#@&§¶†‡]/u;
const PUNCT = /\p{P}/u;
const SENTENCE_MARKS = /[.!?…]/;

/**
 * The tokens of `text`, or of its `span` only (offsets stay into `text`): words, numbers
 * (`1 000 000`, `1,5`), punctuation and symbols (`57 %` → `57` + `%`), French elisions
 * (`l’`, `jusqu’`) and clitics (`-t-il`), URLs and e-mail addresses as single words.
 * Language rules come from `lang/<code>/tokens.json` and `abbreviations.json`. Linear time.
 * @example tokenize("L'armée a-t-elle tiré ?", languageData('fr')).map((t) => t.text)
 * // ["L'", 'armée', 'a', '-t-elle', 'tiré', '?']
 */
export function tokenize(text: string, lang: LanguageData, span?: Span): Token[] {
  const start = Math.min(Math.max(0, span?.start ?? 0), text.length);
  const end = Math.min(Math.max(start, span?.end ?? text.length), text.length);
  const ctx: WordContext = { rules: tokenRules(lang), abbreviations: abbreviations(lang) };
  const tokens: Token[] = [];
  const push: Push = (s, e, kind) => {
    if (e > s) tokens.push({ start: s, end: e, text: text.slice(s, e), kind });
  };
  let chunkEnd = start;
  let web: Span | null = null;
  let i = start;
  while (i < end) {
    const c = cpAt(text, i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (i >= chunkEnd) {
      chunkEnd = i;
      while (chunkEnd < end && !isSpace(text.charCodeAt(chunkEnd))) chunkEnd++;
      web = findWebToken(text, i, chunkEnd);
    }
    if (web && i === web.start) {
      push(web.start, web.end, 'word');
      i = web.end;
      continue;
    }
    const limit = web && web.start > i ? web.start : end;
    if (isDigit(c)) i = scanNumber(text, i, limit, ctx.rules, push);
    else if (isLetter(c) || isMark(c)) i = scanWord(text, i, limit, ctx, push);
    else i = scanMark(text, i, limit, push);
  }
  return tokens;
}

/** Punctuation (a run of `.!?…` is one token) or a symbol (an emoji with its modifiers). */
function scanMark(text: string, i: number, end: number, push: Push): number {
  const ch = text[i] as string;
  if (SENTENCE_MARKS.test(ch)) {
    let j = i + 1;
    while (j < end && SENTENCE_MARKS.test(text[j] as string)) j++;
    push(i, j, 'punct');
    return j;
  }
  const first = cpAt(text, i);
  const j = Math.min(end, clusterEnd(text, i + cpLength(first), first));
  const s = String.fromCodePoint(first);
  push(i, j, SYMBOL.test(s) || !PUNCT.test(s) ? 'symbol' : 'punct');
  return j;
}

/** Past the modifiers of a symbol: marks, variation selectors, skin tones, ZWJ sequences, flags. */
function clusterEnd(text: string, j: number, first: number): number {
  const regional = (cp: number): boolean => cp >= 0x1f1e6 && cp <= 0x1f1ff;
  if (regional(first) && regional(cpAt(text, j))) return j + 2;
  for (;;) {
    const cp = cpAt(text, j);
    if (isMark(cp) || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0x1f3fb && cp <= 0x1f3ff)) j += cpLength(cp);
    else if (cp === 0x200d && cpAt(text, j + 1) > 0 && !isSpace(cpAt(text, j + 1))) j += 1 + cpLength(cpAt(text, j + 1));
    else return j;
  }
}
