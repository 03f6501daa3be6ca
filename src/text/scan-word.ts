import type { Abbreviations } from './abbreviations.js';
import type { Push } from './scan-number.js';
import type { TokenRules } from './token-rules.js';
import { gluedAt } from './glued.js';
import { cpAt, cpLength, isApostrophe, isCloser, isHyphen, isLetter, isSpace, isWordChar, plainApostrophes } from './chars.js';

export interface WordContext {
  readonly rules: TokenRules;
  readonly abbreviations: Abbreviations;
}

// Opening marks an elision may precede: l’« opération », d’"experts".
const AFTER_ELISION = new Set([0xab, 0x201c, 0x22]);
const MAX_CLITICS = 3;
// Longer than any elided word (`quoiqu`), so that long words are not sliced for nothing.
const MAX_ELISION = 8;

/**
 * A word starting at `i`: letters, marks and digits, joined by hyphens (`Nord-Coréens`),
 * inner apostrophes (`aujourd’hui`) and inner periods (`U.S.A`, `lemonde.fr`, `J.-C.`).
 * An elision ends it (`l’` → elision token); a listed abbreviation or an initial keeps its
 * final period (`M.`, `etc.`); clitics are split off its end (`a-t-il` → `a` + `-t-il`).
 */
export function scanWord(text: string, i: number, end: number, ctx: WordContext, push: Push): number {
  let j = i;
  let joined = false;
  let segment = i;
  for (;;) {
    while (j < end && isWordChar(cpAt(text, j))) j += cpLength(cpAt(text, j));
    if (j >= end) break;
    const c = text.charCodeAt(j);
    const next = j + 1 < end ? cpAt(text, j + 1) : -1;
    if (isApostrophe(c)) {
      if (!joined && j - i <= MAX_ELISION && (isWordChar(next) || AFTER_ELISION.has(next))
        && ctx.rules.elisions.has(`${text.slice(i, j).toLowerCase()}'`)) {
        push(i, j + 1, 'elision');
        return j + 1;
      }
      if (!isLetter(next)) break;
    } else if (isHyphen(c)) {
      if (!isWordChar(next)) break;
    } else if (c === 0x2e) {
      const dashed = isHyphen(next) && j - segment <= 2 && j + 2 < end && isLetter(cpAt(text, j + 2));
      if (!dashed && !(isLetter(next) && !gluedAt(text, j))) break;
      if (dashed) j++;
    } else break;
    j++;
    segment = j;
    joined = true;
  }
  if (j < end && text.charCodeAt(j) === 0x2e && keepsPeriod(text, i, j, end, ctx.abbreviations)) j++;
  return pushWithClitics(text, i, j, joined, ctx.rules, push);
}

/** Whether the period at `dot` belongs to the word [i, dot): abbreviations and initials. */
function keepsPeriod(text: string, i: number, dot: number, end: number, abbr: Abbreviations): boolean {
  if (dot + 1 - i > abbr.maxLength) return false;
  const kind = abbr.kind(text.slice(i, dot + 1));
  if (kind === 'prefix' || kind === 'ambiguous') return true;
  if (kind !== 'initial') return false;
  // An initial closing its sentence ("le plan B.") leaves the period to the sentence.
  let r = dot + 1;
  while (r < end && (isSpace(text.charCodeAt(r)) || isCloser(text.charCodeAt(r)) || text.charCodeAt(r) === 0x22)) r++;
  return r < end;
}

function pushWithClitics(text: string, i: number, j: number, joined: boolean, rules: TokenRules, push: Push): number {
  const clitics: number[] = [];
  let e = j;
  if (joined && rules.suffixClitics.length > 0 && !rules.keepWhole.has(plainApostrophes(text.slice(i, j).toLowerCase()))) {
    while (clitics.length < MAX_CLITICS) {
      const s = cliticStart(text, i, e, rules);
      if (s < 0) break;
      clitics.unshift(s);
      e = s;
    }
  }
  push(i, e, 'word');
  clitics.forEach((s, n) => push(s, clitics[n + 1] ?? j, 'clitic'));
  return j;
}

/** Where a clitic ending the word [i, e) starts, or -1: written in lower case or all capitals. */
function cliticStart(text: string, i: number, e: number, rules: TokenRules): number {
  for (const clitic of rules.suffixClitics) {
    const s = e - clitic.length;
    if (s <= i || !isLetter(text.codePointAt(s - 1) ?? -1)) continue;
    const written = text.slice(s, e);
    if (plainApostrophes(written.toLowerCase()) !== clitic) continue;
    if (written === written.toLowerCase() || written === written.toUpperCase()) return s;
  }
  return -1;
}
