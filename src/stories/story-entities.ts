import type { StoryEntity } from './story.js';
import { storyEntityKey } from './entity-keys.js';
import type { StoryDoc } from './story-doc.js';

/**
 * The story's entities across documents (grouped by KB id, else type and name): the name
 * most documents use (ties: the longest, then alphabetical), how many documents and
 * mentions. Most documents first, then most mentions, then name.
 */
export function storyEntities(docs: readonly StoryDoc[]): StoryEntity[] {
  const byKey = new Map<string, { entity: StoryEntity; names: Map<string, number>; docs: Set<string> }>();
  for (const doc of docs) {
    for (const e of doc.record.entities) {
      const key = storyEntityKey(e);
      let slot = byKey.get(key);
      if (!slot) {
        slot = { entity: { kb: e.kb, name: e.name, type: e.type, country: e.country, docs: 0, mentions: 0 }, names: new Map(), docs: new Set() };
        byKey.set(key, slot);
      }
      slot.entity.mentions += e.mentions.length;
      slot.entity.country ??= e.country;
      if (!slot.docs.has(doc.record.doc.id)) {
        slot.docs.add(doc.record.doc.id);
        slot.names.set(e.name, (slot.names.get(e.name) ?? 0) + 1);
      }
    }
  }
  const list = [...byKey.values()].map(({ entity, names, docs: seen }) => {
    const name = [...names].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? entity.name;
    return { ...entity, name, docs: seen.size };
  });
  return list.sort((a, b) => b.docs - a.docs || b.mentions - a.mentions || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
