import type { Token } from '../core/layers.js';
import type { TokenRules } from './token-rules.js';
import { cpAt, cpLength, isDigit, isLetter, isWordChar } from './chars.js';

export type Push = (start: number, end: number, kind: Token['kind']) => void;

// No-break space, narrow no-break space, thin space, figure space: thousands separators anywhere.
const THIN_SPACES = new Set([0xa0, 0x202f, 0x2009, 0x2007]);

function digitsEnd(text: string, i: number, end: number): number {
  let j = i;
  while (j < end && isDigit(text.charCodeAt(j))) j++;
  return j;
}

/** Whether [j, end) holds a thousands separator then exactly three digits (`␣000`). */
function thousandsGroupAt(text: string, j: number, end: number, rules: TokenRules): boolean {
  const c = text.charCodeAt(j);
  if (!(THIN_SPACES.has(c) || (c === 0x20 && rules.thousandsSpace))) return false;
  return j + 4 <= end && digitsEnd(text, j + 1, j + 4) === j + 4 && !isDigit(text.charCodeAt(j + 4));
}

/**
 * A number starting at `i`: `1 000 000` (space, no-break or narrow no-break space between
 * groups of three), `1,5`, `1.5`, `1,000.5`. An ordinal suffix makes it one word (`1er`,
 * `2nd`); letters mixed with digits too (`10h30`); other letters are a word of their own
 * (`100km` → `100` + `km`). Returns where scanning goes on.
 */
export function scanNumber(text: string, i: number, end: number, rules: TokenRules, push: Push): number {
  let j = digitsEnd(text, i, end);
  let firstGroup = j - i;
  let fraction = false;
  for (;;) {
    const c = text.charCodeAt(j);
    if ((c === 0x2c || c === 0x2e) && j + 1 < end && isDigit(text.charCodeAt(j + 1))) {
      j = digitsEnd(text, j + 1, end);
      fraction = true;
      continue;
    }
    if (!fraction && firstGroup <= 3 && thousandsGroupAt(text, j, end, rules)) {
      j += 4;
      firstGroup = 3;
      continue;
    }
    break;
  }
  if (j < end && isLetter(cpAt(text, j))) {
    let m = j;
    while (m < end && isLetter(cpAt(text, m))) m += cpLength(cpAt(text, m));
    const after = m < end ? cpAt(text, m) : -1;
    if (rules.ordinalSuffixes.has(text.slice(j, m).toLowerCase()) && !isWordChar(after)) {
      push(i, m, 'word');
      return m;
    }
    if (isDigit(after)) {
      while (m < end && isWordChar(cpAt(text, m))) m += cpLength(cpAt(text, m));
      push(i, m, 'word');
      return m;
    }
  }
  push(i, j, 'number');
  return j;
}
