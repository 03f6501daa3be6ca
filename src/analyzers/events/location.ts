import type { EventRecord } from '../../core/record.js';
import { clauseOf } from './clause.js';
import type { Match } from './match.js';
import { prepBefore } from './roles.js';
import type { SentenceContext } from './sentence-context.js';
import { W } from './word-class.js';

/**
 * Where an event took place: a place entity after a locative preposition ("à Nairobi",
 * "en Éthiopie", "in Lima") in the trigger's clause, else in its sentence, nearest
 * first. A country needs a country preposition ("à la Turquie" is a recipient, not a place).
 */
export function locationOf(ctx: SentenceContext, m: Match): EventRecord['event_loc'] {
  const clause = clauseOf(ctx.view, m);
  let best: { score: number; loc: NonNullable<EventRecord['event_loc']> } | null = null;
  for (const p of ctx.parts) {
    if (!p.place || !p.entity) continue;
    const k = prepBefore(ctx, p.first);
    if (k < 0) continue;
    const c = ctx.view.classes[k]!;
    if (!(c & (p.country ? W.COUNTRY_LOC : W.LOC))) continue;
    // a place nearer another trigger is that trigger's ("informer … de la visite de Lula en Chine")
    const distance = (o: { head: number; last: number }): number => (p.first > o.last ? p.first - o.last : o.head - p.last);
    if (ctx.matches.some((o) => o !== m && distance(o) > 0 && distance(o) < distance(m))) continue;
    const inClause = p.first >= clause.first && p.last <= clause.last;
    const score = (inClause ? 0 : 1000) + Math.abs(p.first - m.head) + (p.first < m.head ? 50 : 0);
    if (!best || score < best.score) best = { score, loc: { entity: p.entity.id, name: p.entity.name, code: p.entity.country } };
  }
  return best?.loc ?? null;
}

/** The country of the place nearest the trigger in its sentence, for the police or civilians of an event with no stated place of its own. */
export function nearbyPlaceCode(ctx: SentenceContext, m: Match): string | null {
  let best: { d: number; code: string } | null = null;
  for (const p of ctx.parts) {
    if (!p.place || !p.entity?.country) continue;
    const k = prepBefore(ctx, p.first);
    if (k < 0 || !(ctx.view.classes[k]! & (W.LOC | W.COUNTRY_LOC))) continue;
    const d = Math.abs(p.first - m.head);
    if (!best || d < best.d) best = { d, code: p.entity.country };
  }
  return best?.code ?? null;
}
