import type { Context } from './context.js';
import { always, longestAt } from './find-kb-names.js';
import type { Unit } from './units.js';

export interface Segment {
  first: number;
  last: number;
  titled: boolean;
}

/** Whether units [first, last) are exactly one entry of `at` (a demonym, a role). */
function whole<T>(at: readonly ({ first: number; last: number; value: T } | undefined)[], first: number, last: number): boolean {
  return at[first]?.last === last;
}

/**
 * The name inside a capitalized segment: leading titles, roles ("Président", "Foreign
 * Minister") and demonyms ("Russian") come off, and so does a sentence-initial function word
 * ("Le", "Selon"); trailing particles too. Null when nothing of a name is left: a demonym
 * ("Nord-Coréens"), a role, a ministry's portfolio ("Affaires étrangères"), a function word.
 */
export function trimSegment(ctx: Context, seg: Segment): Segment | null {
  const { units, lex } = ctx;
  let { first, last, titled } = seg;
  for (;;) {
    if (first >= last) return null;
    const u = units[first] as Unit;
    if (lex.titles.has(u.lower)) {
      titled = true;
      first++;
      continue;
    }
    // "M. de Lasteyrie": after a title the particle belongs to the name
    if (titled && !u.cap && lex.particles.has(u.lower) && (units[first + 1] as Unit | undefined)?.cap) break;
    if (lex.notNames.has(u.lower) && (u.sentStart || last - first === 1 || u.elision || !u.cap)) {
      first++;
      continue;
    }
    const role = ctx.roleAt[first];
    if (role && role.last <= last && role.last > first && last - role.last >= 1) {
      first = role.last;
      continue;
    }
    const dem = ctx.demonymAt[first];
    if (dem && dem.last < last) {
      first = dem.last;
      continue;
    }
    const portfolio = longestAt(lex.portfolios, units, first, always);
    if (portfolio && portfolio.last < last && (units[portfolio.last] as Unit).cap) {
      first = portfolio.last;
      continue;
    }
    break;
  }
  for (;;) {
    const end = units[last - 1] as Unit;
    if (last <= first || end.cap || units[last - 2]?.joined) break;
    if (!end.elision && !lex.particles.has(end.lower)) break;
    last--;
  }
  if (first >= last) return null;
  if (whole(ctx.demonymAt, first, last) || (ctx.roleAt[first]?.last ?? -1) >= last) return null;
  if ((longestAt(lex.portfolios, units, first, always)?.last ?? -1) >= last) return null;
  if (last - first === 1 && lex.notNames.has((units[first] as Unit).lower)) return null;
  // a lone initial ("N", "X.") is not a name
  if (last - first === 1 && (units[first] as Unit).text.replace(/[^\p{L}]/gu, '').length <= 1) return null;
  return { first, last, titled };
}
