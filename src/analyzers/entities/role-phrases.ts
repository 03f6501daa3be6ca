import { affiliationAt } from '../../kb/affiliation.js';
import type { Context } from './context.js';
import type { Draft, RoleInfo } from './draft.js';
import type { Unit } from './units.js';

/** How far before a name a role may stand ("la directrice adjointe du Bureau national des affaires maritimes de la préfecture, Anne Roussel"). */
const MAX_LEFT = 16;
/** How long an apposition after a name may run. */
const MAX_RIGHT = 12;

/** Whether a draft may name a person (so a role may describe it). */
export function personLike(d: Draft): boolean {
  if (d.roleOnly) return false;
  if (d.hits.length > 0) return d.hits.some((h) => h.entry.type === 'PER');
  return d.type === 'PER';
}

/** What a KB draft inside a role phrase says: its country and sector ("du Kremlin" → RUS, GOV). */
function complementOf(ctx: Context, d: Draft): { country: string | null; sector: string | null; isCountry: boolean } {
  const e = d.hits[0]?.entry;
  if (!e) return { country: null, sector: null, isCountry: false };
  if (e.metonym) return { country: e.metonym.country, sector: e.metonym.sector, isCountry: false };
  const a = affiliationAt(e, ctx.date);
  return { country: a.country, sector: a.sector, isCountry: e.kind === 'country' };
}

/**
 * The role phrase over units [first, last) whose role noun spans [roleFirst, roleLast):
 * its text without demonyms and country complements, its country and sector.
 */
function phraseInfo(ctx: Context, first: number, last: number, roleFirst: number, roleLast: number, draftAt: ReadonlyMap<number, Draft>, apposition = false): RoleInfo {
  const { units, lex } = ctx;
  const role = ctx.roleAt[roleFirst]!.value;
  const keep: boolean[] = [];
  let country: string | null = null;
  let sector: string | null = null;
  let ofLed = false;
  for (let i = first; i < last; ) {
    const u = units[i] as Unit;
    const dem = ctx.demonymAt[i];
    const d = draftAt.get(i);
    if (dem && dem.last <= last && !(i >= roleFirst && i < roleLast)) {
      country ??= dem.value;
      for (; i < dem.last; i++) keep[i] = false;
      continue;
    }
    if (d && d.last <= last) {
      const c = complementOf(ctx, d);
      const after = i >= roleLast;
      const prevWord = units[i - 1];
      const viaOf = after && prevWord !== undefined && (lex.particles.has(prevWord.lower) || prevWord.elision);
      if (c.isCountry && (viaOf || !after)) {
        country ??= c.country;
        // "de Russie", "de la Russie": the complement only says the country
        let j = i - 1;
        while (j >= roleLast && (units[j] as Unit).word && ((units[j] as Unit).elision || lex.particles.has((units[j] as Unit).lower))) keep[j--] = false;
        for (; i < d.last; i++) keep[i] = false;
        continue;
      }
      if (!after || viaOf || ofLed) {
        if (c.country && c.country.length === 3) country ??= c.country;
        sector ??= c.sector;
      }
      for (; i < d.last; i++) keep[i] = true;
      continue;
    }
    if (i >= roleLast && (!ofLed || apposition) && u.word && !lex.particles.has(u.lower) && !u.elision && lex.locativePreps.has(u.lower)) {
      // "chercheuse associée à l'Université de Lausanne": the role ends at the preposition
      for (; i < last; i++) keep[i] = false;
      break;
    }
    if (i >= roleLast && lex.particles.has(u.lower)) ofLed = true;
    const inst = lex.institutions.get(u.key);
    if (inst && i >= roleLast) sector ??= inst;
    keep[i] = u.word || u.text === '-';
    i++;
  }
  const pieces: string[] = [];
  for (let i = first; i < last; i++) {
    if (!keep[i]) continue;
    let j = i;
    while (j + 1 < last && keep[j + 1]) j++;
    pieces.push(ctx.text.slice((units[i] as Unit).start, (units[j] as Unit).end));
    i = j;
  }
  return {
    role: pieces.join(' ').trim(),
    head: units.slice(roleFirst, roleLast).map((u) => u.key).join(' '),
    country,
    sector: sector ?? role.sector,
    first,
    last,
  };
}

/** The role noun nearest before unit `from` (back to `limit`), widened to a longer role ending there. */
function roleBefore(ctx: Context, from: number, limit: number, draftAt: ReadonlyMap<number, Draft>, endAt: ReadonlyMap<number, Draft>): number {
  const { units, lex } = ctx;
  const sentence = (units[from] as Unit | undefined)?.sentence;
  for (let k = from; k >= limit; k--) {
    const u = units[k] as Unit;
    if (u.sentence !== sentence) return -1;
    if (!u.word && u.text !== '-' && u.text !== "'s" && u.text !== '’s') return -1;
    if (lex.phraseBreakers.has(u.lower)) return -1;
    const ending = endAt.get(k + 1);
    if (ending && personLike(ending)) return -1;
    const r = ctx.roleAt[k];
    if (r && r.last <= from + 1 && !draftAt.has(k)) {
      let best = k;
      for (let b = k - 1; b >= Math.max(limit, k - 3); b--) if ((ctx.roleAt[b]?.last ?? -1) >= r.last) best = b;
      return best;
    }
  }
  return -1;
}

/**
 * Roles stated around person names: before ("la ministre belge de la Santé Claire Dumont",
 * "Kremlin spokesman Dmitry Peskov") and in apposition after ("Paul Vidal, chercheur
 * associé …"). Fills `roles` of each draft; returns the unit ranges used.
 */
export function attachRoles(ctx: Context, drafts: readonly Draft[]): { first: number; last: number }[] {
  const { units, lex } = ctx;
  const draftAt = new Map<number, Draft>();
  const endAt = new Map<number, Draft>();
  for (const d of drafts) {
    draftAt.set(d.first, d);
    endAt.set(d.last, d);
  }
  const used: { first: number; last: number }[] = [];
  for (const d of drafts) {
    if (!personLike(d)) continue;
    // before the name
    let j = d.first - 1;
    const justBefore = units[j];
    // "le juge du New Hampshire": a name after de/du is the role's complement, not its holder
    const complement = justBefore !== undefined && justBefore.word && (justBefore.elision || lex.particles.has(justBefore.lower));
    if (units[j]?.text === ',') j--;
    const k = complement ? -1 : roleBefore(ctx, j, Math.max(0, d.first - MAX_LEFT), draftAt, endAt);
    if (k >= 0) {
      let first = k;
      // modifiers, demonyms and complements before the role ("haut diplomate", "Russian Foreign Minister", "Kremlin spokesman")
      for (;;) {
        const p = units[first - 1];
        if (!p || p.sentence !== (units[k] as Unit).sentence) break;
        if (lex.roleModifiers.has(p.lower)) first--;
        else if (demonymEndingAt(ctx, first) !== null) first = demonymEndingAt(ctx, first)!;
        else if (endAt.get(first) && !personLike(endAt.get(first)!) && ctx.lang !== 'fr') first = endAt.get(first)!.first;
        else if ((p.text === "'s" || p.text === '’s') && endAt.get(first - 1)) first = endAt.get(first - 1)!.first;
        else break;
      }
      const roleLast = ctx.roleAt[k]!.last;
      const info = phraseInfo(ctx, first, j + 1, k, roleLast, draftAt);
      d.roles.push(info);
      used.push({ first, last: d.first });
    }
    // apposition after the name: ", professeur émérite à …", ", Russia's foreign minister,"
    const comma = units[d.last];
    if (comma?.text === ',' && comma.sentence === (units[d.first] as Unit).sentence) {
      let r = d.last + 1;
      while (units[r] && (lex.determiners.has((units[r] as Unit).lower) || lex.roleModifiers.has((units[r] as Unit).lower))) r++;
      // "Russia's foreign minister": a possessive complement first
      const poss = draftAt.get(r);
      const afterPoss = poss && (units[poss.last]?.text === "'s" || units[poss.last]?.text === '’s') ? poss.last + 1 : -1;
      let roleStart = afterPoss >= 0 ? afterPoss : r;
      while (units[roleStart] && lex.roleModifiers.has((units[roleStart] as Unit).lower)) roleStart++;
      while (ctx.demonymAt[roleStart] && !ctx.roleAt[roleStart]) roleStart = ctx.demonymAt[roleStart]!.last;
      const role = ctx.roleAt[roleStart];
      if (role && !draftAt.has(roleStart)) {
        let end = role.last;
        const limit = Math.min(units.length, d.last + 1 + MAX_RIGHT);
        while (end < limit) {
          const u = units[end] as Unit;
          if (u.sentence !== comma.sentence || (!u.word && u.text !== '-') || lex.phraseBreakers.has(u.lower)) break;
          const inner = draftAt.get(end);
          if (inner && personLike(inner)) break;
          end = inner ? inner.last : end + 1;
        }
        const first = afterPoss >= 0 ? r : roleStart;
        d.roles.push(phraseInfo(ctx, first, end, roleStart, role.last, draftAt, true));
        used.push({ first: d.last, last: end });
      }
    }
  }
  return used;
}

/** The first unit of a demonym ending right before unit `i` ("Russian" before "Foreign Minister"). */
function demonymEndingAt(ctx: Context, i: number): number | null {
  for (let b = i - 1; b >= Math.max(0, i - 3); b--) if (ctx.demonymAt[b]?.last === i) return b;
  return null;
}
