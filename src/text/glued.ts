import { cpAt, cpLength, isApostrophe, isCloser, isDigit, isLetter, isLower, isSpace, isUpper } from './chars.js';

/**
 * Whether the terminator at `dot` glues two sentences (`Pyrénées.Alors`, `GMT.Les`,
 * `2019.Le`, `tour.A la`, `ajouté.M. Dupont`): scraped news often lost the space, or the paragraph break, there.
 * Not inside `U.S.A`, `Ph.D`, `J.K.` or `lemonde.fr`. With `anyBefore` (a `?`, an ellipsis
 * or a closing quote at `dot`), what precedes does not matter. Looks at a few characters only;
 * URLs, e-mail addresses and abbreviations are for the caller to rule out.
 */
export function gluedAt(text: string, dot: number, anyBefore = false): boolean {
  const next = cpAt(text, dot + 1);
  if (!isUpper(next)) return false;
  const after = cpAt(text, dot + 1 + cpLength(next));
  const before = letterRunBefore(text, dot);
  // A capital before a space (`A la fin`), a period (`M. Dupont`) or another capital (`LREM`)
  // starts a word only after a lower-case word of two letters or more (not `Ph.D`, `S.p.A`, `h.A`).
  const nextIsWord = isLower(after) || isApostrophe(after)
    || ((isSpace(after) || after === 0x2e || isUpper(after)) && before.length >= 2 && before.lower);
  if (!nextIsWord) return false;
  if (anyBefore) return true;
  const prev = text.codePointAt(dot - 1) ?? -1;
  // After an upper-case word of two letters or more (`AFP.La`), not after an initial (`J.Le`).
  return isLower(prev) || isDigit(prev) || isCloser(prev) || prev === 0x22 || (isUpper(prev) && before.length >= 2);
}

/** The letters just before `i` (at most 3 counted), and whether they are all lower case. */
function letterRunBefore(text: string, i: number): { length: number; lower: boolean } {
  let length = 0;
  let lower = true;
  for (let k = i - 1; k >= 0 && length < 3; k--) {
    const c = text.charCodeAt(k);
    if (c >= 0xdc00 && c <= 0xdfff) break; // astral letters are rare here; stop rather than split a pair
    if (!isLetter(c)) break;
    if (!isLower(c)) lower = false;
    length++;
  }
  return { length, lower };
}
