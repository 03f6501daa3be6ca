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

/**
 * Per UTF-16 unit, what `regex` says of it alone: 0 not asked yet, 1 no, 2 yes. Filled as
 * units are met, so that a word is read back without running a regex on each of its letters.
 */
function unitClass(regex: RegExp): (code: number) => boolean {
  const verdicts = new Uint8Array(0x10000);
  return (code) => {
    let verdict = verdicts[code]!;
    if (verdict === 0) {
      verdict = regex.test(String.fromCharCode(code)) ? 2 : 1;
      verdicts[code] = verdict;
    }
    return verdict === 2;
  };
}

const isSpaceUnit = unitClass(/[\s\u00a0\u202f]/);
const isWordUnit = unitClass(WORD_CHAR);

/** The letter word that ends just before `position` (spaces skipped), or null. */
export function wordBefore(text: string, position: number): Word | null {
  let end = position;
  while (end > 0 && isSpaceUnit(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && isWordUnit(text.charCodeAt(start - 1))) start--;
  // "l'article" → "article": an elided article is not part of the word.
  const elision = Math.max(text.lastIndexOf("'", end - 1), text.lastIndexOf('’', end - 1));
  if (elision >= start && elision < end - 1) start = elision + 1;
  return start < end && /\p{L}/u.test(text[start]!) ? { start, end, text: text.slice(start, end) } : null;
}

export const isLetterWord = (w: Word | null): w is Word => w !== null && /^\p{L}/u.test(w.text);

export const isCapitalized = (word: string): boolean => /^\p{Lu}/u.test(word);
