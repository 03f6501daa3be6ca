/**
 * The key a word is looked up by in event data: lowercase, typographic apostrophes straight,
 * so that "L’attaque" and "l'attaque" meet.
 * @example wordKey('S’apprête') // "s'apprête"
 */
export function wordKey(word: string): string {
  const lower = word.toLowerCase();
  return APOSTROPHES.test(lower) ? lower.replace(APOSTROPHES_ALL, "'") : lower;
}

const APOSTROPHES = /[’ʼ‘`´]/;
const APOSTROPHES_ALL = /[’ʼ‘`´]/g;

/** A data phrase split as the tokenizer splits text: at spaces, and after an elided article ("d'urgence" → "d'", "urgence"). */
export function phraseKeys(phrase: string): string[] {
  return wordKey(phrase)
    .split(/\s+/)
    .flatMap((w) => {
      const m = /^([a-zàâçéèêëîïôûùüÿœ]{1,2}')(.+)$/u.exec(w);
      return m ? [m[1] as string, m[2] as string] : [w];
    })
    .filter((w) => w.length > 0);
}
