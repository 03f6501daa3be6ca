import type { EventRecord } from '../../core/record.js';

/** An event before deduplication and ids: the record's fields and what identifies it. */
export interface EventDraft extends Omit<EventRecord, 'id'> {
  sentence: number;
  /** Participant keys (entity id, else code/sector/name), sorted. */
  actorKeys: string[];
  recipientKeys: string[];
}
