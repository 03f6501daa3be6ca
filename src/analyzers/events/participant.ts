import type { Entity } from '../../core/record.js';

/**
 * A possible actor or recipient found in a sentence: a named entity, a noun naming an actor
 * with its country ("les forces maliennes"), a bare nationality ("les Palestiniens",
 * "américaines"), or a pronoun resolved when used.
 */
export interface Participant {
  /** First and last token of the sentence it covers. */
  first: number;
  last: number;
  kind: 'entity' | 'nominal' | 'demonym' | 'pronoun';
  entity: Entity | null;
  code: string | null;
  sector: string | null;
  name: string;
  /** A place (GPE or LOC entity) that can locate an event. */
  place: boolean;
  /** The place is a whole country ("en Russie", not "à Moscou"). */
  country: boolean;
  /** Participants joined by "et", "and", "," … share a group. */
  group: number;
  /** Followed by "'s": it qualifies the next noun and is not itself a subject or object. */
  possessor: boolean;
  /** A people named as such ("ethnic Albanians"): coded by the country it lives in when the event's place says it. */
  ethnic?: boolean;
}
