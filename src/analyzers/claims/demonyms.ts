import { keysOf, loadKnowledgeBase } from '../../kb/knowledge-base.js';
import type { Words } from '../attribution/words.js';

/**
 * The countries named by demonyms among words [a, b) ("les allégations américaines" → USA),
 * from the knowledge base's demonyms of the language.
 */
export function demonymCountries(words: Words, a: number, b: number, lang: string): Set<string> {
  const kb = loadKnowledgeBase();
  const keys: string[] = [];
  for (let i = a; i < b; i++) keys.push(...keysOf(words.at(i)!.text));
  const out = new Set<string>();
  for (let p = 0; p < keys.length; p++) {
    kb.demonyms.walk((x) => keys[x] ?? null, p, (_len, values) => {
      const countries = new Set(values.filter((v) => v.lang === lang || v.lang === 'any').map((v) => v.country));
      // a demonym shared by two countries names neither
      if (countries.size === 1) out.add([...countries][0]!);
    });
  }
  return out;
}
