import type { KnowledgeBase } from '../../kb/knowledge-base.js';
import { always, longestAt, startsInsideWord } from './find-kb-names.js';
import type { EntityLexicon, RoleHit } from './lexicon.js';
import type { Unit } from './units.js';

/** A demonym or role noun found at a unit: its length in units and what it says. */
export interface Span<T> {
  first: number;
  last: number;
  value: T;
}

/** Everything the steps of the analyzer share about one document. */
export interface Context {
  text: string;
  lang: string;
  date: string | null;
  units: Unit[];
  lex: EntityLexicon;
  kb: KnowledgeBase;
  /** The demonym starting at each unit ("nord-coréen" spans two units). */
  demonymAt: (Span<string> | undefined)[];
  /** The longest role noun starting at each unit. */
  roleAt: (Span<RoleHit> | undefined)[];
  /** Keys of capitalized words seen away from a sentence start: names, not sentence-initial words. */
  midCapKeys: Set<string>;
  /** Words seen in lower case (as written, not folded): a capitalized one of these is most likely a common word. */
  lowerWords: Set<string>;
}

export function buildContext(text: string, lang: string, date: string | null, units: Unit[], lex: EntityLexicon, kb: KnowledgeBase): Context {
  const demonymAt: (Span<string> | undefined)[] = new Array(units.length);
  const roleAt: (Span<RoleHit> | undefined)[] = new Array(units.length);
  const midCapKeys = new Set<string>();
  const lowerWords = new Set<string>();
  const inLang = (h: { lang: string }): boolean => h.lang === 'any' || h.lang === lang || (lang !== 'fr' && lang !== 'en');
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as Unit;
    if (!u.word || startsInsideWord(units, i)) continue;
    if (u.cap && !u.sentStart) midCapKeys.add(u.key);
    else if (!u.cap) lowerWords.add(u.lower);
    const d = longestAt(kb.demonyms, units, i, inLang);
    // a demonym shared by two countries says nothing about either
    const country = d?.hits[0]?.country;
    if (d && country !== undefined && d.hits.every((h) => h.country === country)) demonymAt[i] = { first: d.first, last: d.last, value: country };
    const r = longestAt(lex.roles, units, i, always);
    if (r) roleAt[i] = { first: r.first, last: r.last, value: r.hits[0] as RoleHit };
  }
  return { text, lang, date, units, lex, kb, demonymAt, roleAt, midCapKeys, lowerWords };
}
