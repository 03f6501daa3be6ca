import type { Context } from './context.js';
import type { Draft } from './draft.js';
import type { Unit } from './units.js';

/**
 * Role-only mentions that may stand for a named person of the document: a role noun with a
 * nationality and no name after it ("le président russe", "le dirigeant nord-coréen", "the
 * Russian president"). They become mentions of the person with that role and country, if the
 * document names one (coreference decides); otherwise they are dropped.
 */
export function roleMentions(ctx: Context, drafts: readonly Draft[], used: readonly { first: number; last: number }[]): Draft[] {
  const { units, lex } = ctx;
  const taken = new Uint8Array(units.length);
  for (const d of drafts) for (let i = d.first; i < d.last; i++) taken[i] = 1;
  for (const r of used) for (let i = r.first; i < r.last; i++) taken[i] = 1;
  const out: Draft[] = [];
  for (let i = 0; i < units.length; i++) {
    const role = ctx.roleAt[i];
    if (!role || taken[i]) continue;
    // "président russe": the demonym right after (one modifier may come between)
    let d = role.last;
    if (!ctx.demonymAt[d] && units[d]?.word && lex.roleModifiers.has((units[d] as Unit).lower)) d++;
    const after = ctx.demonymAt[d];
    // "the Russian president": the demonym right before
    const before = ctx.lang !== 'fr' ? findDemonymEndingAt(ctx, i) : null;
    let first = i;
    let last = role.last;
    let country: string | null = null;
    if (after && !taken[d]) {
      last = after.last;
      country = after.value;
    } else if (before !== null && !taken[before]) {
      first = before;
      country = ctx.demonymAt[before]!.value;
    } else continue;
    if (units.slice(first, last).some((u) => u.sentence !== (units[i] as Unit).sentence)) continue;
    // a name right after makes it a role phrase, not a mention of its own
    const next = units[last];
    if (next?.word && next.cap && !next.sentStart) continue;
    const u0 = units[first] as Unit;
    const uN = units[last - 1] as Unit;
    out.push({
      first, last, start: u0.start, end: uN.end, mentionStart: u0.start, type: 'PER', hits: [], rule: 'coref:role', titled: false,
      roles: [{ role: ctx.text.slice((units[i] as Unit).start, (units[role.last - 1] as Unit).end), head: units.slice(i, role.last).map((u) => u.key).join(' '), country, sector: role.value.sector, first, last }],
      political: null, roleOnly: true,
    });
    i = last - 1;
  }
  return out;
}

function findDemonymEndingAt(ctx: Context, i: number): number | null {
  for (let b = i - 1; b >= Math.max(0, i - 3); b--) if (ctx.demonymAt[b]?.last === i) return b;
  return null;
}
