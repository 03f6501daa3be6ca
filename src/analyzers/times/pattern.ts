/**
 * Turns the rule templates of `lang/<code>/times.json` into regular expressions.
 * A template is a regular expression (flags `iu`) where
 * - `{name}` is a named group: a lexicon category (`{month}` → every key of `lexicon.month`)
 *   or a built-in (`{day}`, `{year}`, `{yy}`, `{hour}`, `{minute}`, `{digits}`, `{roman}`);
 * - a space stands for any run of spaces (NBSP and narrow NBSP included), `'` for `'` or `’`.
 * Lexicon keys match without regard to case or accents ("Eté" finds "été").
 */

/** The class of characters a plain vowel or c can be written as. */
const ACCENTS: Record<string, string> = {
  a: 'aàâä', e: 'eéèêë', i: 'iîï', o: 'oôö', u: 'uùûü', c: 'cç', y: 'yÿ',
};

// Accented letters folded to their base letter (a table: faster than NFD on every word).
const FOLD: Record<string, string> = {};
for (const [base, accented] of Object.entries(ACCENTS)) for (const ch of accented.slice(1)) FOLD[ch] = base;
const FOLDABLE = /[àâäéèêëîïôöùûüçÿ’‘]/g;

/** Keys already made: the same few words (months, units, weekdays) are looked up again and again. */
const KEYS = new Map<string, string>();
const MAX_KEYS = 10_000;

/** Lower case, `’` → `'`, no accents, single spaces: the form lexicon lookups use. */
export function lexiconKey(text: string): string {
  const known = KEYS.get(text);
  if (known !== undefined) return known;
  let key = text.toLowerCase();
  if (!/^[a-z]*$/.test(key)) {
    key = key.replace(FOLDABLE, (ch) => (ch === '’' || ch === '‘' ? "'" : FOLD[ch]!));
    if (/[^\x00-\x7f]/.test(key)) key = key.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    key = key.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  }
  if (text.length <= 40) {
    if (KEYS.size >= MAX_KEYS) KEYS.clear();
    KEYS.set(text, key);
  }
  return key;
}

export const SPACE = '[\\s\\u00a0\\u202f]+';
const APOSTROPHE = "['’]";

/** A lexicon key as a regex source that ignores accents and accepts any space and apostrophe. */
export function keySource(key: string): string {
  let out = '';
  for (const ch of lexiconKey(key)) {
    if (ch === ' ') out += SPACE;
    else if (ch === "'") out += APOSTROPHE;
    else if (ACCENTS[ch]) out += `[${ACCENTS[ch]}]`;
    else out += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return out;
}

/** An alternation of keys, longest first so that "dix-huit" is tried before "dix". */
export function alternation(keys: Iterable<string>): string {
  const sources = [...new Set([...keys].map(keySource))];
  sources.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return sources.join('|');
}

export const BUILTINS: Record<string, string> = {
  day: '(?<day>3[01]|[12]\\d|0?[1-9])(?:er|ᵉʳ|st|nd|rd|th)?',
  year: '(?<year>1\\d{3}|20\\d{2})',
  yy: "(?<yy>\\d{2})",
  hour: '(?<hour>2[0-3]|[01]?\\d)',
  minute: '(?<minute>[0-5]\\d)',
  digits: '(?<digits>\\d{1,6}(?:[.,]\\d{1,3})?)',
  roman: '(?<roman>[IVXL]{1,6})',
};

/** Word boundaries that know letters beyond ASCII; a hyphen glued to a word joins it. */
export const WORD_START = '(?<![\\p{L}\\p{N}_]|[\\p{L}\\p{N}]-)';
export const WORD_END = '(?![\\p{L}\\p{N}_]|-[\\p{L}\\p{N}])';

/**
 * The regex source of a template, without the outer word boundaries.
 * Throws (naming the placeholder) when a `{name}` is neither built in nor in the lexicon.
 */
export function templateSource(template: string, categories: ReadonlyMap<string, string>): string {
  let out = '';
  let i = 0;
  const used = new Set<string>();
  while (i < template.length) {
    const ch = template[i]!;
    if (ch === '\\') {
      // An escape; \p{L} keeps its braces.
      const property = /^\\[pP]\{[^}]*\}/.exec(template.slice(i, i + 40));
      const length = property ? property[0].length : 2;
      out += template.slice(i, i + length);
      i += length;
      continue;
    }
    if (ch === '{') {
      const close = template.indexOf('}', i);
      const name = template.slice(i + 1, close);
      if (close > 0 && /^[a-z]+$/i.test(name)) {
        const builtin = BUILTINS[name];
        const keys = categories.get(name);
        let source: string;
        if (builtin) source = builtin;
        else if (keys !== undefined) source = `(?<${name}>${keys})`;
        else throw new Error(`unknown placeholder {${name}}`);
        // A name appears once per regex: a second {digits} in another branch is not captured.
        out += used.has(name) ? source.replace(/\(\?<([A-Za-z_]\w*)>/g, '(?:') : source;
        used.add(name);
        i = close + 1;
        continue;
      }
    }
    if (ch === ' ') out += SPACE;
    else if (ch === "'") out += APOSTROPHE;
    else out += ch;
    i += 1;
  }
  return out;
}

/**
 * A lookbehind that requires one of `words` (a template: "en|depuis|d'|\\(") just before a
 * match, after spaces or an apostrophe. Words that start with a letter must start a word;
 * punctuation may touch the match.
 */
export function precededBy(words: string): string {
  const alternatives = words.split('|').map((w) => templateSource(w, new Map()));
  const wordy = alternatives.filter((w) => /^\p{L}/u.test(w.replace(/^\[[^\]]*\]/, 'a')));
  const others = alternatives.filter((w) => !wordy.includes(w));
  const branches = [];
  if (wordy.length) branches.push(`${WORD_START}(?:${wordy.join('|')})(?:${SPACE}|(?<=['’]))`);
  if (others.length) branches.push(`(?:${others.join('|')})[\\s\\u00a0\\u202f]*`);
  return `(?<=${branches.join('|')})`;
}

/** A lookbehind that forbids `pattern` (a raw regex, e.g. "âgée?s? de") just before a match. */
export function notPrecededBy(pattern: string): string {
  return `(?<!(?:${templateSource(pattern, new Map())})[\\s\\u00a0\\u202f]*)`;
}
