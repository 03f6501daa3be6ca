import type { Entity } from '../core/record.js';

/**
 * How documents' entities are grouped into one: by knowledge-base id when linked (`Q159`),
 * else by type and name (`PER:Marie Dupont`). KB ids never start with an entity type and a
 * colon, so the two forms cannot collide.
 */
export function entityKey(entity: Pick<Entity, 'kb' | 'type' | 'name'>): string {
  return entity.kb ?? `${entity.type}:${entity.name}`;
}

/** Lower case without accents, for matching names the way search matches text. */
export function foldName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().normalize('NFC');
}
