import type { LanguageData } from '../lang/types.js';
import { plainApostrophes } from './chars.js';
import { asObject, booleanField, stringList } from './lang-lists.js';

/** How words of a language split into tokens (`lang/<code>/tokens.json`), compiled. */
export interface TokenRules {
  /** Elided words with their apostrophe, lower case, apostrophe as ': `l'`, `jusqu'`. */
  readonly elisions: ReadonlySet<string>;
  /** Clitics split off the end of a word, lower case, apostrophe as ', longest first. */
  readonly suffixClitics: readonly string[];
  /** Words that end like a clitic but stay whole, lower case, apostrophe as '. */
  readonly keepWhole: ReadonlySet<string>;
  /** Letters after a number that make it one ordinal token (`1er`, `2nd`), lower case. */
  readonly ordinalSuffixes: ReadonlySet<string>;
  /** Whether a plain space separates groups of thousands (`1 000`). */
  readonly thousandsSpace: boolean;
}

function compile(raw: unknown, code: string): TokenRules {
  const file = `lang/${code}/tokens.json`;
  const obj = asObject(raw, file);
  const list = (field: string): string[] => stringList(obj, field, file).map((s) => plainApostrophes(s.toLowerCase()));
  return {
    elisions: new Set(list('elisions')),
    suffixClitics: list('suffixClitics').sort((a, b) => b.length - a.length || (a < b ? -1 : 1)),
    keepWhole: new Set(list('keepWhole')),
    ordinalSuffixes: new Set(list('ordinalSuffixes')),
    thousandsSpace: booleanField(obj, 'thousandsSpace', file, false),
  };
}

export function tokenRules(lang: LanguageData): TokenRules {
  return lang.compiled('tokens', compile);
}
