import type { QuantityGrammar } from './grammar.js';
import { norm } from './grammar.js';

/** More significant digits than a double holds exactly: an identifier, not an amount. */
export const MAX_DIGITS = 15;

/** Only ASCII digits (most numbers): nothing to take out or replace. */
function isPlainDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * The value of a number written in digits ("1 000", "1,5", "70.000", "1,000.5"), or null
 * when it is too long to be an amount. Group separators and the decimal mark come from data.
 */
export function parseDigits(text: string, grammar: QuantityGrammar): number | null {
  if (isPlainDigits(text)) return text.length > MAX_DIGITS ? null : Number(text);
  let plain = '';
  for (const ch of text) {
    if (ch === grammar.decimal) plain += '.';
    else if (!grammar.groupChars.includes(ch)) plain += ch;
  }
  const integerDigits = plain.split('.')[0]!.length;
  if (integerDigits > MAX_DIGITS) return null;
  const value = Number(plain);
  return Number.isFinite(value) ? value : null;
}

/**
 * The value of number words ("vingt-cinq", "deux cent mille", "quatre-vingt-dix", "twenty-one"):
 * words add up, "cent"/"hundred" multiplies what precedes it, "mille"/"thousand" closes a group.
 */
export function parseNumberWords(text: string, grammar: QuantityGrammar): number | null {
  let total = 0;
  let current = 0;
  let count = 0;
  grammar.numberWordPattern.lastIndex = 0;
  for (let m = grammar.numberWordPattern.exec(text); m; m = grammar.numberWordPattern.exec(text)) {
    const v = grammar.numberWords.get(norm(m[0]).replace(/\s+/g, ' '));
    if (v === undefined) return null;
    count++;
    if (v === 100) current = (current || 1) * 100;
    else if (v >= 1000) {
      total += (current || 1) * v;
      current = 0;
    } else current += v;
  }
  return count ? total + current : null;
}

/** Rounds away binary noise (1,1 × 1 000 000 = 1100000.0000000002). */
export function clean(value: number): number {
  // A positive integer below 10^15 has at most 15 digits: toPrecision(15) gives it back as is.
  if (value > 0 && value < 1e15 && Number.isInteger(value)) return value;
  return Number(value.toPrecision(15));
}
