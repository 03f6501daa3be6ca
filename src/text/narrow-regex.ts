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

/**
 * Characters that case folding ties to another only under the `u` flag (ſ ~ s, K ~ k, Å ~ å,
 * ẞ ~ ß; narrow-regex.test.ts checks the list): ſ is kept out of the narrow classes and out of
 * fitting texts, so that a narrow build without `u` matches as one with it.
 */
const FOLDS_ONLY_UNDER_U = [0x17f, 0x1e9e, 0x212a, 0x212b];

/** The ranges of `property` below the bound, as the body of a character class. */
const rangesBelowBound = (property: RegExp): string => rangesWhere([[0, NARROW_BOUND]], (c) => c !== 0x17f && property.test(String.fromCharCode(c)));

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

/**
 * The narrow build of `source`. Without the `u` flag when its source allows (no `\\p{…}`, no
 * `\\u{…}`, none of the characters that fold differently under `u`): V8 then makes about half
 * the machine code, which matters more than anything once other stages have run between two
 * documents and the code is no longer in the processor's caches. On a fitting text (no
 * surrogate, no ſ) both flags match alike (narrow-regex.test.ts).
 */
export function narrowRegex(source: string, flags: string): RegExp {
  // What the source spells is what its narrow build spells, besides the ranges of \p{L} and
  // \p{N} (below the bound, without ſ).
  const spelled = spelledBy(source);
  noteSpelled(spelled);
  const narrow = narrowSource(source);
  const needsU = spelled.unsafe || narrow.includes('\\u{') || FOLDS_ONLY_UNDER_U.some((c) => spelled.chars.has(String.fromCharCode(c)));
  return new RegExp(narrow, needsU ? flags : flags.replace('u', ''));
}

/** A regex in its two builds; `pick` chooses by `fitsNarrow(text)`. */
export interface WordRegex {
  full: RegExp;
  narrow: RegExp;
}

export function wordRegex(source: string, flags: string): WordRegex {
  return { full: new RegExp(source, flags), narrow: narrowRegex(source, flags) };
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
lowersAbove[0x17f] = 1; // ſ: see FOLDS_ONLY_UNDER_U
for (let c = 0; c < NARROW_BOUND; c++) {
  for (const ch of String.fromCharCode(c).toLowerCase()) if (ch.codePointAt(0)! >= NARROW_BOUND && FULL_CLASS.test(ch)) lowersAbove[c] = 1;
}

/** Can the narrow builds class this UTF-16 unit as the full ones do (itself and its lower case)? */
function fitsUnit(c: number): boolean {
  if (c < NARROW_BOUND) return lowersAbove[c] !== 1;
  let verdict = verdicts[c]!;
  if (verdict === 0) {
    // A surrogate starts a character beyond the BMP: never judged, the full build handles it.
    verdict = (c >= 0xd800 && c <= 0xdfff) || FULL_CLASS.test(String.fromCharCode(c)) ? 2 : 1;
    verdicts[c] = verdict;
  }
  return verdict === 1;
}

/** `fitsNarrow`, judged character by character (exported for its test). */
export function fitsNarrowByChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!fitsUnit(text.charCodeAt(i))) return false;
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

/*
 * The narrow view of a text that does not fit: a copy of the same length where each letter
 * or digit the narrow builds cannot class (μ, Я, ᵉ…) is replaced by a stand-in they class
 * alike: a caseless letter (ƻ) or digit (¼) below the bound. A regex built by `narrowRegex`
 * then matches at the same places and lengths on the view as its full build on the text, as
 * long as nothing the regexes spell out (a literal, an escape, a class range, in any case)
 * can match the character replaced: a few stray Greek letters no longer make every rule
 * compile its full build (tens of milliseconds per document). Captured text that holds a
 * stand-in must be read again from the text (`holdsStandIn`).
 */

export const LETTER_STAND_IN = '\u01bb';
export const DIGIT_STAND_IN = '\u00bc';

/** Every character the sources given to `narrowRegex` (in this process) spell out (literals, escapes, class ranges). */
const spelled = new Set<string>();
/** Set when a source holds what the stand-ins could answer differently (\p{Lu}, a back-reference…). */
let viewUnsafe = false;
/** `spelled` as one class (flags `iu`, as the rules): made again when it grew. */
let spelledClass: RegExp | null = null;
/** Per UTF-16 unit: 0 not judged since `spelled` last grew, 1 letter stand-in, 2 digit stand-in, 3 none. */
let standIns = new Uint8Array(0x10000);

const ESCAPED_CHAR = /^\\(?:u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|([pP])\{([^}]*)\}|c[A-Za-z]|(\d)|k<|([\s\S]))/;
const WORD_CLASS_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_';
/** Escapes that class every letter and digit alike whatever the build (\d is ASCII only). */
const NEUTRAL_ESCAPES = new Set(['d', 'D', 's', 'S', 'n', 'r', 't', 'f', 'v']);

/**
 * What a regex source spells out: its literal characters (syntax included: over-noting is
 * harmless), escaped ones, every character of its class ranges; `unsafe` when it holds what
 * cannot be judged so (\\p{…} other than L and N, \\P{…}, back-references, wide ranges).
 */
function spelledBy(source: string): { chars: Set<string>; unsafe: boolean } {
  const chars = new Set<string>();
  let unsafe = false;
  let inClass = false;
  let previous: number | null = null;
  const decode = (m: RegExpExecArray): number | undefined => (m[1] || m[2] || m[3] ? parseInt(m[1] ?? m[2] ?? m[3]!, 16) : m[7]?.codePointAt(0));
  for (let i = 0; i < source.length;) {
    let code: number | null = null;
    const ch = source[i]!;
    if (ch === '\\') {
      const m = ESCAPED_CHAR.exec(source.slice(i, i + 16));
      if (!m) return { chars, unsafe: true };
      i += m[0].length;
      if (m[4]) {
        if (m[4] === 'P' || (m[5] !== 'L' && m[5] !== 'N')) unsafe = true;
      } else if (m[6] !== undefined || m[0] === '\\k<') unsafe = true; // back-references compare what they captured
      else if (m[7] === 'w' || m[7] === 'W' || m[7] === 'b' || m[7] === 'B') for (const w of WORD_CLASS_CHARS) chars.add(w);
      else if (m[7] === undefined || !NEUTRAL_ESCAPES.has(m[7])) code = decode(m) ?? null;
    } else {
      code = source.codePointAt(i)!;
      i += code > 0xffff ? 2 : 1;
      if (ch === '[' && !inClass) { inClass = true; previous = null; continue; }
      if (ch === ']' && inClass) { inClass = false; previous = null; continue; }
      if (ch === '-' && inClass && previous !== null && source[i] !== ']') {
        // A range: every character from its low end to the high one (read again next).
        const rest = source.slice(i, i + 16);
        const high = rest[0] === '\\' ? ESCAPED_CHAR.exec(rest) : null;
        const highCode = high ? decode(high) : rest.codePointAt(0);
        if (highCode === undefined || highCode - previous > 0x3000) unsafe = true;
        else for (let c = previous; c <= highCode; c++) chars.add(String.fromCodePoint(c));
      }
    }
    if (code !== null) chars.add(String.fromCodePoint(code));
    previous = code;
  }
  return { chars, unsafe };
}

/** Notes what a source spells out (see `spelledBy`); over-noting only makes more texts take the full builds. */
function noteSpelled(found: { chars: Set<string>; unsafe: boolean }): void {
  const before = spelled.size;
  viewUnsafe ||= found.unsafe;
  for (const ch of found.chars) spelled.add(ch);
  if (spelled.size !== before) {
    spelledClass = null;
    standIns = new Uint8Array(0x10000);
  }
}

const LETTER_LIKE = /\p{L}/iu;
const DIGIT_LIKE = /\p{N}/iu;
const escapeInClass = (ch: string): string => (/[\\\]^-]/.test(ch) ? `\\${ch}` : ch);

/** The stand-in of a UTF-16 unit that does not fit (1 letter, 2 digit, 3 none). */
function standInOf(code: number): number {
  let verdict = standIns[code]!;
  if (verdict !== 0) return verdict;
  spelledClass ??= new RegExp(`[${[...spelled].map(escapeInClass).join('')}]`, 'iu');
  const ch = String.fromCharCode(code);
  const letter = LETTER_LIKE.test(ch);
  const digit = DIGIT_LIKE.test(ch);
  verdict = (code >= 0xd800 && code <= 0xdfff) || spelledClass.test(ch) || letter === digit ? 3 : letter ? 1 : 2;
  standIns[code] = verdict;
  return verdict;
}

/**
 * The text itself when it fits the narrow builds; else its narrow view (see above), or null
 * when some character has no stand-in (a character beyond the BMP, one a rule spells out,
 * one `canStandIn` refuses: the caller's own tables may tell it apart).
 */
export function narrowView(text: string, canStandIn: (code: number) => boolean = () => true): string | null {
  if (fitsNarrow(text)) return text;
  if (viewUnsafe || standInOf(LETTER_STAND_IN.charCodeAt(0)) !== 1 || standInOf(DIGIT_STAND_IN.charCodeAt(0)) !== 2) return null;
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (fitsUnit(c)) continue;
    const standIn = standInOf(c);
    if (standIn === 3 || !canStandIn(c)) return null;
    out += text.slice(from, i) + (standIn === 1 ? LETTER_STAND_IN : DIGIT_STAND_IN);
    from = i + 1;
  }
  return out + text.slice(from);
}

/** Does a match on a narrow view hold a stand-in (in its text or a group), so that its text must be read from the original? */
export function holdsStandIn(m: RegExpExecArray): boolean {
  if (hasStandIn(m[0])) return true;
  if (m.groups) for (const key in m.groups) if (hasStandIn(m.groups[key])) return true;
  return false;
}

const hasStandIn = (s: string | undefined): boolean => s !== undefined && (s.includes(LETTER_STAND_IN) || s.includes(DIGIT_STAND_IN));
