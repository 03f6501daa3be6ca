import type { FactStatus, StoryRecord } from '../stories/story.js';

/** A story as lists show it: what tells it apart without its facts, spans and graph. */
export interface StoryListItem {
  id: string;
  title: string;
  article_count: number;
  independent_source_count: number;
  first_seen: string | null;
  last_seen: string | null;
  /** Outlet names, each once, in the story's document order (unnamed outlets left out). */
  sources: string[];
  languages: string[];
  /** How many facts have each status. */
  facts: Record<FactStatus, number>;
}

export function storyListItem(story: StoryRecord): StoryListItem {
  const facts: Record<FactStatus, number> = { agreed: 0, single_source: 0, conflict: 0 };
  for (const f of story.facts) facts[f.status]++;
  const unique = <T>(xs: (T | null)[]): T[] => [...new Set(xs.filter((x): x is T => x !== null))];
  return {
    id: story.id,
    title: story.title,
    article_count: story.article_count,
    independent_source_count: story.independent_source_count,
    first_seen: story.first_seen,
    last_seen: story.last_seen,
    sources: unique(story.documents.map((d) => d.source)),
    languages: unique(story.documents.map((d) => d.language)),
    facts,
  };
}
