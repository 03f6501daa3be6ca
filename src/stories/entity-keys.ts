import type { AnalysisRecord, Entity } from '../core/record.js';
import { fold } from './fold.js';

/** An entity's key across documents: its KB id, else type and folded name (as the store's entity keys). */
export function storyEntityKey(e: Pick<Entity, 'kb' | 'type' | 'name'>): string {
  return e.kb ?? `${e.type}:${fold(e.name)}`;
}

/** The entities of a record by id. */
export function entitiesById(record: AnalysisRecord): Map<string, Entity> {
  return new Map(record.entities.map((e) => [e.id, e]));
}

/** Keys of the entities mentioned inside a span of the record. */
export function entityKeysIn(record: AnalysisRecord, start: number, end: number): Set<string> {
  const keys = new Set<string>();
  for (const e of record.entities) {
    if (e.mentions.some((m) => m.start < end && start < m.end)) keys.add(storyEntityKey(e));
  }
  return keys;
}

export function intersects<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}
