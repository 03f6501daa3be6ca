/**
 * Cheaper builds of regexes that use `\p{L}` and `\p{N}` (word boundaries, mostly).
 *
 * V8 compiles those classes slowly under the `i` and `u` flags: a few milliseconds per class,
 * per regex, per string width, which was most of the times and quantities stages on a few MB
 * of news. The narrow build spells both classes out as their ranges below U+0300 (about twenty
 * ranges): on a text with no letter or digit at or above U+0300, nor any character that case
 * folding ties to one, nor one whose lower case is one (`fitsNarrow`), it matches exactly as the
 * full build does (checked over every code point by narrow-regex.test.ts). Other texts (Greek,
 * Cyrillic, ᵉʳ…) use the full build.
 */

/** Every character below it is classed alike by both builds. */
export const NARROW_BOUND = 0x300;

/** The code points of `blocks` (each [low, high), UTF-16 units) that pass `inside`, as the body of a character class. */
function rangesWhere(blocks: readonly (readonly [number, number])[], inside: (c: number) => boolean): string {
  const hex = (c: number): string => `\\u${c.toString(16).padStart(4, '0')}`;
  let out = '';
  for (const [low, high] of blocks) {
    let from = -1;
    for (let c = low; c <= high; c++) {
      const hit = c < high && inside(c);
      if (hit && from < 0) from = c;
      if (!hit && from >= 0) {
        out += from === c - 1 ? hex(from) : `${hex(from)}-${hex(c - 1)}`;
        from = -1;
      }
    }
  }
  return out;
}

/** The ranges of `property` below the bound, as the body of a character class. */
const rangesBelowBound = (property: RegExp): string => rangesWhere([[0, NARROW_BOUND]], (c) => property.test(String.fromCharCode(c)));

const RANGES: Record<string, string> = { L: rangesBelowBound(/\p{L}/u), N: rangesBelowBound(/\p{N}/u) };

/**
 * `source` with every `\p{L}` and `\p{N}` replaced by its ranges below the bound (inside a
 * character class as ranges, outside as a class of its own). Other escapes are left alone.
 */
export function narrowSource(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      const property = /^\\p\{([LN])\}/.exec(source.slice(i, i + 5));
      if (property) {
        const ranges = RANGES[property[1]!]!;
        out += inClass ? ranges : `[${ranges}]`;
        i += 4;
      } else {
        out += source.slice(i, i + 2);
        i += 1;
      }
      continue;
    }
    if (ch === '[' && !inClass) inClass = true;
    else if (ch === ']' && inClass) inClass = false;
    out += ch;
  }
  return out;
}

/** A regex in its two builds; `pick` chooses by `fitsNarrow(text)`. */
export interface WordRegex {
  full: RegExp;
  narrow: RegExp;
}

export function wordRegex(source: string, flags: string): WordRegex {
  return { full: new RegExp(source, flags), narrow: new RegExp(narrowSource(source), flags) };
}

export const pick = (regex: WordRegex, narrow: boolean): RegExp => (narrow ? regex.narrow : regex.full);

/** What the full build's classes match, case folding included (U+0345 folds to ι, a letter). */
const FULL_CLASS = /[\p{L}\p{N}_]/iu;
/** Per UTF-16 unit at or above the bound: 0 not seen yet, 1 harmless, 2 needs the full build. */
const verdicts = new Uint8Array(0x10000);
/**
 * Below the bound, the letters whose lower case lies above it (Ⱥ → ⱥ): the extractors also
 * match lower-cased words, which must fit too.
 */
const lowersAbove = new Uint8Array(NARROW_BOUND);
for (let c = 0; c < NARROW_BOUND; c++) {
  for (const ch of String.fromCharCode(c).toLowerCase()) if (ch.codePointAt(0)! >= NARROW_BOUND && FULL_CLASS.test(ch)) lowersAbove[c] = 1;
}

/** `fitsNarrow`, judged character by character (exported for its test). */
export function fitsNarrowByChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < NARROW_BOUND) {
      if (lowersAbove[c] === 1) return false;
      continue;
    }
    let verdict = verdicts[c]!;
    if (verdict === 0) {
      // A surrogate starts a character beyond the BMP: never judged, the full build handles it.
      verdict = (c >= 0xd800 && c <= 0xdfff) || FULL_CLASS.test(String.fromCharCode(c)) ? 2 : 1;
      verdicts[c] = verdict;
    }
    if (verdict === 2) return false;
  }
  return true;
}

/**
 * The characters `fitsNarrowByChar` accepts in the blocks news text is written in (Latin
 * letters, punctuation, currency signs), as a class to search for the first one outside:
 * faster than the loop on long texts that have none.
 */
const OUTSIDE_FITTING = new RegExp(`[^${rangesWhere([[0, NARROW_BOUND], [0x2000, 0x20d0]], (c) => fitsNarrowByChar(String.fromCharCode(c)))}]`);

/** Can the narrow builds stand in for the full ones on this text and its lower case? */
export function fitsNarrow(text: string): boolean {
  return !OUTSIDE_FITTING.test(text) || fitsNarrowByChar(text);
}

/**
 * V8 compiles a regex on its first runs, once per string width (one-byte Latin-1 strings and
 * two-byte ones). Rules spelling out whole lexicons make that most of the cost of the first
 * documents: running each regex on a short string of each width compiles it while the grammar
 * loads. Meant for the narrow builds, which nearly every text uses; the full builds take
 * several times longer to compile and are left to the rare text that needs them.
 */
const WIDTH_SAMPLES = ['a', 'a', 'a\u2019', 'a\u2019'];

/** Compiles `regexes` now for both string widths; their `lastIndex` is left at 0. */
export function compileNow(regexes: Iterable<RegExp>): void {
  for (const regex of regexes) {
    for (const sample of WIDTH_SAMPLES) {
      regex.lastIndex = 0;
      regex.exec(sample);
    }
    regex.lastIndex = 0;
  }
}
