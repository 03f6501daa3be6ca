/**
 * Character classes of the text layer, by UTF-16 code unit or code point, with ASCII fast paths
 * (the splitter and the tokenizer test every character of long texts).
 */

const LETTER = /\p{L}/u;
const UPPER = /[\p{Lu}\p{Lt}]/u;
const LOWER = /\p{Ll}/u;
const MARK = /\p{M}/u;
const DIGIT = /\p{Nd}/u;
const NUMBER = /\p{N}/u;
const SPACE = /\s/u;

/** The code point at `i` (a whole surrogate pair), or -1 past the end. */
export function cpAt(text: string, i: number): number {
  return i < text.length ? (text.codePointAt(i) ?? -1) : -1;
}

/** The UTF-16 length of a code point. */
export function cpLength(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

function test(re: RegExp, cp: number): boolean {
  return cp >= 0 && re.test(String.fromCodePoint(cp));
}

export function isLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return test(LETTER, cp);
}

export function isUpper(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a;
  return test(UPPER, cp);
}

export function isLower(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x61 && cp <= 0x7a;
  return test(LOWER, cp);
}

export function isMark(cp: number): boolean {
  return cp >= 0x300 && test(MARK, cp);
}

export function isDigit(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x30 && cp <= 0x39;
  return test(DIGIT, cp);
}

/** Letters, combining marks and any numeral: what a word is made of. */
export function isWordChar(cp: number): boolean {
  if (cp < 0x80) return isLetter(cp) || isDigit(cp);
  return test(LETTER, cp) || test(MARK, cp) || test(NUMBER, cp);
}

/** Any white space, the no-break spaces (U+00A0, U+202F) included. */
export function isSpace(cp: number): boolean {
  if (cp < 0x80) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d);
  return test(SPACE, cp);
}

/** A character that ends a line: LF, CR, NEL and the Unicode line and paragraph separators. */
export function isNewline(cp: number): boolean {
  return cp === 0x0a || cp === 0x0d || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}

/** Apostrophes as found in news text: ASCII ', ’ and the modifier letter ʼ. */
export function isApostrophe(cp: number): boolean {
  return cp === 0x27 || cp === 0x2019 || cp === 0x2bc;
}

/** Hyphens that join the parts of a word: ASCII -, U+2010 and the no-break U+2011. */
export function isHyphen(cp: number): boolean {
  return cp === 0x2d || cp === 0x2010 || cp === 0x2011;
}

/** Marks that open a quotation or a parenthesis. */
export function isOpener(cp: number): boolean {
  return cp === 0xab || cp === 0x201c || cp === 0x201e || cp === 0x2018 || cp === 0x22 || cp === 0x27
    || cp === 0x28 || cp === 0x5b || cp === 0x7b || cp === 0x2039 || cp === 0xbf || cp === 0xa1;
}

/** Marks that always close (a quotation or a parenthesis), whatever follows them. */
export function isCloser(cp: number): boolean {
  return cp === 0xbb || cp === 0x201d || cp === 0x29 || cp === 0x5d || cp === 0x7d || cp === 0x203a;
}

/** Replaces typographic apostrophes by ' so that data lists can be written with one. */
export function plainApostrophes(s: string): string {
  return s.replace(/[\u2019\u02bc]/g, "'");
}
