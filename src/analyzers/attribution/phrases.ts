/**
 * Phrases of the language data ("a déclaré", "d'après", "according to") matched on word keys.
 * A word's key is its lower-case text with typographic apostrophes made straight, so that
 * "D’après" in the text meets "d'après" in the data.
 */

/** The matching key of a word of the text. */
export function wordKey(text: string): string {
  return text.toLowerCase().replace(/[’ʼ]/g, "'");
}

/** The word keys of a phrase of the data, split the way the tokenizer splits ("d'après" → "d'", "après"). */
export function phraseKeys(phrase: string): string[] {
  const out: string[] = [];
  for (const piece of wordKey(phrase).trim().split(/\s+/)) {
    if (piece === '') continue;
    const elided = /^([\p{L}]{1,5}')(.+)$/u.exec(piece);
    if (elided && !piece.startsWith('-')) out.push(elided[1] as string, elided[2] as string);
    else out.push(piece);
  }
  return out;
}

/** Phrases with a value, found by their first word; longest match first. */
export class PhraseTable<T> {
  private readonly byFirst = new Map<string, { keys: string[]; value: T }[]>();

  add(phrase: string, value: T): void {
    const keys = phraseKeys(phrase);
    const first = keys[0];
    if (first === undefined) return;
    const list = this.byFirst.get(first) ?? [];
    list.push({ keys, value });
    list.sort((a, b) => b.keys.length - a.keys.length);
    this.byFirst.set(first, list);
  }

  /** The longest phrase starting at word `i` (keys from `keyAt`), or null. */
  match(keyAt: (i: number) => string | undefined, i: number): { length: number; value: T } | null {
    const list = this.byFirst.get(keyAt(i) ?? '');
    if (!list) return null;
    for (const p of list) {
      let ok = true;
      for (let k = 1; k < p.keys.length && ok; k++) ok = keyAt(i + k) === p.keys[k];
      if (ok) return { length: p.keys.length, value: p.value };
    }
    return null;
  }

  get size(): number {
    return this.byFirst.size;
  }
}

/** A set of phrases (a PhraseTable whose value is the phrase itself). */
export function phraseSet(phrases: readonly string[]): PhraseTable<string> {
  const t = new PhraseTable<string>();
  for (const p of phrases) t.add(p, p);
  return t;
}
