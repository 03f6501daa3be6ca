import type { AnalysisRecord } from '../core/record.js';
import type { Store, StoryStore } from '../store/store.js';
import { buildStory, type Member } from './build.js';
import type { StoryRecord } from './story.js';

/** The story record of a stored story, or null when there is none with this id. */
export async function loadStory(store: Store & StoryStore, id: string): Promise<StoryRecord | null> {
  const membership = await store.getStory(id);
  if (!membership) return null;
  const members: Member[] = [];
  for (const d of membership.documents) {
    const record = await store.getAnalysis(d.id);
    if (record) members.push({ record, duplicateOf: d.duplicateOf });
  }
  return members.length > 0 ? buildStory(id, members) : null;
}

/**
 * Every stored story's record, newest first (by latest document date), `pageSize` listings
 * at a time: bounded memory whatever the number of stories.
 */
export async function* allStories(store: Store & StoryStore, pageSize = 100): AsyncIterable<StoryRecord> {
  let cursor: string | null = null;
  do {
    const page = await store.listStories({ limit: pageSize, cursor });
    for (const listing of page.items) {
      const story = await loadStory(store, listing.id);
      if (story) yield story;
    }
    cursor = page.nextCursor;
  } while (cursor !== null);
}

/** Two documents compared as if they were one story (whether or not they are). */
export function compareRecords(a: AnalysisRecord, b: AnalysisRecord, duplicateOf: string | null = null): StoryRecord {
  return buildStory(`s${a.doc.id}`, [{ record: a, duplicateOf: null }, { record: b, duplicateOf }]);
}
