/** A word (or other non-space character) of the text, with its offsets. */
export interface Word {
  start: number;
  end: number;
  text: string;
}

// A word keeps its inner hyphens and a final elision apostrophe ("d'", "l'").
const NEXT = /[\s\u00a0\u202f]*([\p{L}][\p{L}\p{M}-]*['’]?|\p{N}+|[^\s\u00a0\u202f])/uy;
const WORD_CHAR = /[\p{L}\p{M}'’-]/u;

/** The word starting at or after `position` (spaces skipped). */
export function wordAt(text: string, position: number): Word | null {
  NEXT.lastIndex = position;
  const m = NEXT.exec(text);
  if (!m) return null;
  const end = m.index + m[0].length;
  return { start: end - m[1]!.length, end, text: m[1]! };
}

/** The letter word that ends just before `position` (spaces skipped), or null. */
export function wordBefore(text: string, position: number): Word | null {
  let end = position;
  while (end > 0 && /[\s\u00a0\u202f]/.test(text[end - 1]!)) end--;
  let start = end;
  while (start > 0 && WORD_CHAR.test(text[start - 1]!)) start--;
  // "l'article" → "article": an elided article is not part of the word.
  const elision = Math.max(text.lastIndexOf("'", end - 1), text.lastIndexOf('’', end - 1));
  if (elision >= start && elision < end - 1) start = elision + 1;
  return start < end && /\p{L}/u.test(text[start]!) ? { start, end, text: text.slice(start, end) } : null;
}

export const isLetterWord = (w: Word | null): w is Word => w !== null && /^\p{L}/u.test(w.text);

export const isCapitalized = (word: string): boolean => /^\p{Lu}/u.test(word);
