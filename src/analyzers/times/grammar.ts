import { firstWords, NUMBER_PREFIX } from './first.js';
import { compileNow, wordRegex, narrowRegex, type WordRegex } from '../../text/narrow-regex.js';
import { compileWordTrie, type WordTrie } from './words.js';
import { alternation, lexiconKey, notPrecededBy, precededBy, templateSource, WORD_END, WORD_START } from './pattern.js';

/** The interpreters a rule can name; each lives in `interpret-*.ts`. */
export const KINDS = [
  'date', 'month', 'year', 'decade', 'century', 'season', 'weekday', 'relative-day', 'relative-unit',
  'ago', 'later', 'duration', 'set', 'ref', 'clock', 'part-of-day', 'chrono', 'ignore',
] as const;
export type Kind = (typeof KINDS)[number];

export type Tense = 'past' | 'present' | 'future';

/** One rule as written in `lang/<code>/times.json`. */
export interface TimeRuleData {
  /** Stable id, `fr/weekday`; the interpreter appends how it resolved (`fr/weekday/past-tense`). */
  id: string;
  kind: Kind;
  /** The template (see pattern.ts). */
  match: string;
  /** The match must follow one of these words ("en|depuis"), which stay outside the span. */
  after?: string;
  /** The match must not follow this regex. */
  notAfter?: string;
  /** Fixed parameters for the interpreter (e.g. `{ "unit": "WE" }`). */
  params?: Record<string, string | number>;
  /** A phrase the rule matches, checked by the tests. */
  example: string;
}

export interface TimesData {
  /** Words that let a rule without a strong lexicon category be found ("veille", "tonight"). */
  anchorWords?: string[];
  /** Lexicon categories whose words count only when capitalized (English "May", not "may"). */
  capitalized?: string[];
  lexicon: Record<string, Record<string, string | number>>;
  tense: { tense: Tense; match: string }[];
  rules: TimeRuleData[];
}

export interface CompiledRule {
  id: string;
  kind: Kind;
  params: Readonly<Record<string, string | number>>;
  /** Sticky: tried at a candidate position. */
  regex: RegExp;
  /** The same, for texts that `fitsNarrow` (text/narrow-regex.ts): faster to compile, same matches there. */
  narrow: RegExp;
  example: string;
  /** Index in `TimeGrammar.rules` (data order breaks ties). */
  index: number;
  /** The bits (`TimeGrammar.categoryBits`) of the anchor categories that let it be tried. */
  anchorMask: number;
}

/** A language's compiled times grammar. */
export interface TimeGrammar {
  code: string;
  rules: CompiledRule[];
  /**
   * Anchors: a word token (lexiconKey of one token) → the categories it stands for. A rule is
   * tried only near a token of one of its categories (`rulesByCategory`); `digit` is any number.
   */
  anchors: ReadonlyMap<string, readonly string[]>;
  rulesByCategory: ReadonlyMap<string, readonly CompiledRule[]>;
  /** One bit per category of `rulesByCategory`: a set of categories is a number (scan.ts). */
  categoryBits: ReadonlyMap<string, number>;
  /** The rules a match can begin with a word of this prefix (see first.ts); `#` for numbers. */
  rulesByPrefix: ReadonlyMap<string, readonly CompiledRule[]>;
  /** `anchors` and `rulesByPrefix` as a trie over folded characters (words.ts). */
  words: WordTrie;
  /**
   * Sticky, narrow build: does any rule that can begin with a number match here? Most numbers
   * start no time expression; one run of this instead of one per rule rules them out.
   */
  numberTest: RegExp | null;
  /** Tense markers of a sentence: one named group per marker, `p0`, `p1`… */
  tenseScanner: WordRegex | null;
  tenseOf: Tense[];
  /** `lexicon[category].get(lexiconKey(text))`. */
  lexicon: ReadonlyMap<string, ReadonlyMap<string, string | number>>;
  capitalized: ReadonlySet<string>;
}

/**
 * Categories that never make a time expression alone ("deux", "dernier", "ce", "début"):
 * their words do not anchor a search.
 */
const WEAK_CATEGORIES = new Set(['number', 'vague', 'deictic', 'direction', 'mod', 'meridiem']);

/** Placeholders that stand for digits. */
const DIGIT_BUILTINS = new Set(['day', 'year', 'yy', 'hour', 'minute', 'digits']);

export const DIGIT = 'digit';
export const LITERAL = 'literal';

/** Splits text the way anchors are looked up: runs of letters and digits, lexiconKey form. */
export const TOKEN = /[\p{L}\p{N}]+/gu;

function tokens(text: string): string[] {
  return lexiconKey(text).match(TOKEN) ?? [];
}

/** The anchor token of every strong lexicon key (its longest token: "à présent" → "present"). */
function anchorTokens(data: Partial<TimesData>, code: string): Map<string, string[]> {
  const anchors = new Map<string, string[]>();
  const add = (token: string, category: string) => {
    const list = anchors.get(token) ?? [];
    if (!list.includes(category)) list.push(category);
    anchors.set(token, list);
  };
  for (const [category, entries] of Object.entries(data.lexicon ?? {})) {
    if (WEAK_CATEGORIES.has(category)) continue;
    for (const key of Object.keys(entries)) {
      const longest = tokens(key).sort((a, b) => b.length - a.length)[0];
      if (!longest) fail(code, `lexicon.${category}: key "${key}" has no letters`);
      add(longest, category);
    }
  }
  for (const word of data.anchorWords ?? []) for (const t of tokens(word)) add(t, LITERAL);
  return anchors;
}

/** The anchor categories of a template: its strong placeholders, digits, and anchor words it spells out. */
function ruleCategories(template: string, anchors: ReadonlyMap<string, readonly string[]>): Set<string> {
  const found = new Set<string>();
  for (const [, name] of template.matchAll(/\{([a-z]+)\}/gi)) {
    if (DIGIT_BUILTINS.has(name!)) found.add(DIGIT);
    else if (!WEAK_CATEGORIES.has(name!) && name !== 'roman') found.add(name!);
  }
  if (/\\d/.test(template)) found.add(DIGIT);
  const literal = template.replace(/\{[a-z]+\}/gi, ' ').replace(/\\p\{[^}]*\}/g, ' ');
  for (const word of tokens(literal)) for (const category of anchors.get(word) ?? []) found.add(category);
  return found;
}

/**
 * The rules by the prefix of the word their match can begin with. A rule whose first word
 * cannot be told from its template is listed under every prefix its lexicon and templates
 * could produce, so that it is still tried everywhere a match could start.
 */
function byPrefix(rules: readonly CompiledRule[], data: TimesData): Map<string, CompiledRule[]> {
  const keys = new Map(Object.entries(data.lexicon).map(([category, entries]) => [category, Object.keys(entries)]));
  const map = new Map<string, CompiledRule[]>();
  const open: CompiledRule[] = [];
  for (const rule of rules) {
    const first = firstWords(data.rules[rule.index]!.match, keys);
    if (first === null) {
      open.push(rule);
      continue;
    }
    for (const prefix of first) map.set(prefix, [...(map.get(prefix) ?? []), rule]);
  }
  if (open.length) {
    // Rare: every prefix gets them, and so does any other word (OPEN_PREFIX).
    for (const [prefix, list] of map) map.set(prefix, [...list, ...open].sort((a, b) => a.index - b.index));
    map.set(OPEN_PREFIX, open);
  }
  return map;
}

/** Anchor categories a grammar may have: each is a bit of a 32-bit integer. */
const MAX_CATEGORIES = 31;

/** The key of the rules to try at a word whose prefix no rule names. */
export const OPEN_PREFIX = '*';

function fail(code: string, message: string): never {
  throw new Error(`lang/${code}/times.json: ${message}`);
}

/** Validates and compiles `lang/<code>/times.json` (null when the language has none: no rules). */
export function compileTimes(raw: unknown, code: string): TimeGrammar {
  if (raw === null) {
    return { code, rules: [], anchors: new Map(), rulesByCategory: new Map(), categoryBits: new Map(), rulesByPrefix: new Map(), words: compileWordTrie(new Map(), new Map(), new Map()), numberTest: null, tenseScanner: null, tenseOf: [], lexicon: new Map(), capitalized: new Set() };
  }
  const data = raw as Partial<TimesData>;
  if (typeof data !== 'object' || !data.lexicon || !Array.isArray(data.rules)) fail(code, 'needs "lexicon" and "rules"');

  const lexicon = new Map<string, Map<string, string | number>>();
  const categories = new Map<string, string>();
  for (const [category, entries] of Object.entries(data.lexicon)) {
    const map = new Map<string, string | number>();
    for (const [key, value] of Object.entries(entries)) map.set(lexiconKey(key), value);
    lexicon.set(category, map);
    categories.set(category, alternation(Object.keys(entries)));
  }

  const anchors = anchorTokens(data, code);
  const rules: CompiledRule[] = [];
  const rulesByCategory = new Map<string, CompiledRule[]>();
  const ids = new Set<string>();
  for (const [i, rule] of data.rules.entries()) {
    if (!rule.id || ids.has(rule.id)) fail(code, `rule ${i}: missing or duplicate id ${rule.id}`);
    ids.add(rule.id);
    if (!KINDS.includes(rule.kind)) fail(code, `rule ${rule.id}: unknown kind "${rule.kind}"`);
    let body: string;
    try {
      body = templateSource(rule.match, categories);
    } catch (e) {
      fail(code, `rule ${rule.id}: ${(e as Error).message}`);
    }
    const guards = (rule.after ? precededBy(rule.after) : '') + (rule.notAfter ? notPrecededBy(rule.notAfter) : '');
    const source = `${WORD_START}${guards}(?:${body})${WORD_END}`;
    let compiled: CompiledRule;
    try {
      compiled = { id: rule.id, kind: rule.kind, params: rule.params ?? {}, regex: new RegExp(source, 'iuy'), narrow: narrowRegex(source, 'iuy'), example: rule.example, index: i, anchorMask: 0 };
    } catch (e) {
      fail(code, `rule ${rule.id}: ${(e as Error).message}`);
    }
    rules.push(compiled);
    const found = ruleCategories(rule.match, anchors);
    if (found.size === 0) fail(code, `rule ${rule.id} has no anchor: use a strong lexicon category, a number, or a word of "anchorWords"`);
    for (const category of found) {
      const list = rulesByCategory.get(category) ?? [];
      list.push(compiled);
      rulesByCategory.set(category, list);
    }
  }

  const categoryBits = new Map<string, number>();
  for (const [category, list] of rulesByCategory) {
    if (categoryBits.size === MAX_CATEGORIES) fail(code, `more than ${MAX_CATEGORIES} anchor categories`);
    const bit = 1 << categoryBits.size;
    categoryBits.set(category, bit);
    for (const rule of list) rule.anchorMask |= bit;
  }

  const tense = data.tense ?? [];
  const tenseScanner = tense.length
    ? // One word-start test for every marker (zero-width, so each group's text is the same).
      wordRegex(`${WORD_START}(?:${tense.map((t, i) => `(?<p${i}>(?:${templateSource(t.match, categories)})${WORD_END})`).join('|')})`, 'giu')
    : null;
  const rulesByPrefix = byPrefix(rules, data as TimesData);
  const numberRules = rulesByPrefix.get(NUMBER_PREFIX) ?? [];
  // Group names are dropped: a name may appear once per regex.
  const numberTest = numberRules.length > 2 ? narrowRegex(numberRules.map((r) => `(?:${r.regex.source.replace(/\(\?<([A-Za-z_]\w*)>/g, '(?:')})`).join('|'), 'iuy') : null;
  compileNow([...rules.map((r) => r.narrow), ...(tenseScanner ? [tenseScanner.narrow] : []), ...(numberTest ? [numberTest] : [])]);
  return { code, rules, anchors, rulesByCategory, categoryBits, rulesByPrefix, words: compileWordTrie(anchors, rulesByPrefix, categoryBits), numberTest, tenseScanner, tenseOf: tense.map((t) => t.tense), lexicon, capitalized: new Set(data.capitalized ?? []) };
}

/** The lexicon value of `text` in `category`, or undefined. */
export function lookup(grammar: TimeGrammar, category: string, text: string | undefined): string | number | undefined {
  if (text === undefined) return undefined;
  if (grammar.capitalized.has(category) && text[0] !== text[0]?.toUpperCase()) return undefined;
  return grammar.lexicon.get(category)?.get(lexiconKey(text));
}
