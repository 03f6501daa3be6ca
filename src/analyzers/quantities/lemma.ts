import type { QuantityGrammar } from './grammar.js';
import { norm } from './grammar.js';

/**
 * The singular lemma of a counted noun, by the language's data: irregular forms, words that
 * do not change, then the first matching suffix rule ("conteneurs" → "conteneur", "hôpitaux"
 * → "hôpital", "civilians" → "civilian"). Lower case, except acronyms ("ONG").
 */
export function lemmatize(word: string, grammar: QuantityGrammar): string {
  let cache = CACHES.get(grammar);
  if (!cache) {
    cache = new Map();
    CACHES.set(grammar, cache);
  }
  let lemma = cache.get(word);
  if (lemma === undefined) {
    lemma = lemmaOf(word, grammar);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(word, lemma);
  }
  return lemma;
}

/** Lemmas already made, per grammar: counted nouns repeat ("personnes", "euros", "morts"). */
const CACHES = new WeakMap<QuantityGrammar, Map<string, string>>();
const MAX_CACHED = 10_000;

function lemmaOf(word: string, grammar: QuantityGrammar): string {
  if (/^\p{Lu}{2,}s?$/u.test(word)) return word.replace(/s$/, '');
  // "sapeurs-pompiers" → "sapeur-pompier", "week-ends" → "week-end": each part on its own.
  if (word.includes('-') && !grammar.lemma.irregular.has(norm(word)) && !grammar.lemma.invariant.has(norm(word))) {
    return word.split('-').map((part) => (part ? lemmatizeWord(part, grammar) : part)).join('-');
  }
  return lemmatizeWord(word, grammar);
}

function lemmatizeWord(word: string, grammar: QuantityGrammar): string {
  const w = norm(word);
  const { invariant, irregular, suffixes } = grammar.lemma;
  const irregularForm = irregular.get(w);
  if (irregularForm !== undefined) return irregularForm;
  if (invariant.has(w)) return w;
  for (const [suffix, replacement] of suffixes) {
    if (w.length > suffix.length + 1 && w.endsWith(suffix)) return w.slice(0, w.length - suffix.length) + replacement;
  }
  return w;
}
