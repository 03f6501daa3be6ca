import type { AnalysisRecord } from '../core/record.js';
import { dayRange } from './dates.js';
import { compareFacts } from './facts.js';
import { storyGraph } from './graph.js';
import { sourceGroups } from './sources.js';
import { STORY_SCHEMA, type StoryRecord } from './story.js';
import type { StoryDoc } from './story-doc.js';
import { storyEntities } from './story-entities.js';
import { storySummary } from './summary.js';
import { storyTimeline } from './timeline.js';
import { storyTitle } from './title.js';

/** A document of the story with the copy it is of (from the store's membership). */
export interface Member {
  record: AnalysisRecord;
  duplicateOf: string | null;
}

/** Dated documents first by date, undated after; ties keep the store's order. */
function byDate(a: { record: AnalysisRecord; at: number }, b: { record: AnalysisRecord; at: number }): number {
  const [da, db] = [dayRange(a.record.doc.date), dayRange(b.record.doc.date)];
  if (da && db && da.from !== db.from) return da.from - db.from;
  if (da && !db) return -1;
  if (!da && db) return 1;
  return a.at - b.at;
}

/**
 * The story record (`veille.story/1`) of a story's documents: counts, title, summary,
 * entities, timeline, actor graph and the fact-by-fact comparison of its sources.
 * Deterministic: the same members in the same order give the same record.
 */
export function buildStory(id: string, members: readonly Member[]): StoryRecord {
  const ordered = members.map((m, at) => ({ ...m, at })).sort(byDate);
  const groups = sourceGroups(ordered);
  const docs: StoryDoc[] = ordered.map((m, index) => ({ record: m.record, duplicateOf: m.duplicateOf, group: groups[index] as number, index }));
  const facts = compareFacts(docs);
  const dates = docs.map((d) => d.record.doc.date).filter((d): d is string => d !== null);
  return {
    schema: STORY_SCHEMA,
    id,
    title: storyTitle(docs),
    summary: storySummary(docs, facts),
    documents: docs.map((d) => ({
      id: d.record.doc.id, source: d.record.doc.source.name, date: d.record.doc.date, language: d.record.doc.language, duplicate_of: d.duplicateOf,
    })),
    article_count: docs.length,
    independent_source_count: new Set(groups).size,
    first_seen: dates[0] ?? null,
    last_seen: dates[dates.length - 1] ?? null,
    entities: storyEntities(docs),
    timeline: storyTimeline(docs, facts),
    graph: storyGraph(docs),
    facts,
  };
}
