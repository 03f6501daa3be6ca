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

/**
 * Ordered rewrites: each sends a French/English/German transliteration pair to one form. The
 * string before each is a part of what it rewrites: a word without it skips the rewrite
 * (most words have few of these), so keys cost a few `includes` instead of thirty regexes.
 */
const REWRITES: readonly [string, RegExp, string][] = [
  ["'", /'/g, ''],
  ['’', /’/g, ''],
  ['.', /\./g, ''],
  ['œ', /œ/g, 'oe'],
  ['æ', /æ/g, 'ae'],
  ['ß', /ß/g, 'ss'],
  ['tch', /tch/g, 'ch'], // Tchernobyl / Chernobyl
  ['dj', /dj/g, 'j'], // Azerbaïdjan / Azerbaijan
  ['zh', /zh/g, 'j'], // Zhukov / Joukov
  ['sch', /sch/g, 'sh'], // Schoigu (de)
  ['ch', /ch/g, 'sh'], // Choïgu / Shoigu
  ['gh', /gh/g, 'g'], // Baghdad / Bagdad
  ['kh', /kh/g, 'h'], // Khodorkovski / Hodorkovsky (rare, but the h is often dropped)
  ['ph', /ph/g, 'f'],
  ['th', /th/g, 't'],
  ['ck', /ck/g, 'k'],
  ['qu', /qu/g, 'k'], // Iraq / Irak after q→k below; Mozambique
  ['q', /q/g, 'k'],
  ['x', /x/g, 'ks'], // Alexeï / Aleksey
  ['ou', /ou/g, 'u'], // Poutine / Putin, Kaboul / Kabul
  ['w', /w/g, 'v'], // Wladimir / Vladimir
  ['g', /g(?:u|h)(?=[eiy])/g, 'g'], // Sergueï / Sergei, Ghe…
  ['y', /y/g, 'i'], // Dmitry / Dmitri, Sergey / Sergei
  ['j', /j(?=[aeiou])/g, 'i'], // Jeltsin / Yeltsin (after y→i), Iouri / Yuri
  ['ie', /^i(?=e)/, ''], // Eltsine / Yeltsin, Evgueni / Yevgeny
];
const DOUBLED = /(.)\1+/g; // Mohammed / Mohamed, Dmitrii / Dmitri
const FINAL_E = /([a-z]{3,})e$/g; // Poutine / Putin, Russe / Russ

/** Letters with accents or other marks, or anything beyond ASCII: the slow path folds them. */
const NEEDS_FOLDING = /[^\x00-\x7f]/;

function computeKey(word: string): string {
  let s = NEEDS_FOLDING.test(word) ? word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase() : word.toLowerCase();
  for (const [part, re, to] of REWRITES) if (s.includes(part)) s = s.replace(re, to);
  if (hasDoubled(s)) s = s.replace(DOUBLED, '$1');
  if (s.endsWith('e')) s = s.replace(FINAL_E, '$1');
  return s;
}

/** Whether two code units in a row are the same (what `DOUBLED` rewrites). */
function hasDoubled(s: string): boolean {
  for (let i = 1; i < s.length; i++) if (s.charCodeAt(i) === s.charCodeAt(i - 1)) return true;
  return false;
}
