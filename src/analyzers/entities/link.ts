import { affiliationAt } from '../../kb/affiliation.js';
import type { KbEntry } from '../../kb/knowledge-base.js';
import type { Context } from './context.js';
import type { Draft } from './draft.js';

export interface Link {
  entry: KbEntry;
  /** Every entry that fits, best first, when more than one does; scores sum to 1. */
  candidates: { id: string; score: number }[];
}

/** Below this share of the best score an entry is not a candidate worth showing. */
const CANDIDATE_FLOOR = 0.6;

/**
 * The KB entry a mention names, among those whose names match it. Hand-curated and user
 * entries outrank generated ones; an entry whose country at the document's date agrees with
 * what the text says (a demonym, a role's complement) rises, one that contradicts it falls;
 * people rise when a role describes the mention; entries with a period covering the date rise.
 */
export function linkDraft(ctx: Context, d: Draft, textCountry: string | null): Link | null {
  const entries = [...new Map(d.hits.map((h) => [h.entry.id, h.entry])).values()];
  if (entries.length === 0) return null;
  const scored = entries.map((entry) => ({ entry, score: score(ctx, d, entry, textCountry) }));
  scored.sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id));
  const best = scored[0]!;
  // a generated entry saying the same as a curated one (same type and country) is a duplicate, not a rival
  const bestAff = affiliationAt(best.entry, ctx.date);
  const rivals = scored.filter((s) => s === best || s.entry.priority >= best.entry.priority
    || s.entry.type !== best.entry.type || affiliationAt(s.entry, ctx.date).country !== bestAff.country);
  const kept = rivals.filter((s) => s.score >= best.score * CANDIDATE_FLOOR).slice(0, 5);
  const total = kept.reduce((n, s) => n + s.score, 0);
  const candidates = kept.length > 1 ? kept.map((s) => ({ id: s.entry.kb, score: Math.round((s.score / total) * 1000) / 1000 })) : [];
  return { entry: best.entry, candidates };
}

function score(ctx: Context, d: Draft, entry: KbEntry, textCountry: string | null): number {
  let s = 1 + 0.5 * entry.priority;
  const a = affiliationAt(entry, ctx.date);
  if (textCountry) s += a.country === textCountry ? 0.4 : a.country && /^[A-Z]{3}$/.test(a.country) ? -0.6 : 0;
  if (d.roles.length > 0 || d.titled) s += entry.type === 'PER' ? 0.3 : -0.3;
  if (ctx.date && entry.periods.some((p) => (p.from ?? '') <= ctx.date! && (p.to === undefined || ctx.date! < p.to))) s += 0.2;
  if (entry.kind === 'country') s += 0.1;
  return Math.max(0.05, s);
}
