/**
 * Stories for the API and the pages, read the way `veille story ID --json` reads them
 * (src/stories/load.ts): the same record, whatever asks for it.
 */
import { VeilleError } from '../core/errors.js';
import { hasStories, type Page, type Store } from '../store/store.js';
import { loadStory } from '../stories/load.js';
import type { StoryRecord } from '../stories/story.js';
import { storyListItem, type StoryListItem } from './story-listing.js';

export const STORY_ID = /^s[0-9a-f]{16}$/;
const DOCUMENT_ID = /^[0-9a-f]{16}$/;

/** Whether the store clusters stories (a backend may not yet). */
export function storiesAvailable(store: Store): boolean {
  return hasStories(store);
}

/**
 * The story record of a story id (`s…`) or of the story holding a document id, as the CLI
 * resolves it; null when there is none (or the store does not cluster).
 */
export async function findStory(store: Store, id: string): Promise<StoryRecord | null> {
  if (!hasStories(store)) return null;
  const storyId = STORY_ID.test(id) ? id : DOCUMENT_ID.test(id) ? await store.storyOf(id) : null;
  return storyId ? loadStory(store, storyId) : null;
}

/** The story a document belongs to (its id), or null. */
export async function storyIdOf(store: Store, docId: string): Promise<string | null> {
  return hasStories(store) ? store.storyOf(docId) : null;
}

/** How many documents the story of a document holds, with its id; null when none. */
export async function storyOfDocument(store: Store, docId: string): Promise<{ id: string; documents: number } | null> {
  if (!hasStories(store)) return null;
  const id = await store.storyOf(docId);
  const membership = id ? await store.getStory(id) : null;
  return membership ? { id: membership.id, documents: membership.documents.length } : null;
}

/** Stories lists are built from whole records: pages stay short. */
export const MAX_STORY_PAGE = 100;

/** One page of stories, newest first, each as a list item. */
export async function listStoryItems(store: Store, limit: number, cursor: string | null): Promise<Page<StoryListItem>> {
  if (!hasStories(store)) return { items: [], nextCursor: null };
  if (limit > MAX_STORY_PAGE) throw new VeilleError('BAD_QUERY', `limit is at most ${MAX_STORY_PAGE} for stories, not ${limit}`);
  const page = await store.listStories({ limit, cursor });
  const items: StoryListItem[] = [];
  for (const listing of page.items) {
    const story = await loadStory(store, listing.id);
    if (story) items.push(storyListItem(story));
  }
  return { items, nextCursor: page.nextCursor };
}
