import type { MentionIndex } from '../attribution/mentions.js';

/**
 * The entity that stands for a country in this document, for a claim named by demonym
 * ("les allégations américaines"): its government (a GPE with sector GOV, "Washington")
 * first, then the country itself, then anything of that country; the earliest on ties.
 */
export function countryEntity(mentions: MentionIndex, country: string): string | null {
  let best: { id: string; rank: number } | null = null;
  for (const e of mentions.byId.values()) {
    if (e.country !== country) continue;
    const rank = e.type === 'GPE' && e.sector === 'GOV' ? 0 : e.type === 'GPE' ? 1 : e.type === 'ORG' && e.sector === 'GOV' ? 2 : 3;
    if (!best || rank < best.rank) best = { id: e.id, rank };
  }
  return best?.id ?? null;
}
