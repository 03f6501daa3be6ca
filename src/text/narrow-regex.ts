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

/** The ranges of `property` below the bound, as the body of a character class. */
function rangesBelowBound(property: RegExp): string {
  const hex = (c: number): string => `\\u${c.toString(16).padStart(4, '0')}`;
  let out = '';
  let from = -1;
  for (let c = 0; c <= NARROW_BOUND; c++) {
    const inside = c < NARROW_BOUND && property.test(String.fromCharCode(c));
    if (inside && from < 0) from = c;
    if (!inside && from >= 0) {
      out += from === c - 1 ? hex(from) : `${hex(from)}-${hex(c - 1)}`;
      from = -1;
    }
  }
  return out;
}

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

/** Can the narrow builds stand in for the full ones on this text and its lower case? */
export function fitsNarrow(text: string): boolean {
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
