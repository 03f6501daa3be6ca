/**
 * The matching key of one word of a name: the same for the spellings a name takes across
 * French and English transliterations, so that "Sergueï", "Sergey" and "Sergei" meet, and
 * so do "Choïgu"/"Shoigu", "Dmitri"/"Dmitry"/"Dmitriy", "Poutine"/"Putin", "Kaboul"/"Kabul".
 * Applied to both sides (KB names and text), so a rule only has to send two spellings to the
 * same key; it never has to produce a "correct" spelling.
 *
 * @example wordKey('Sergueï') === wordKey('Sergey') // 'sergei'
 */
export function wordKey(word: string): string {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const key = computeKey(word);
  if (cache.size > CACHE_LIMIT) cache.clear();
  cache.set(word, key);
  return key;
}

/** The key of a whole name: word keys joined by one space. */
export function nameKey(name: string): string {
  return splitNameWords(name).map(wordKey).filter((k) => k.length > 0).join(' ');
}

/**
 * The words of a name as the matcher sees them: split at spaces, hyphens and apostrophes
 * (the elided article stays its own word, "l'ONU" → ["l'", "ONU"]); dots are kept inside
 * abbreviations ("U.S.") and dropped by the key.
 */
export function splitNameWords(name: string): string[] {
  const out: string[] = [];
  for (const m of name.matchAll(WORD_PIECE)) out.push(m[0]);
  return out;
}

/** A piece of a name: letters/digits/dots, or an elided article with its apostrophe. */
export const WORD_PIECE = /[\p{L}\p{M}\p{N}]+['’](?=[\p{L}])|[\p{L}\p{M}\p{N}.]*[\p{L}\p{M}\p{N}]\.?|&/gu;

// Distinct words in news text stay in the tens of thousands; bound the cache anyway.
const CACHE_LIMIT = 200_000;
const cache = new Map<string, string>();

/** Ordered rewrites: each sends a French/English/German transliteration pair to one form. */
const REWRITES: readonly [RegExp, string][] = [
  [/['’]/g, ''],
  [/\./g, ''],
  [/œ/g, 'oe'],
  [/æ/g, 'ae'],
  [/ß/g, 'ss'],
  [/tch/g, 'ch'], // Tchernobyl / Chernobyl
  [/dj/g, 'j'], // Azerbaïdjan / Azerbaijan
  [/zh/g, 'j'], // Zhukov / Joukov
  [/sch/g, 'sh'], // Schoigu (de)
  [/ch/g, 'sh'], // Choïgu / Shoigu
  [/gh/g, 'g'], // Baghdad / Bagdad
  [/kh/g, 'h'], // Khodorkovski / Hodorkovsky (rare, but the h is often dropped)
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/ck/g, 'k'],
  [/qu/g, 'k'], // Iraq / Irak after q→k below; Mozambique
  [/q/g, 'k'],
  [/x/g, 'ks'], // Alexeï / Aleksey
  [/ou/g, 'u'], // Poutine / Putin, Kaboul / Kabul
  [/w/g, 'v'], // Wladimir / Vladimir
  [/g(?:u|h)(?=[eiy])/g, 'g'], // Sergueï / Sergei, Ghe…
  [/y/g, 'i'], // Dmitry / Dmitri, Sergey / Sergei
  [/j(?=[aeiou])/g, 'i'], // Jeltsin / Yeltsin (after y→i), Iouri / Yuri
  [/^i(?=e)/, ''], // Eltsine / Yeltsin, Evgueni / Yevgeny
  [/(.)\1+/g, '$1'], // Mohammed / Mohamed, Dmitrii / Dmitri
  [/([a-z]{3,})e$/g, '$1'], // Poutine / Putin, Russe / Russ
];

function computeKey(word: string): string {
  let s = word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  for (const [re, to] of REWRITES) s = s.replace(re, to);
  return s;
}
