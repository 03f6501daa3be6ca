import type { LanguageData } from '../lang/types.js';
import { plainApostrophes } from './chars.js';
import { asObject, stringList } from './lang-lists.js';

/**
 * What a word ending in a period is, for sentence splitting and tokenization:
 * `prefix` — a title that precedes a name (`M.`, `Dr.`): never ends a sentence;
 * `ambiguous` — may end one (`etc.`, `U.S.`): a sentence ends only before a sentence starter;
 * `initial` — a single capital letter (`J.` in `J. K. Rowling`): like `ambiguous`, stricter.
 */
export type AbbreviationKind = 'prefix' | 'ambiguous' | 'initial';

export interface Abbreviations {
  /** The kind of `word`, given with its final period (`M.`, `U.S.`, `J.-C.`), or null. */
  kind(word: string): AbbreviationKind | null;
  /** Words longer than this (final period included) are never abbreviations. */
  readonly maxLength: number;
}

// Letter-period acronyms that need no listing: `U.E.`, `e.g.`, `Ph.D.`, `J.-C.`, `N.D.L.R.`.
const ACRONYM = /^\p{L}{1,3}(?:\.-?\p{L}{1,3})+\.$/u;
const INITIAL = /^\p{Lu}\.$/u;
// Beyond any listed entry or plausible acronym; bounds the splitter's look-behind.
const MAX_LENGTH = 24;

function compile(raw: unknown, code: string): Abbreviations {
  const file = `lang/${code}/abbreviations.json`;
  const obj = asObject(raw, file);
  const kinds = new Map<string, AbbreviationKind>();
  const register = (entry: string, kind: AbbreviationKind): void => {
    for (const word of entry.split(/\s+/).filter(Boolean)) {
      const forms = word === word.toLowerCase() ? [word, word.charAt(0).toUpperCase() + word.slice(1)] : [word];
      // A word listed as a prefix stays a prefix even when another entry also holds it.
      for (const form of forms) if (kinds.get(form) !== 'prefix') kinds.set(form, kind);
    }
  };
  for (const entry of stringList(obj, 'ambiguous', file)) register(entry, 'ambiguous');
  for (const entry of stringList(obj, 'prefix', file)) register(entry, 'prefix');
  return {
    maxLength: MAX_LENGTH,
    kind(word: string): AbbreviationKind | null {
      if (word.length > MAX_LENGTH) return null;
      const listed = kinds.get(word);
      if (listed) return listed;
      if (INITIAL.test(word)) return 'initial';
      if (ACRONYM.test(word)) return 'ambiguous';
      return null;
    },
  };
}

/** The abbreviations of a language (`lang/<code>/abbreviations.json`), compiled once. */
export function abbreviations(lang: LanguageData): Abbreviations {
  return lang.compiled('abbreviations', compile);
}

function compileStarters(raw: unknown, code: string): ReadonlySet<string> {
  const file = `lang/${code}/sentence-starters.json`;
  return new Set(stringList(asObject(raw, file), 'starters', file).map(plainApostrophes));
}

/**
 * Words that begin a sentence after an ambiguous abbreviation (`lang/<code>/sentence-starters.json`),
 * apostrophes written as '.
 */
export function sentenceStarters(lang: LanguageData): ReadonlySet<string> {
  return lang.compiled('sentence-starters', compileStarters);
}
