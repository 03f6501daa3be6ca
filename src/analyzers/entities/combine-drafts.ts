import type { Context } from './context.js';
import type { Draft } from './draft.js';

/**
 * Where mentions come from when a model is there:
 * - `model`: the model's alone;
 * - `model+kb`: the model's, plus the rules' KB-linked mentions where the model has none;
 * - `rules+model`: the rules' KB-linked mentions and those typed by strong evidence; their
 *   other (unknown) names only where the model also sees a name, typed as the model types it;
 *   plus the model's mentions where the rules have none (demonyms and roles alone excepted);
 * - `model+rules`: the model's, plus every rule mention where the model has none.
 */
export type MentionSource = 'model' | 'model+kb' | 'rules+model' | 'model+rules';

/** Chosen by measurement (eval/suites/entities.ts: HIPE cross-validated, own gold dev). */
export const DEFAULT_SOURCE: MentionSource = 'rules+model';

const overlap = (a: Draft, b: Draft): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.mentionStart, b.mentionStart));

/** Whether drafts are in order and apart (the model's mentions are): each ends before the next starts. */
function inOrderApart(ds: readonly Draft[]): boolean {
  for (let k = 1; k < ds.length; k++) if (ds[k]!.mentionStart < ds[k - 1]!.end) return false;
  return true;
}

/**
 * The model mention overlapping `d` most, if any (the first of them on ties). When `ordered`,
 * only the mentions around `d` are looked at: a document holds hundreds of each.
 */
function bestOverlap(d: Draft, model: readonly Draft[], ordered: boolean): Draft | null {
  let best: Draft | null = null;
  let most = 0;
  let k = 0;
  if (ordered) {
    // the first mention ending after d starts (ends grow with starts)
    let hi = model.length;
    while (k < hi) {
      const mid = (k + hi) >> 1;
      if (model[mid]!.end <= d.mentionStart) k = mid + 1;
      else hi = mid;
    }
  }
  for (; k < model.length; k++) {
    const m = model[k]!;
    if (ordered && m.mentionStart >= d.end) break;
    const o = overlap(d, m);
    if (o > most) {
      most = o;
      best = m;
    }
  }
  return best;
}

/** Whether any of `rules` overlaps `m`: rules sorted by start, with the furthest end up to each. */
function overlapsAny(m: Draft, sorted: readonly Draft[], furthestEnd: readonly number[]): boolean {
  // rules starting before m ends: the first `n`
  let n = 0;
  let hi = sorted.length;
  while (n < hi) {
    const mid = (n + hi) >> 1;
    if (sorted[mid]!.mentionStart < m.end) n = mid + 1;
    else hi = mid;
  }
  return n > 0 && m.end > m.mentionStart && furthestEnd[n - 1]! > m.mentionStart;
}

/**
 * Rule mentions typed by strong evidence (a title, a given name, an organization or place word,
 * an acronym, a locative preposition): the model neither removes nor retypes them.
 */
const STRONG_RULES = new Set(['caps:title', 'caps:given-name', 'caps:org-word', 'caps:place-word', 'caps:misc-word', 'caps:acronym', 'caps:after-locative']);

/** A model mention that is a demonym, a role or a title alone ("Nord-Coréens") is no name. */
function isNoName(ctx: Context, d: Draft): boolean {
  return ctx.demonymAt[d.first]?.last === d.last || (ctx.roleAt[d.first]?.last ?? -1) >= d.last;
}

/** Keys of the first and last words of the strong rule mentions of several words. */
function partsOfNames(ctx: Context, rules: readonly Draft[]): Set<string> {
  const out = new Set<string>();
  for (const r of rules) {
    if (r.last - r.first < 2 || !(r.hits.length > 0 || r.titled || STRONG_RULES.has(r.rule))) continue;
    out.add(ctx.units[r.first]!.key);
    out.add(ctx.units[r.last - 1]!.key);
  }
  return out;
}

export function combineDrafts(ctx: Context, model: readonly Draft[], rules: readonly Draft[], source: MentionSource = DEFAULT_SOURCE): Draft[] {
  const byStart = (a: Draft, b: Draft): number => a.start - b.start;
  if (source === 'model') return [...model];
  if (source === 'model+kb' || source === 'model+rules') {
    const extra = rules.filter((r) => (source === 'model+rules' || r.hits.length > 0) && !model.some((m) => overlap(m, r) > 0));
    return [...model, ...extra].sort(byStart);
  }
  const out: Draft[] = [];
  const names = partsOfNames(ctx, rules);
  const ordered = inOrderApart(model);
  for (const r of rules) {
    // "Selon Dubreuil" after "Claire Dubreuil": a part of a name of the document stays
    if (r.hits.length > 0 || r.titled || STRONG_RULES.has(r.rule) || (r.last - r.first === 1 && names.has(ctx.units[r.first]!.key))) {
      out.push(r);
      continue;
    }
    const m = bestOverlap(r, model, ordered);
    if (m) out.push({ ...r, type: m.type === 'LOC' && r.type === 'GPE' ? 'GPE' : m.type, rule: `${r.rule}+model` });
  }
  // rules that are spans at all (overlap() is 0 for the empty), by start, and the furthest end so far
  const sorted = rules.filter((r) => r.end > r.mentionStart).sort((a, b) => a.mentionStart - b.mentionStart);
  const furthestEnd: number[] = [];
  for (const r of sorted) furthestEnd.push(Math.max(r.end, furthestEnd[furthestEnd.length - 1] ?? -Infinity));
  for (const m of model) if (!overlapsAny(m, sorted, furthestEnd) && !isNoName(ctx, m)) out.push(m);
  return out.sort(byStart);
}
