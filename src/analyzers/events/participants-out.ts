import type { EventParticipant } from '../../core/record.js';
import type { Participant } from './participant.js';

/** PLOVER's unidentified actor (sector UNK, manual 'Sector Codes'), for attacks nobody is named for. */
export const UNKNOWN_ACTOR: EventParticipant = { entity: null, code: null, sector: 'UNK', name: 'UNK' };

/**
 * The record's form of participants: entities with their country and sector; nouns with
 * the country they were given, else the event's place ("la police" at Dakar is SEN); named
 * actors of no known country, the `homeCode` when given; a region without a country, or a
 * noun with no country at all, is left out.
 */
const DOMESTIC = new Set(['COP', 'CVL', 'REB', 'LAB', 'EDU', 'MED', 'JRN', 'AGR', 'REF', 'OPP', 'PTY', 'BUS', 'UAF', 'PRM', 'REL', 'SOC', 'JUD', 'LEG']);

export function toEventParticipants(parts: readonly Participant[], placeCode: string | null, homeCode: string | null = null): EventParticipant[] {
  const out: EventParticipant[] = [];
  const seen = new Set<string>();
  for (const p of parts) {
    let e: EventParticipant | null = null;
    // a people is coded by the country it lives in, when the event's place says it (CAMEO and PLOVER code ethnic groups so)
    const ethnicCode = p.ethnic ? placeCode : null;
    if (p.kind === 'entity' && p.entity) {
      // a party, group or person the knowledge base places nowhere is taken to be of the country the event is in (`homeCode`)
      const code = ethnicCode ?? p.code ?? (p.entity.type === 'ORG' || p.entity.type === 'PER' ? homeCode : null);
      if (!(p.entity.type === 'LOC' && code === null)) e = { entity: p.entity.id, code, sector: p.entity.sector, name: p.entity.name };
    } else if (p.kind === 'nominal') {
      // police, protesters, civilians belong where the event is; officials and armies say whose they are
      const code = ethnicCode ?? p.code ?? (p.sector !== null && DOMESTIC.has(p.sector) ? placeCode : null);
      if (code !== null) e = { entity: null, code, sector: p.sector, name: p.name };
    } else if (p.kind === 'demonym') {
      e = { entity: p.entity?.id ?? null, code: ethnicCode ?? p.code, sector: null, name: p.name };
    }
    if (!e) continue;
    const key = participantKey(e);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}

/** What identifies a participant across sentences: its entity, else its code, sector and name. */
export function participantKey(p: EventParticipant): string {
  return p.entity ?? `${p.code ?? ''}/${p.sector ?? ''}/${p.name}`;
}

/** Whether two participants are the same actor (same entity, or same country and sector). */
export function sameParticipant(a: EventParticipant, b: EventParticipant): boolean {
  if (a.entity !== null && a.entity === b.entity) return true;
  return a.code !== null && a.code === b.code && (a.sector === b.sector || a.entity === null || b.entity === null) && (a.entity === null || b.entity === null);
}
