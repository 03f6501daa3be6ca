import type { KnowledgeBase, NameHit } from '../../kb/knowledge-base.js';
import type { KeyTrie } from '../../kb/trie.js';
import type { Unit } from './units.js';

/** A KB name found in the text: units [first, last) and the entries it may name. */
export interface KbMatch {
  first: number;
  last: number;
  hits: NameHit[];
}

/** The key of unit `i` for trie walks inside sentence `sentence`, or null past its end. */
export function keyReader(units: readonly Unit[], sentence: number): (i: number) => string | null {
  return (i) => {
    const u = units[i];
    if (!u || u.sentence !== sentence) return null;
    return u.key;
  };
}

/** Whether a KB name's first word may match the text's unit `u` (case shape and language). */
function fits(hit: NameHit, u: Unit, lang: string): boolean {
  if (hit.lang !== 'any' && hit.lang !== lang && (lang === 'fr' || lang === 'en')) return false;
  if (hit.shape === 'acronym') return u.upper || (u.text.length <= 2 && u.cap);
  if (hit.shape === 'cap') return u.cap;
  return true;
}

/**
 * KB names in the text, longest first at each word, not overlapping (left to right).
 * A name must start with a capital unless the KB writes it in lower case ("mer Noire").
 */
export function findKbNames(units: readonly Unit[], kb: KnowledgeBase, lang: string): KbMatch[] {
  const out: KbMatch[] = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as Unit;
    if (!u.word || startsInsideWord(units, i)) continue;
    const m = longestAt(kb.names, units, i, (hit) => fits(hit, u, lang));
    if (m) {
      out.push(m);
      i = m.last - 1;
    }
  }
  return out;
}

/** Unit i continues a hyphenated word ("Kremlin" in "anti-Kremlin"): no name starts there. */
export function startsInsideWord(units: readonly Unit[], i: number): boolean {
  const prev = units[i - 1];
  return prev !== undefined && prev.joined && !prev.elision;
}

/** The longest sequence of `trie` starting at unit i whose values pass `keep`. */
export function longestAt<T>(trie: KeyTrie<T>, units: readonly Unit[], i: number, keep: (v: T) => boolean): { first: number; last: number; hits: T[] } | null {
  let best: { first: number; last: number; hits: T[] } | null = null;
  const u = units[i];
  if (!u) return null;
  trie.walk(keyReader(units, u.sentence), i, (length, values) => {
    const last = i + length;
    // a name never ends inside a hyphenated word ("Corée" in "Corée-du-Nord" is fine, "Nord" in "Nord-Coréens" is not)
    if ((units[last - 1] as Unit).joined) return;
    const hits = values.filter(keep);
    if (hits.length > 0) best = { first: i, last, hits };
  });
  return best;
}
