import type { EntityType, EventParticipant, Modality } from '../core/record.js';
import { entitiesById, storyEntityKey } from './entity-keys.js';
import { fold } from './fold.js';
import type { GraphEdge, GraphNode, StoryGraph } from './story.js';
import { storySpan, type StoryDoc } from './story-doc.js';

/** Spans kept per edge: enough to check it, not the whole story. */
const MAX_EDGE_SPANS = 10;

/**
 * The actor graph: event participants as nodes (one per KB entity, else per country code,
 * else per name) and PLOVER events as typed, directed edges actor → recipient, with how many
 * reports tell them, their modalities, and the spans that tell them.
 */
export function storyGraph(docs: readonly StoryDoc[]): StoryGraph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  for (const doc of docs) {
    const entities = entitiesById(doc.record);
    const node = (p: EventParticipant): string => {
      const e = p.entity ? entities.get(p.entity) : undefined;
      const id = e?.kb ? storyEntityKey(e) : p.code ?? `name:${fold(p.name)}`;
      if (!nodes.has(id)) nodes.set(id, { id, name: e?.kb ? e.name : p.name, code: p.code ?? e?.country ?? null, type: (e?.type ?? null) as EntityType | null });
      return id;
    };
    for (const v of doc.record.events) {
      const from = v.actor.map(node);
      const to = v.recipient.map(node);
      const telling = v.mentions?.[0] ?? { start: v.start, end: v.end };
      for (const a of from) {
        for (const r of to) {
          if (a === r) continue;
          const key = `${a}\u0000${r}\u0000${v.event}`;
          let edge = edges.get(key);
          if (!edge) edges.set(key, (edge = { from: a, to: r, event: v.event, count: 0, modality: [], spans: [] }));
          edge.count++;
          if (!edge.modality.includes(v.modality)) edge.modality.push(v.modality);
          if (edge.spans.length < MAX_EDGE_SPANS) edge.spans.push(storySpan(doc, telling));
        }
      }
    }
  }
  const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    nodes: [...nodes.values()].sort(byId),
    edges: [...edges.values()]
      .map((e) => ({ ...e, modality: [...e.modality].sort() as Modality[] }))
      .sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.event.localeCompare(b.event)),
  };
}
