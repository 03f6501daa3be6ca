import type { Quantity, Span } from '../../core/record.js';
import { fitsNarrow } from '../../text/narrow-regex.js';
import { norm, type QuantityGrammar } from './grammar.js';
import { lemmatize } from './lemma.js';
import { findNoun } from './noun.js';
import { readOf } from './of.js';
import { readNumber, sticky } from './read-number.js';
import { isCapitalized, wordBefore } from './words.js';

export interface QuantityExtractionInput {
  text: string;
  /** Sentence spans: a capitalized word that starts a sentence is not a name before a number. */
  sentences: readonly Span[];
  grammar: QuantityGrammar;
}

const YEAR_MIN = 1000;
const YEAR_MAX = 2100;
const LOOK_BACK = 40;

const CLOCK_MINUTES = /[\s\u00a0\u202f]?[0-5]\d(?!\d)/y;

type Read = { quantity: Omit<Quantity, 'id'> | null; next: number };

/** Is `position` the start of one of the sentences (in text order)? */
function startsSentence(sentences: readonly Span[], position: number): boolean {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = sentences[mid]!.start;
    if (start === position) return true;
    if (start < position) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Does this word open its sentence (so that its capital says nothing)? */
function opensSentence(text: string, start: number, sentences: readonly Span[]): boolean {
  if (startsSentence(sentences, start)) return true;
  const before = text.slice(Math.max(0, start - 3), start).trimEnd();
  return before === '' || /[.!?:;«"“(\n—–-]$/.test(before);
}

function readQuantity(text: string, hit: RegExpExecArray, g: QuantityGrammar, sentences: readonly Span[]): Read {
  const position = hit.index;
  let end = position + hit[0].length;

  const number = readNumber(text, hit, g);
  if ('skipTo' in number) return { quantity: null, next: number.skipTo };
  const { value, form, scaled, plainInteger } = number;
  let { approx, unit } = number;
  end = number.end;
  // A unit already known is a currency prefix ("$5") or an attached unit ("500km").
  let what: 'count' | 'percent' | 'money' | 'number' = unit === null ? 'number' : hit.groups?.cur ? 'money' : 'count';

  let nounEnd = end;
  const percent = unit ? null : sticky(g.percentAfter, text, end);
  if (percent) {
    unit = 'percent';
    what = 'percent';
    end += percent[0].length;
  } else if (!unit) {
    const money = sticky(g.currencyAfter, text, end);
    const viaOf = money?.groups?.w !== undefined && money[0].trim().length > money.groups.w.length;
    if (money?.groups?.w && (!viaOf || scaled)) {
      unit = g.currencies.get(norm(money.groups.w)) ?? null;
      what = 'money';
      end += money[0].length;
    }
  }
  const compound = unit ? null : sticky(g.compoundUnitAfter, text, end);
  if (compound?.groups?.w) {
    unit = compound.groups.w;
    what = 'count';
    end += compound[0].length;
  }
  if (!unit) {
    let at = end;
    if (scaled) {
      const of = sticky(g.ofWordAfter, text, at);
      if (of) at += of[0].length;
    }
    const found = findNoun(text, at, g);
    if (found && 'not' in found) {
      // Past the clock time too: "15 h 30" is not followed by a quantity 30.
      const minutes = found.not === 'time' ? sticky(CLOCK_MINUTES, text, found.word.end) : null;
      return { quantity: null, next: minutes ? CLOCK_MINUTES.lastIndex : found.word.end };
    }
    if (found) {
      unit = lemmatize(found.noun.text, g);
      what = 'count';
      end = found.noun.end;
    }
  }
  nounEnd = end;

  // Number words count only with something counted ("deux civils", not "les deux").
  if (form === 'words' && !unit && !scaled) return { quantity: null, next: end };
  const before = wordBefore(text, position);
  const beforeLower = before ? norm(before.text) : '';
  if (before && g.nameCues.has(beforeLower)) return { quantity: null, next: end };
  if (form === 'digits' && plainInteger && !scaled) {
    // A year: "en 2018", "2018" alone; "2000 soldats" is a count unless a year cue precedes.
    const isYearLike = value >= YEAR_MIN && value <= YEAR_MAX;
    if (isYearLike && (what === 'number' || g.yearCues.has(beforeLower))) return { quantity: null, next: end };
    // A day of a month: "October 12", "le 12 octobre" (the latter stopped at the noun).
    if (before && g.monthWords.has(beforeLower) && (value <= 31 || isYearLike)) return { quantity: null, next: end };
  }
  let start = position;
  const approxBefore = g.approxBefore.exec(text.slice(Math.max(0, position - LOOK_BACK), position));
  const approxKind = approxBefore?.groups ? (['more_than', 'about', 'less_than'] as const).find((k) => approxBefore.groups![k] !== undefined) : undefined;
  if (approxBefore && approxKind) {
    approx = approxKind;
    start = position - (Math.min(LOOK_BACK, position) - approxBefore.index);
  } else {
    // "Boeing 747", "Mirage 2000": a capitalized word right before the number names a thing.
    const glued = before !== null && /^[\s\u00a0\u202f]?$/.test(text.slice(before.end, position));
    const known = g.stopWords.has(beforeLower) || g.skipWords.has(beforeLower);
    if (glued && isCapitalized(before.text) && !known && !opensSentence(text, before.start, sentences)) return { quantity: null, next: end };
    const after = sticky(g.approxAfter, text, end);
    if (after?.groups?.w) {
      approx = g.approxAfterKind.get(norm(after.groups.w)) ?? approx;
      end += after[0].length;
    }
  }

  const of = unit && g.measureNouns.has(norm(unit)) ? readOf(text, nounEnd, g) : null;
  return {
    quantity: {
      start,
      end,
      text: text.slice(start, end),
      value,
      approx,
      unit,
      of,
      rule: `${g.code}/${what}/${form}`,
    },
    next: nounEnd,
  };
}

/**
 * The quantities of a text: numbers in digits or words with what they count, their
 * approximation ("plus de", "about") and, for measures, what they are of. One scan of the
 * text finds every number; years, dates, clock times, ordinals, digit runs (phone numbers)
 * and numbers inside names are left out. Ids `n1`, `n2`… in text order.
 */
export function extractQuantities({ text, sentences, grammar: full }: QuantityExtractionInput): Quantity[] {
  const grammar = full.narrow && fitsNarrow(text) ? full.narrow : full;
  const found: Quantity[] = [];
  const { scanner } = grammar;
  scanner.lastIndex = 0;
  for (let hit = scanner.exec(text); hit; hit = scanner.exec(text)) {
    const { quantity: q, next } = readQuantity(text, hit, grammar, sentences);
    if (q) found.push({ id: `n${found.length + 1}`, start: q.start, end: q.end, text: q.text, value: q.value, approx: q.approx, unit: q.unit, of: q.of, rule: q.rule });
    scanner.lastIndex = Math.max(next, hit.index + 1);
  }
  return found;
}

