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

/** The model mention overlapping `d` most, if any. */
function bestOverlap(d: Draft, model: readonly Draft[]): Draft | null {
  let best: Draft | null = null;
  let most = 0;
  for (const m of model) {
    const o = overlap(d, m);
    if (o > most) {
      most = o;
      best = m;
    }
  }
  return best;
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
  for (const r of rules) {
    // "Selon Dubreuil" after "Claire Dubreuil": a part of a name of the document stays
    if (r.hits.length > 0 || r.titled || STRONG_RULES.has(r.rule) || (r.last - r.first === 1 && names.has(ctx.units[r.first]!.key))) {
      out.push(r);
      continue;
    }
    const m = bestOverlap(r, model);
    if (m) out.push({ ...r, type: m.type === 'LOC' && r.type === 'GPE' ? 'GPE' : m.type, rule: `${r.rule}+model` });
  }
  for (const m of model) if (!rules.some((r) => overlap(m, r) > 0) && !isNoName(ctx, m)) out.push(m);
  return out.sort(byStart);
}
