import type { Context } from './context.js';
import type { Draft } from './draft.js';
import type { CapRun } from './find-capitalized.js';
import type { KbMatch } from './find-kb-names.js';
import { trimSegment, type Segment } from './trim-segment.js';
import { typeUnknown } from './type-unknown.js';
import type { Unit } from './units.js';

function draftOf(ctx: Context, first: number, last: number, fields: Partial<Draft> & Pick<Draft, 'type' | 'rule'>): Draft {
  const units = ctx.units;
  const start = (units[first] as Unit).start;
  // the title may stand before particles that open the name ("M. de Lasteyrie")
  let t = first - 1;
  while (t > 0 && !(units[t] as Unit).cap && ctx.lex.particles.has((units[t] as Unit).lower) && t > first - 3) t--;
  const title = units[t];
  // "M. Chéron": the title is part of the mention (not of the name)
  const titled = fields.titled === true && title !== undefined && title.sentence === (units[first] as Unit).sentence && ctx.lex.titles.has(title.lower);
  return {
    first,
    last,
    start,
    end: (units[last - 1] as Unit).end,
    mentionStart: titled ? title.start : start,
    hits: [],
    titled: false,
    roles: [],
    political: null,
    roleOnly: false,
    ...fields,
  };
}

function kbDraft(ctx: Context, m: KbMatch): Draft {
  const best = m.hits[0];
  const before = ctx.units[m.first - 1];
  const titled = before !== undefined && ctx.lex.titles.has(before.lower) && m.hits.some((h) => h.entry.type === 'PER');
  return draftOf(ctx, m.first, m.last, { type: best?.entry.type ?? 'MISC', rule: 'kb', hits: m.hits, titled });
}

/** Whether a run is one name whatever KB names it holds: "Banque de France", "George Washington". */
function isCompound(ctx: Context, seg: Segment): boolean {
  const { units, lex, kb } = ctx;
  const first = units[seg.first] as Unit;
  const last = units[seg.last - 1] as Unit;
  if (lex.orgHeads.has(first.key) || lex.locHeads.has(first.key) || lex.miscHeads.has(first.key)) return true;
  if (seg.last - seg.first > 1 && (lex.orgTails.has(last.key) || lex.locTails.has(last.key))) return true;
  return seg.last - seg.first > 1 && kb.givenNames.has(first.key);
}

/** A single sentence-initial word the KB does not know is a name only with evidence. */
function keepsUnknown(ctx: Context, seg: Segment): boolean {
  const u = ctx.units[seg.first] as Unit;
  if (seg.last - seg.first > 1 || seg.titled) return true;
  // "Départ" where "départ" occurs too: a common word written with a capital
  if (ctx.lowerWords.has(u.lower) && !u.upper) return false;
  if (!u.sentStart) return true;
  return u.upper || ctx.kb.givenNames.has(u.key) || ctx.midCapKeys.has(u.key);
}

/** A KB name that is most likely a common word here ("Nice" opening a sentence with "nice" elsewhere). */
function commonWordMatch(ctx: Context, m: KbMatch): boolean {
  if (m.last - m.first !== 1) return false;
  const u = ctx.units[m.first] as Unit;
  if (u.upper) return false;
  return u.sentStart && ctx.lex.notNames.has(u.lower);
}

/**
 * Whether a KB match next to unknown capitalized words is rather part of a longer name:
 * a known person ("Hunter" + "Biden"), or a one-word place from the generated lists ("Tara Reid").
 */
function gluesToName(m: KbMatch): boolean {
  const e = m.hits[0]?.entry;
  if (!e) return false;
  return e.type === 'PER' || (m.last - m.first === 1 && e.kind === 'place' && e.priority === 0);
}

/**
 * Mentions from KB matches and capitalized runs. A KB match is a mention; the words of a run
 * it does not cover become a mention of an unknown name, unless the run is one name as a
 * whole ("Banque de France" holds "France"), then the whole run is.
 */
export function buildDrafts(ctx: Context, runs: readonly CapRun[], matches: readonly KbMatch[]): Draft[] {
  const { units } = ctx;
  const kept = matches.filter((m) => !commonWordMatch(ctx, m));
  const matchAt = new Int32Array(units.length).fill(-1);
  kept.forEach((m, k) => {
    for (let i = m.first; i < m.last; i++) matchAt[i] = k;
  });
  const consumed = new Uint8Array(kept.length);
  const drafts: Draft[] = [];
  const unknown = (seg: Segment): void => {
    const t = trimSegment(ctx, seg);
    if (!t || !keepsUnknown(ctx, t)) return;
    const typed = typeUnknown(ctx, t);
    drafts.push(draftOf(ctx, t.first, t.last, { ...typed, titled: t.titled }));
  };

  for (const run of runs) {
    const seg = trimSegment(ctx, run);
    if (!seg) continue;
    const overlapping = new Set<number>();
    for (let i = seg.first; i < seg.last; i++) if (matchAt[i]! >= 0) overlapping.add(matchAt[i]!);
    let leftover = false;
    for (let i = seg.first; i < seg.last; i++) if (matchAt[i] === -1 && (units[i] as Unit).cap) leftover = true;
    if (!leftover) continue; // the KB matches say it all
    if (overlapping.size > 0 && isCompound(ctx, seg)) {
      let first = seg.first;
      let last = seg.last;
      for (const k of overlapping) {
        const m = kept[k] as KbMatch;
        first = Math.min(first, m.first);
        last = Math.max(last, m.last);
        consumed[k] = 1;
      }
      unknown({ first, last, titled: seg.titled });
      continue;
    }
    // the leftover pieces between KB matches
    let i = seg.first;
    while (i < seg.last) {
      if (matchAt[i]! >= 0) {
        i++;
        continue;
      }
      let j = i;
      while (j < seg.last && matchAt[j] === -1) j++;
      const next = kept[matchAt[j] ?? -1];
      const prev = kept[matchAt[i - 1] ?? -1];
      const piece = trimSegment(ctx, { first: i, last: j, titled: i === seg.first && seg.titled });
      // a first name before a known surname, or a name glued to a known person: one person
      if (piece && next && piece.last === next.first && gluesToName(next)) {
        consumed[matchAt[j]!] = 1;
        unknown({ first: piece.first, last: next.last, titled: piece.titled });
      } else if (piece && prev && prev.last === piece.first && gluesToName(prev)) {
        consumed[matchAt[i - 1]!] = 1;
        unknown({ first: prev.first, last: piece.last, titled: seg.titled });
      } else if (piece) {
        unknown(piece);
      }
      i = j;
    }
  }
  kept.forEach((m, k) => {
    if (!consumed[k]) drafts.push(kbDraft(ctx, m));
  });
  return withoutOverlaps(drafts);
}

/** Left to right, longest first; a draft overlapping one already kept is dropped. */
function withoutOverlaps(drafts: Draft[]): Draft[] {
  drafts.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Draft[] = [];
  for (const d of drafts) {
    const prev = out[out.length - 1];
    if (prev && d.start < prev.end) continue;
    out.push(d);
  }
  return out;
}
