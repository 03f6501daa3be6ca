import { mayFollow, mayStartAt, unitsWhere } from './first-chars.js';
import { FIRST_CHARS, norm, type Approx, type QuantityGrammar } from './grammar.js';
import { clean, parseDigits, parseNumberWords } from './numbers.js';

/** Larger values are not amounts any text states (and lose integer precision). */
const MAX_VALUE = 1e18;

// After a number: more digits glued by a space, dash, slash, dot or colon (phone numbers,
// scores, ranges "10-15", dates "12/10/2023", clock "15:30") make it something else.
const DIGIT_RUN = /[\s\u00a0\u202f]?[-/.:–][\s\u00a0\u202f]?\d|[\s\u00a0\u202f]\d/y;
const RUN_END = /[\d\s\u00a0\u202f\-/.:–]*\d/y;
const ATTACHED = /\p{L}+/uy;
// What DIGIT_RUN and ATTACHED can begin with, below U+0100: most numbers are followed by a plain
// space or punctuation, and neither regex is then run.
const DIGIT_RUN_FIRST = unitsWhere((ch) => /[\s\u00a0\u202f\-/.:]/.test(ch));
const LETTER = unitsWhere((ch) => /\p{L}/u.test(ch));

export function sticky(regex: RegExp, text: string, position: number): RegExpExecArray | null {
  const first = FIRST_CHARS.get(regex);
  if (first && !mayFollow(text, position, first)) return null;
  regex.lastIndex = position;
  return regex.exec(text);
}

/** A number read at a scanner hit, with its scale words, or where to resume when it is none. */
export type NumberRead =
  | {
      value: number;
      end: number;
      form: 'digits' | 'words' | 'approx-noun';
      approx: Approx;
      /** A currency prefix ("$5") or an attached unit ("500km"), when there is one. */
      unit: string | null;
      /** Scaled by "million" or an approximate noun ("une dizaine"): "de" may come before the noun. */
      scaled: boolean;
      plainInteger: boolean;
    }
  | { skipTo: number };

/**
 * The number at a scanner hit: digits ("1 000", "1,5"), words ("vingt-cinq"), an approximate
 * noun ("une dizaine", "des centaines"), times scale words ("1,5 million", "des dizaines de
 * milliers"). Digit runs, clock times, ordinals and "45-year-old" compounds are skipped.
 */
export function readNumber(text: string, hit: RegExpExecArray, g: QuantityGrammar): NumberRead {
  const groups = hit.groups ?? {};
  let end = hit.index + hit[0].length;
  let value: number | null;
  let approx: Approx = 'exact';
  let form: 'digits' | 'words' | 'approx-noun';
  let unit: string | null = groups.cur ? (g.currencyPrefixes.get(norm(groups.cur)) ?? null) : null;
  let scaled = false;
  let plainInteger = false;

  if (groups.digits !== undefined) {
    form = 'digits';
    if (mayStartAt(text, end, DIGIT_RUN_FIRST) && sticky(DIGIT_RUN, text, end)) return { skipTo: sticky(RUN_END, text, end) ? RUN_END.lastIndex : end };
    if (sticky(g.clockAfter, text, end)) return { skipTo: g.clockAfter.lastIndex };
    // "45-year-old", "Covid-19"-like compounds are words, not counts.
    if (text[end] === '-' && /\p{L}/u.test(text[end + 1] ?? '')) return { skipTo: end + 1 };
    const digits = groups.digits;
    value = parseDigits(digits, g);
    if (value === null || (/^0\d/.test(digits) && !digits.includes(g.decimal))) return { skipTo: end };
    plainInteger = /^\d+$/.test(digits);
    const attached = mayStartAt(text, end, LETTER) ? sticky(ATTACHED, text, end) : null;
    if (attached) {
      // "500km" is a measure; "4e", "1er", "15h", "G7"-like tails are not quantities.
      const attachedUnit = g.attachedUnits.get(norm(attached[0]));
      if (attachedUnit === undefined) return { skipTo: end + attached[0].length };
      if (attachedUnit === 'k') value *= 1000;
      else unit = attachedUnit;
      end += attached[0].length;
    }
  } else if (groups.words !== undefined) {
    form = 'words';
    value = parseNumberWords(groups.words, g);
  } else if (groups.article !== undefined) {
    form = 'words';
    value = 1;
  } else {
    form = 'approx-noun';
    value = g.approxNouns.get(norm(groups.vagueNoun ?? '')) ?? g.scales.get(norm(groups.vagueNoun ?? '')) ?? null;
    approx = 'more_than';
    scaled = true;
  }
  if (value === null) return { skipTo: end };

  if (form !== 'approx-noun') {
    // "une dizaine", "deux centaines", "dozens".
    const noun = sticky(g.approxNounAfter, text, end);
    if (noun?.groups?.w) {
      value *= g.approxNouns.get(norm(noun.groups.w)) ?? 1;
      approx = 'about';
      scaled = true;
      end += noun[0].length;
    }
  }
  if (scaled) {
    // "des dizaines de milliers", "plusieurs dizaines de millions".
    const ofScale = sticky(g.ofScaleAfter, text, end);
    if (ofScale?.groups?.w) {
      value *= g.scales.get(norm(ofScale.groups.w)) ?? 1;
      end += ofScale[0].length;
    }
  }
  for (let scale = sticky(g.scaleAfter, text, end); scale?.groups?.w; scale = sticky(g.scaleAfter, text, end)) {
    value *= g.scales.get(norm(scale.groups.w)) ?? 1;
    scaled = true;
    end += scale[0].length;
  }
  value = clean(value);
  if (!Number.isFinite(value) || value > MAX_VALUE) return { skipTo: end };
  return { value, end, form, approx, unit, scaled, plainInteger };
}
