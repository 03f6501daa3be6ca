import type { Span } from '../core/record.js';
import { isOpener } from './chars.js';

const URL_START = /^(?:https?:\/\/|ftp:\/\/|www\.)/i;
const EMAIL = /^[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u;
// Punctuation after an address that belongs to the sentence, not to the address.
const TRAILING = new Set([...'.,;:!?»”"\'’)]>…'].map((c) => c.charCodeAt(0)));

/**
 * The URL or e-mail address in a run of non-space characters [start, end), without the
 * quotes, brackets and punctuation around it, or null. A `)` stays when it closes a `(` of
 * the URL (`…/Paris_(ville)`).
 * @example findWebToken('voir (www.exemple.fr).', 5, 22) // { start: 6, end: 20 }
 */
export function findWebToken(text: string, start: number, end: number): Span | null {
  let a = start;
  while (a < end && (isOpener(text.charCodeAt(a)) || text.charCodeAt(a) === 0x3c)) a++;
  const scheme = URL_START.exec(text.slice(a, a + 8));
  let at = false;
  let opens = 0;
  let closes = 0;
  for (let x = a; x < end; x++) {
    const c = text.charCodeAt(x);
    if (c === 0x40) at = true;
    else if (c === 0x28) opens++;
    else if (c === 0x29) closes++;
  }
  if (!scheme && !at) return null;
  let b = end;
  while (b > a && TRAILING.has(text.charCodeAt(b - 1))) {
    if (text.charCodeAt(b - 1) === 0x29) {
      if (closes <= opens) break;
      closes--;
    }
    b--;
  }
  if (scheme) return b - a > scheme[0].length ? { start: a, end: b } : null;
  return EMAIL.test(text.slice(a, b)) ? { start: a, end: b } : null;
}
