import type { KnowledgeBase, NameHit } from '../../kb/knowledge-base.js';
import type { KeyTrie } from '../../kb/trie.js';
import type { Unit } from './units.js';
import { firstStep } from './word-forms.js';

/** A KB name found in the text: units [first, last) and the entries it may name. */
export interface KbMatch {
  first: number;
  last: number;
  hits: NameHit[];
}

/**
 * Every sequence of `trie` starting at unit i within its sentence: `found(length, values)`
 * for each, shortest first (as `KeyTrie.walk` over the units' keys).
 */
export function walkUnits<T>(trie: KeyTrie<T>, units: readonly Unit[], i: number, found: (length: number, values: readonly T[]) => void): void {
  const u = units[i];
  if (u === undefined) return;
  let step = firstStep(trie, u.form);
  for (let j = i; step !== null; ) {
    if (step.values !== null) found(j - i + 1, step.values);
    const v = units[++j];
    if (v === undefined || v.sentence !== u.sentence || !trie.goesOn(step)) return;
    step = trie.next(step, v.key);
  }
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
    // a lower-case word only starts names the KB writes in lower case (`fits`)
    const trie = u.cap ? kb.names : kb.lowerNames;
    if (firstStep(trie, u.form) === null) continue;
    const m = longestAt(trie, units, i, (hit) => fits(hit, u, lang));
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

/** Keeps every value (`longestAt`). */
export const always = (): boolean => true;

/** The longest sequence of `trie` starting at unit i whose values pass `keep`. */
export function longestAt<T>(trie: KeyTrie<T>, units: readonly Unit[], i: number, keep: (v: T) => boolean): { first: number; last: number; hits: T[] } | null {
  const u = units[i];
  // most words start no name: ask before making the walk's closure
  if (u === undefined || firstStep(trie, u.form) === null) return null;
  let best: { first: number; last: number; hits: T[] } | null = null;
  walkUnits(trie, units, i, (length, values) => {
    const last = i + length;
    // a name never ends inside a hyphenated word ("Corée" in "Corée-du-Nord" is fine, "Nord" in "Nord-Coréens" is not)
    if ((units[last - 1] as Unit).joined) return;
    const hits = values.filter(keep);
    if (hits.length > 0) best = { first: i, last, hits };
  });
  return best;
}
