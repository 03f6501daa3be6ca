import { lexiconKey } from './pattern.js';

/**
 * Which words a rule's match can begin with, read from its template: a set of word prefixes
 * (`tou` for "tous", `#` for a number), or `null` when it cannot be told (the rule is then
 * tried at every word). A word of the text is tried as a start only for the rules whose set
 * holds its prefix, which keeps the search to a few regex runs per anchor.
 */
export type FirstWords = Set<string> | null;

export const PREFIX_LENGTH = 3;
export const NUMBER_PREFIX = '#';

/** The prefix a word of the text is looked up by. */
export function wordPrefix(word: string): string {
  const c = word.charCodeAt(0);
  if (c >= 48 && c <= 57) return NUMBER_PREFIX;
  return lexiconKey(word).slice(0, PREFIX_LENGTH);
}

const NUMERIC = new Set(['day', 'year', 'yy', 'hour', 'minute', 'digits']);

/** Words a roman numeral can begin ("XXe", "XIXe", "Ve"): up to three of I, V, X, L, or two and "e". */
const ROMAN_PREFIXES = (() => {
  const out = new Set<string>();
  const grow = (s: string): void => {
    if (s) out.add(s);
    if (s && s.length < PREFIX_LENGTH) out.add(`${s}e`);
    if (s.length < PREFIX_LENGTH) for (const c of 'ivxl') grow(s + c);
  };
  grow('');
  return out;
})();

interface Result {
  first: FirstWords;
  nullable: boolean;
}

const union = (a: FirstWords, b: FirstWords): FirstWords => (a === null || b === null ? null : new Set([...a, ...b]));

/**
 * FIRST set of a template (the small regex dialect of lang/<code>/times.json): sequences,
 * groups, alternatives, `?`/`*`/`+`/`{m,n}`, lookarounds (zero-width), placeholders and
 * literal words. Anything else at the start makes the answer `null`.
 */
export function firstWords(template: string, categoryKeys: ReadonlyMap<string, readonly string[]>): FirstWords {
  let i = 0;

  const placeholderFirst = (name: string): FirstWords => {
    if (NUMERIC.has(name)) return new Set([NUMBER_PREFIX]);
    if (name === 'roman') return new Set(ROMAN_PREFIXES);
    const keys = categoryKeys.get(name);
    if (!keys) return null;
    return new Set(keys.map((k) => wordPrefix(lexiconKey(k).match(/[\p{L}\p{N}]+/u)?.[0] ?? '')));
  };

  // One atom: returns its FIRST set and whether it can match the empty string.
  const atom = (): Result => {
    const ch = template[i]!;
    if (ch === '(') {
      if (template.startsWith('(?=', i) || template.startsWith('(?!', i) || template.startsWith('(?<=', i) || template.startsWith('(?<!', i)) {
        skipGroup();
        return { first: new Set(), nullable: true };
      }
      if (template.startsWith('(?:', i)) i += 3;
      else if (template.startsWith('(?<', i)) i = template.indexOf('>', i) + 1;
      else i += 1;
      const r = alternatives();
      i += 1; // ')'
      return r;
    }
    if (ch === '{') {
      const close = template.indexOf('}', i);
      const name = template.slice(i + 1, close);
      i = close + 1;
      return { first: placeholderFirst(name), nullable: false };
    }
    if (ch === '\\') {
      const next = template[i + 1];
      i += next === 'p' || next === 'P' ? template.indexOf('}', i) - i + 1 : 2;
      if (next === 'd') return { first: new Set([NUMBER_PREFIX]), nullable: false };
      return { first: next === 's' ? new Set() : null, nullable: false };
    }
    if (ch === '[') {
      const close = template.indexOf(']', i + 1);
      const body = template.slice(i + 1, close);
      i = close + 1;
      if (/^[\d-]+$/.test(body)) return { first: new Set([NUMBER_PREFIX]), nullable: false };
      return { first: /^[\s,;:()'’.-]+$/.test(body.replace(/\\/g, '')) ? new Set() : null, nullable: false };
    }
    if (/[\p{L}]/u.test(ch)) {
      const word = /^[\p{L}]+/u.exec(template.slice(i))![0];
      i += 1; // one letter is one atom; the word gives the prefix
      const r: Result = { first: new Set([lexiconKey(word).slice(0, PREFIX_LENGTH)]), nullable: false };
      // The rest of the word follows as atoms that add nothing to FIRST.
      while (i < template.length && /[\p{L}]/u.test(template[i]!) && !/[?*+{]/.test(template[i + 1] ?? '')) i++;
      return r;
    }
    i += 1;
    if (/\d/.test(ch)) return { first: new Set([NUMBER_PREFIX]), nullable: false };
    if (ch === ' ' || ch === "'" || ch === '-') return { first: new Set(), nullable: false };
    return { first: null, nullable: false };
  };

  const skipGroup = (): void => {
    let depth = 0;
    for (; i < template.length; i++) {
      const c = template[i];
      if (c === '\\') { i++; continue; }
      if (c === '[') { i = template.indexOf(']', i + 1); continue; }
      if (c === '(') depth++;
      if (c === ')' && --depth === 0) { i++; return; }
    }
  };

  const quantified = (): Result => {
    const r = atom();
    const q = template[i];
    if (q === '?' || q === '*') { i++; if (template[i] === '?') i++; return { first: r.first, nullable: true }; }
    if (q === '+') { i++; return r; }
    if (q === '{' && /^\{\d+(,\d*)?\}/.test(template.slice(i))) {
      const m = /^\{(\d+)(,\d*)?\}/.exec(template.slice(i))!;
      i += m[0].length;
      return { first: r.first, nullable: r.nullable || m[1] === '0' };
    }
    return r;
  };

  const sequence = (): Result => {
    let first: FirstWords = new Set();
    let nullable = true;
    while (i < template.length && template[i] !== '|' && template[i] !== ')') {
      const r = quantified();
      if (nullable) first = union(first, r.first);
      nullable &&= r.nullable;
    }
    return { first, nullable };
  };

  const alternatives = (): Result => {
    let r = sequence();
    while (template[i] === '|') {
      i++;
      const next = sequence();
      r = { first: union(r.first, next.first), nullable: r.nullable || next.nullable };
    }
    return r;
  };

  const r = alternatives();
  return r.nullable ? null : r.first;
}
