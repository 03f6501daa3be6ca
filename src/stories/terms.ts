import { languageData } from '../lang/load.js';
import { fold } from './fold.js';

/** Letters, with inner apostrophes and hyphens; an elided article (`l’`, `qu’`) is cut off below. */
const WORD = /\p{L}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*/gu;
const ELISION = /^(?:[a-z]{1,2}|qu|jusqu|lorsqu|puisqu)['’]/;
/** English possessive: `Reid’s` → `reid`. */
const POSSESSIVE = /['’]s$/;
/** Words this short carry no story (`un`, `of`) or are initials. */
const MIN_LENGTH = 3;

function stopwords(language: string): ReadonlySet<string> {
  return languageData(language).compiled('stories', (raw) => {
    const list = (raw as { stopwords?: unknown } | null)?.stopwords;
    return new Set(Array.isArray(list) ? list.filter((w): w is string => typeof w === 'string').map(fold) : []);
  });
}

/**
 * A light, language-neutral stem: plural endings off, so `conteneurs`/`conteneur` and
 * `reports`/`report` meet. Deliberately crude: terms only need to meet their own variants.
 */
export function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('aux')) return `${word.slice(0, -3)}al`;
  if (word.length > 3 && /[^s][sx]$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * The content terms of a text, in order: folded, elisions and stop words removed, stemmed.
 * @example contentTerms("Les conteneurs d’armes livrés à la Russie", 'fr') // ['conteneur', 'arme', 'livre', 'russie']
 */
export function contentTerms(text: string, language: string): string[] {
  return termsOf(text, language).map((t) => t.term);
}

/** A content term and whether it was written as a name (capitalized inside a sentence). */
export interface Term {
  term: string;
  name: boolean;
}

/** Sentence starts: the text's start, or after . ! ? : or a line break (and any quotes or spaces). */
const SENTENCE_START = /(?:^|[.!?:\n])[\s"«“'(\[—–-]*$/;

/**
 * The content terms of a text with, for each, whether it is written as a name: capitalized
 * where a sentence does not start. Names are spelled alike across languages (`Burmistrov`,
 * `Lohan`), so they are the one kind of term that meets French and English reports.
 */
export function termsOf(text: string, language: string): Term[] {
  const stop = stopwords(language);
  const terms: Term[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = fold(match[0]).replace(ELISION, '').replace(POSSESSIVE, '');
    if (word.length < MIN_LENGTH || stop.has(word)) continue;
    const first = match[0][0] as string;
    const capitalized = first !== first.toLowerCase();
    const name = capitalized && !SENTENCE_START.test(text.slice(Math.max(0, match.index - 4), match.index));
    terms.push({ term: name ? word : stem(word), name });
  }
  return terms;
}
