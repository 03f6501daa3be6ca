import type { Abbreviations } from './abbreviations.js';
import { gluedAt } from './glued.js';
import {
  cpAt, cpLength, isApostrophe, isCloser, isDigit, isLetter, isLower, isMark, isNewline, isOpener, isSpace, isUpper,
  plainApostrophes,
} from './chars.js';

/** What the decision at a run of terminators needs to know besides the text. */
export interface EndContext {
  readonly abbreviations: Abbreviations;
  readonly starters: ReadonlySet<string>;
  /** Start of the run of non-space characters the terminator is in (or of the sentence, if later). */
  readonly chunkStart: number;
  /** First non-space character of the current sentence, -1 if none yet. */
  readonly sentenceFirst: number;
}

// Marks that end a sentence. The CJK full-width ones end it whatever follows (no spaces there).
const TERMINATORS = new Set(['.', '!', '?', '…', '‼', '⁇', '⁈', '⁉', '؟', '।', '。', '！', '？'].map((c) => c.charCodeAt(0)));
const ALWAYS_END = new Set(['。', '！', '？'].map((c) => c.charCodeAt(0)));
// After a terminator, these continue the sentence rather than start one.
const CONTINUATION = new Set([',', ';', ':', '.', '!', '?', '…', ')', ']', '}', '»', '”', '%', '›'].map((c) => c.charCodeAt(0)));
// How far around a glued period a URL scheme, `www.` or `@` makes it part of an address;
// bounded so that the splitter stays linear on long runs without spaces.
const WEB_LOOKBEHIND = 300;
const WEB_LOOKAHEAD = 100;
// Longer than any listed sentence starter.
const WORD_LOOKAHEAD = 30;

export function isTerminator(c: number): boolean {
  return TERMINATORS.has(c);
}

/** The end of the terminator run starting at `i`. */
export function terminatorRunEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && TERMINATORS.has(text.charCodeAt(j))) j++;
  return j;
}

function isHorizontalSpace(c: number): boolean {
  return isSpace(c) && !isNewline(c);
}

/**
 * The end of the closing marks that follow a terminator and belong to its sentence:
 * `.»`, `. »` (French spacing), `.”`, `.)`, `."` and `.'` when nothing glues them to a word.
 */
export function closersEnd(text: string, j: number): number {
  let k = j;
  for (;;) {
    let m = k;
    while (m < text.length && isHorizontalSpace(text.charCodeAt(m))) m++;
    const c = text.charCodeAt(m);
    if (c === 0xbb || c === 0x203a) { k = m + 1; continue; } // » › may follow a (no-break) space
    if (m !== k) break;
    if (isCloser(c)) { k = m + 1; continue; }
    if ((c === 0x22 || isApostrophe(c)) && !isLetter(cpAt(text, m + 1)) && !isDigit(cpAt(text, m + 1))) { k = m + 1; continue; }
    break;
  }
  return k;
}

/** Whether the terminator run [i, j), with its closers up to k, ends a sentence. */
export function endsSentence(text: string, i: number, j: number, k: number, ctx: EndContext): boolean {
  let strong = false;
  let ellipsis = j - i > 1;
  for (let x = i; x < j; x++) {
    const c = text.charCodeAt(x);
    if (ALWAYS_END.has(c)) return true;
    if (c === 0x2026) ellipsis = true;
    else if (c !== 0x2e) strong = true;
  }
  if (strong) ellipsis = false;
  let q = k;
  while (q < text.length && isSpace(text.charCodeAt(q))) q++;
  if (q >= text.length) return true;
  const next = cpAt(text, q);
  if (isLower(next) || CONTINUATION.has(next)) return false;
  if (q === k) return gluedEnds(text, i, j, k, strong || ellipsis, ctx);
  if (strong) return true;
  // An ellipsis in brackets marks words left out of a quotation: « Nous […] refusons ».
  if (ellipsis) return !(k > j && (text[i - 1] === '[' || text[i - 1] === '('));
  if (k > j) return true; // the period closed a quotation or a parenthesis
  return periodEnds(text, i, q, ctx);
}

/** A single period followed by space: abbreviations, initials and list numbers do not end. */
function periodEnds(text: string, i: number, q: number, ctx: EndContext): boolean {
  const wordStart = wordStartBefore(text, i, ctx);
  if (wordStart < 0) return true;
  const kind = ctx.abbreviations.kind(text.slice(wordStart, i + 1));
  if (kind === 'prefix') return false;
  if (kind === 'ambiguous') return startsSentence(text, q, ctx, false);
  if (kind === 'initial') return startsSentence(text, q, ctx, true);
  // "1. Le premier point": a number opening its line is a list item, not a sentence.
  if (wordStart === ctx.sentenceFirst && i - wordStart <= 3 && /^\d+$/.test(text.slice(wordStart, i))) return false;
  return true;
}

/**
 * A terminator glued to the next word (`Pyrénées.Alors`, scraped text that lost its paragraph
 * breaks): a sentence ends before a capitalized word, but not inside `U.S.A`, `Ph.D`, a URL
 * or a domain (`lemonde.fr`), nor after a title (`St.Louis`).
 */
function gluedEnds(text: string, i: number, j: number, k: number, strong: boolean, ctx: EndContext): boolean {
  // The last terminator of the run, or the closing mark after it, touches the next word.
  const closedOrStrong = k > j || strong || j - i > 1;
  if (!gluedAt(text, k - 1, closedOrStrong)) return false;
  if (isWebAddress(text, i, ctx.chunkStart)) return false;
  if (closedOrStrong) return true;
  const wordStart = wordStartBefore(text, i, ctx);
  const kind = wordStart < 0 ? null : ctx.abbreviations.kind(text.slice(wordStart, i + 1));
  if (kind === 'prefix') return false;
  if (kind !== null) return startsSentence(text, k, ctx, kind === 'initial');
  return true;
}

/** Whether the period at `i` is inside a URL or an e-mail address (`jean.Dupont@mail.fr`). */
function isWebAddress(text: string, i: number, chunkStart: number): boolean {
  const before = text.slice(Math.max(chunkStart, i - WEB_LOOKBEHIND), i);
  if (before.includes('://') || before.includes('@') || /(?:^|[^\p{L}])www\./iu.test(before)) return true;
  const after = /^\S*/u.exec(text.slice(i, i + WEB_LOOKAHEAD))?.[0] ?? '';
  return after.includes('@');
}

/**
 * Start of the word the period at `i` closes: back to a space, an opening mark or an
 * apostrophe (`l’U.E.` → `U.E.`), within the abbreviation length limit; -1 when longer.
 */
function wordStartBefore(text: string, i: number, ctx: EndContext): number {
  const limit = Math.max(ctx.chunkStart, i - ctx.abbreviations.maxLength);
  let s = i;
  while (s > limit) {
    const c = text.charCodeAt(s - 1);
    if (isOpener(c) || isApostrophe(c) || c === 0x2f) break;
    s--;
  }
  if (s === limit && s > ctx.chunkStart) return -1;
  return s < i ? s : -1;
}

/**
 * Whether a sentence starts at `q`, after an abbreviation: an opening mark, or a listed
 * starter word. After an initial, a starter followed by a capitalized word is rather a
 * surname (`J. Le Pen`), so no.
 */
function startsSentence(text: string, q: number, ctx: EndContext, initial: boolean): boolean {
  const c = cpAt(text, q);
  if (isOpener(c) || c === 0x2014 || c === 0x2013) return true;
  const end = wordEnd(text, q);
  let word = text.slice(q, end);
  if (isApostrophe(text.charCodeAt(end))) word += "'";
  if (!ctx.starters.has(plainApostrophes(word))) return false;
  if (!initial) return true;
  let r = end + (word.endsWith("'") ? 1 : 0);
  while (r < text.length && isSpace(text.charCodeAt(r))) r++;
  return !isUpper(cpAt(text, r));
}

function wordEnd(text: string, q: number): number {
  let e = q;
  const limit = Math.min(text.length, q + WORD_LOOKAHEAD);
  while (e < limit) {
    const c = cpAt(text, e);
    if (!isLetter(c) && !isMark(c)) break;
    e += cpLength(c);
  }
  return e;
}
