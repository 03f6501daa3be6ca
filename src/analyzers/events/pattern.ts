import type { PloverCategory } from './plover.js';
import type { FormTag } from './inflect.js';

/**
 * Where a participant is looked for, relative to the trigger:
 * - `subject`: the clause's subject, left of a verb (the `par`/`by` agent in the passive);
 * - `object`: the direct object right of a verb (the subject in the passive);
 * - `prep:à|au`: after one of these prepositions, right of the trigger;
 * - `genitive`: "X's", a possessive, or `de`/`of` X after a noun;
 * - `agent`: `par`/`by` X after the trigger; `demonym`: a nationality next to a noun ("russe");
 * - `clause_subject`: the subject of the clause a noun sits in ("X a effectué une visite");
 * - `place`: a place after a locative or destination preposition (the host of a visit);
 * - `after`: the first participant after the trigger; `speaker`: who reports the sentence.
 */
export type Slot = 'subject' | 'object' | 'genitive' | 'agent' | 'demonym' | 'clause_subject' | 'place' | 'after' | 'speaker' | `prep:${string}`;

/** What becomes of an event stated in a trigger's complement. */
export type ContentEffect = 'suppress' | 'reported' | 'negated' | 'hypothetical';

/** The effect per kind of complement: an infinitive, a `que`/`that` clause, a noun object. */
export interface ContentRule {
  infinitive: ContentEffect | null;
  clause: ContentEffect | null;
  object: ContentEffect | null;
}

/** One event pattern, compiled from `lang/<code>/events.json` (and the user's files). */
export interface EventPattern {
  id: string;
  /** The PLOVER category, or null for a reporting verb that only governs its content. */
  event: PloverCategory | null;
  pos: 'verb' | 'noun' | 'forms';
  /** The trigger's lemma (`verb`, `noun`), or the first of `forms`. */
  trigger: string;
  then: string[];
  notThen: Set<string>;
  with: string[];
  within: number;
  notWith: string[];
  before: Set<string>;
  notBefore: Set<string>;
  reflexive: boolean;
  lowercase: boolean;
  actor: Slot[];
  recipient: Slot[];
  reciprocal: boolean;
  mode: string[];
  context: string[];
  content: ContentRule | null;
  actorOptional: boolean;
  /** With no actor named, the people of the event's place are (sector CVL): "des émeutes à Nouméa". */
  actorFromPlace: boolean;
  requiresActor: boolean;
  requiresRecipient: boolean;
  inReport: boolean;
  example: string | null;
  /** The file the pattern came from (the user's, when it overrides ours). */
  source: string;
  /** Position in the merged list: ties between patterns go to the earlier. */
  order: number;
}

/** A word form that triggers a pattern. */
export interface TriggerForm {
  pattern: EventPattern;
  tag: FormTag;
}
