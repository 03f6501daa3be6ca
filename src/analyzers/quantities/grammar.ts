/**
 * The compiled form of `lang/<code>/quantities.json`: word lists as sets and maps, and the
 * few regexes the extractor runs (one scanner over the text, sticky matchers after a number).
 */
import { compileNow, narrowRegex } from '../../text/narrow-regex.js';
import { firstChars, type FirstChars } from './first-chars.js';

export type Approx = 'more_than' | 'less_than' | 'about' | 'exact';

export interface QuantitiesData {
  digits: { group: string[]; decimal: string; minGroupLength?: number };
  headNoun: 'first' | 'plural-run';
  numberWords: Record<string, number>;
  articleWords: string[];
  /** Number words that only continue a number ("vingt et un"), never start one. */
  continuationWords?: string[];
  scales: Record<string, number>;
  approxNouns: Record<string, number>;
  vagueDeterminers: string[];
  approx: Record<Exclude<Approx, 'exact'>, string[]>;
  approxAfter: Record<string, Exclude<Approx, 'exact'>>;
  percent: string[];
  currencies: Record<string, string>;
  currencyPrefixes: Record<string, string>;
  ofWords: string[];
  /** Determiners skipped at the start of an `of` complement ("8 % de ses effectifs" → effectifs). */
  ofDeterminers?: string[];
  /** Units written with a slash or sign, read whole after a number ("80 km/h"). */
  compoundUnits?: string[];
  coordinators: string[];
  /** An `of` complement stops at a word with one of these endings (a participle: "livrés"). */
  ofStopSuffixes: string[];
  attachedUnits: Record<string, string>;
  /** A regex: what after a number makes it a clock time ("3 p.m.", "15 h"). */
  clockAfter?: string;
  skipWords: string[];
  stopWords: string[];
  timeUnits: string[];
  monthWords: string[];
  measureNouns: string[];
  yearCues: string[];
  nameCues: string[];
  lemma: { invariant: string[]; irregular: Record<string, string>; suffixes: [string, string][] };
}

export interface QuantityGrammar {
  code: string;
  headNoun: 'first' | 'plural-run';
  /** Finds where a number starts: groups `cur` + `digits`, `words`, `article`, [`vague`] + `vagueNoun`. */
  scanner: RegExp;
  decimal: string;
  groupChars: string;
  numberWords: ReadonlyMap<string, number>;
  /** Global: the number words inside a `words` match, longest first. */
  numberWordPattern: RegExp;
  scales: ReadonlyMap<string, number>;
  approxNouns: ReadonlyMap<string, number>;
  /** Sticky matchers tried right after a number. */
  scaleAfter: RegExp;
  approxNounAfter: RegExp;
  percentAfter: RegExp;
  currencyAfter: RegExp;
  ofWordAfter: RegExp;
  ofDeterminerAfter: RegExp;
  compoundUnitAfter: RegExp;
  /** "des dizaines de milliers": a scale word after "de" following an approximate noun. */
  ofScaleAfter: RegExp;
  approxAfter: RegExp;
  /** Matches an approximation word at the end of the text before a number. */
  approxBefore: RegExp;
  approxAfterKind: ReadonlyMap<string, Exclude<Approx, 'exact'>>;
  currencies: ReadonlyMap<string, string>;
  currencyPrefixes: ReadonlyMap<string, string>;
  attachedUnits: ReadonlyMap<string, string>;
  clockAfter: RegExp;
  coordinators: ReadonlySet<string>;
  ofStop: RegExp;
  skipWords: ReadonlySet<string>;
  stopWords: ReadonlySet<string>;
  timeUnits: ReadonlySet<string>;
  monthWords: ReadonlySet<string>;
  measureNouns: ReadonlySet<string>;
  yearCues: ReadonlySet<string>;
  nameCues: ReadonlySet<string>;
  lemma: { invariant: ReadonlySet<string>; irregular: ReadonlyMap<string, string>; suffixes: readonly [string, string][] };
  /** The same with regexes that are faster to compile, for texts that `fitsNarrow` (text/narrow-regex.ts). */
  narrow?: QuantityGrammar;
}

export const SPACE = '[\\s\\u00a0\\u202f]';

/** The first characters of the sticky matchers built from word lists (see first-chars.ts). */
export const FIRST_CHARS = new WeakMap<RegExp, FirstChars>();

/** Lower case with straight apostrophes: the form every list is looked up in. */
export function norm(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('’') || lower.includes('‘') ? lower.replace(/[’‘]/g, "'") : lower;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Alternation of phrases, longest first; spaces match any spacing, ' any apostrophe. */
export function alternation(phrases: Iterable<string>): string {
  const sources = [...new Set([...phrases].map((p) => escape(norm(p)).replace(/ /g, `${SPACE}+`).replace(/'/g, "['’]")))];
  return sources.sort((a, b) => b.length - a.length).join('|') || '(?!)';
}

const WORD_END = '(?![\\p{L}\\p{N}_])';

function fail(code: string, message: string): never {
  throw new Error(`lang/${code}/quantities.json: ${message}`);
}

const lowerSet = (words: string[] | undefined): Set<string> => new Set((words ?? []).map(norm));
const lowerMap = <V>(record: Record<string, V> | undefined): Map<string, V> => new Map(Object.entries(record ?? {}).map(([k, v]) => [norm(k), v]));

/**
 * Validates and compiles the data; a language without the file gets a grammar that finds nothing.
 * `narrow` holds the same grammar with the narrow regex builds (text/narrow-regex.ts).
 */
export function compileQuantities(raw: unknown, code: string): QuantityGrammar {
  const full = buildGrammar(raw, code, (source, flags) => new RegExp(source, flags));
  const narrow = buildGrammar(raw, code, narrowRegex);
  compileNow(regexesOf(narrow));
  return { ...full, narrow };
}

function regexesOf(grammar: QuantityGrammar): RegExp[] {
  return Object.values(grammar).filter((v): v is RegExp => v instanceof RegExp);
}

function buildGrammar(raw: unknown, code: string, re: (source: string, flags: string) => RegExp): QuantityGrammar {
  const d = (raw ?? {}) as Partial<QuantitiesData>;
  if (raw !== null && (!d.digits || !d.numberWords || !d.approx)) fail(code, 'needs "digits", "numberWords" and "approx"');
  const group = d.digits?.group ?? [];
  const decimal = d.digits?.decimal ?? '.';
  const groupClass = group.length ? `[${group.map(escape).join('')}]` : '(?!)';
  const digits = raw === null
    ? '(?!)'
    : `\\d{1,3}(?:${groupClass}\\d{3})+(?:${escape(decimal)}\\d+)?(?!\\d)|\\d+(?:${escape(decimal)}\\d+)?`;
  const articles = lowerSet(d.articleWords);
  const continuations = lowerSet(d.continuationWords);
  const words = Object.keys(d.numberWords ?? {}).filter((w) => !articles.has(norm(w)) && !continuations.has(norm(w)));
  const nextWords = alternation(Object.keys(d.numberWords ?? {}).filter((w) => !articles.has(norm(w))));
  const scalesAndNouns = alternation([...Object.keys(d.scales ?? {}), ...Object.keys(d.approxNouns ?? {})]);
  const wordAlt = alternation(words);
  const prefixes = alternation(Object.keys(d.currencyPrefixes ?? {}));
  const start = '(?<![\\p{L}\\p{N}_]|[\\p{N}][.,]|[\\p{L}\\p{N}][-/])';
  // One lookbehind for all forms: a number never starts inside a word or another number.
  const scanner = re(
    `${start}(?:${[
      `(?:(?<cur>${prefixes})${SPACE}?)?(?<digits>${digits})`,
      `(?<words>(?:${wordAlt})(?:(?:${SPACE}*-${SPACE}*|${SPACE}+)(?:${nextWords}))*)${WORD_END}(?!-)`,
      `(?<article>${alternation(articles)})(?=${SPACE}+(?:${scalesAndNouns})${WORD_END})`,
      `(?:(?<vague>${alternation(d.vagueDeterminers ?? [])})${SPACE}+)?(?<vagueNoun>${scalesAndNouns})${WORD_END}`,
    ].join('|')})`,
    'giu',
  );
  // A phrase ending in an elision ("d'") may touch the next word.
  const after = (alt: string) => re(`${SPACE}*(?:${alt})(?:(?<=['’])|${WORD_END})`, 'iuy');
  // The sticky matchers that begin (after spaces) with a word of a list: sticky() runs them only
  // where such a word can begin (first-chars.ts).
  const listed = (regex: RegExp, ...lists: (readonly string[] | undefined)[]): RegExp => {
    FIRST_CHARS.set(regex, firstChars(lists.flatMap((list) => (list ?? []).map(norm))));
    return regex;
  };
  const approx = d.approx ?? { more_than: [], about: [], less_than: [] };
  return {
    code,
    headNoun: d.headNoun ?? 'first',
    scanner,
    decimal,
    groupChars: group.join(''),
    numberWords: lowerMap(d.numberWords),
    numberWordPattern: re(`(?<![\\p{L}])(?:${alternation(Object.keys(d.numberWords ?? {}))})(?![\\p{L}])`, 'giu'),
    scales: lowerMap(d.scales),
    approxNouns: lowerMap(d.approxNouns),
    scaleAfter: listed(re(`${SPACE}+(?<w>${alternation(Object.keys(d.scales ?? {}))})${WORD_END}`, 'iuy'), Object.keys(d.scales ?? {})),
    approxNounAfter: listed(re(`${SPACE}+(?<w>${alternation(Object.keys(d.approxNouns ?? {}))})${WORD_END}`, 'iuy'), Object.keys(d.approxNouns ?? {})),
    percentAfter: listed(re(`${SPACE}*(?:${alternation(d.percent ?? [])})(?![\\p{L}\\p{N}_])`, 'iuy'), d.percent),
    currencyAfter: listed(re(`${SPACE}*(?:(?:${alternation(d.ofWords ?? [])})${SPACE}*)?(?<w>${alternation(Object.keys(d.currencies ?? {}))})(?![\\p{L}\\p{N}_])`, 'iuy'), d.ofWords, Object.keys(d.currencies ?? {})),
    ofWordAfter: listed(after(alternation(d.ofWords ?? [])), d.ofWords),
    ofDeterminerAfter: after(alternation(d.ofDeterminers ?? [])),
    compoundUnitAfter: listed(re(`${SPACE}*(?<w>${alternation(d.compoundUnits ?? [])})(?![\\p{L}\\p{N}_])`, 'iuy'), d.compoundUnits),
    ofScaleAfter: listed(re(`${SPACE}+(?:${alternation(d.ofWords ?? [])})${SPACE}*(?<w>${alternation(Object.keys(d.scales ?? {}))})${WORD_END}`, 'iuy'), d.ofWords),
    approxAfter: listed(re(`${SPACE}+(?<w>${alternation(Object.keys(d.approxAfter ?? {}))})${WORD_END}`, 'iuy'), Object.keys(d.approxAfter ?? {})),
    approxBefore: re(
      `(?<![\\p{L}])(?:(?<more_than>${alternation(approx.more_than)})|(?<about>${alternation(approx.about)})|(?<less_than>${alternation(approx.less_than)}))(?:${SPACE}+|(?<=['’]))$`,
      'iu',
    ),
    approxAfterKind: lowerMap(d.approxAfter),
    currencies: lowerMap(d.currencies),
    currencyPrefixes: lowerMap(d.currencyPrefixes),
    attachedUnits: lowerMap(d.attachedUnits),
    clockAfter: re(d.clockAfter ?? '(?!)', 'iuy'),
    coordinators: lowerSet(d.coordinators),
    ofStop: re(`^\\p{L}{3,}(?:${alternation(d.ofStopSuffixes ?? [])})$`, 'u'),
    skipWords: lowerSet(d.skipWords),
    stopWords: lowerSet(d.stopWords),
    timeUnits: lowerSet(d.timeUnits),
    monthWords: lowerSet(d.monthWords),
    measureNouns: lowerSet(d.measureNouns),
    yearCues: lowerSet(d.yearCues),
    nameCues: lowerSet(d.nameCues),
    lemma: {
      invariant: lowerSet(d.lemma?.invariant),
      irregular: lowerMap(d.lemma?.irregular),
      suffixes: d.lemma?.suffixes ?? [],
    },
  };
}
