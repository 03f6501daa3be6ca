import type { Database } from 'better-sqlite3';
import type { AnalysisRecord } from '../../core/record.js';
import { assignStory, unassignStory } from '../../stories/assign.js';
import { decodeCursor, encodeCursor, pageLimit } from '../paging.js';
import type { Page, PageOptions, ReclusterSummary, StoryListing, StoryMembership } from '../store.js';
import { statement } from './statements.js';
import { SqliteStoryIndex } from './story-index.js';

/** Records read per query while reclustering: bounded memory. */
const RECLUSTER_BATCH = 200;

/**
 * Clusters a document just written (inside its transaction): an inserted document is
 * assigned; an updated one is first taken out of its story (which may split), then assigned
 * again with its new record. `previous` is the record it replaces, if any.
 */
export function clusterWrittenDocument(db: Database, record: AnalysisRecord, previous: AnalysisRecord | null): void {
  const index = new SqliteStoryIndex(db);
  if (previous) unassignStory(index, previous);
  const row = statement(db, 'SELECT seq FROM documents WHERE id = ?').get(record.doc.id) as { seq: number };
  assignStory(index, record, row.seq);
  index.refreshStories();
}

/** Empties the story tables and assigns every document again, in insertion order. */
export function reclusterAll(db: Database): ReclusterSummary {
  return db.transaction((): ReclusterSummary => {
    for (const table of ['story_documents', 'story_postings', 'story_terms', 'stories']) {
      db.exec(`DELETE FROM ${table}`);
    }
    const index = new SqliteStoryIndex(db);
    let after = -1;
    let documents = 0;
    for (;;) {
      const rows = statement(db, `SELECT d.seq, a.record FROM documents d JOIN analyses a ON a.doc_id = d.id
        WHERE d.seq > ? ORDER BY d.seq LIMIT ?`).all(after, RECLUSTER_BATCH) as { seq: number; record: string }[];
      for (const row of rows) {
        assignStory(index, JSON.parse(row.record) as AnalysisRecord, row.seq);
        index.refreshStories();
        documents++;
      }
      const last = rows[rows.length - 1];
      if (!last || rows.length < RECLUSTER_BATCH) break;
      after = last.seq;
    }
    const stories = (statement(db, 'SELECT count(*) AS n FROM stories').get() as { n: number }).n;
    return { documents, stories };
  }).immediate();
}

// Undated stories sort as '' and so come last in descending order.
const LAST_DATE = "coalesce(last_date, '')";

interface StoryRow {
  id: string;
  size: number;
  first_date: string | null;
  last_date: string | null;
}

/** Stories by latest document date (newest first, undated last), then id, with a keyset cursor. */
export function listStories(db: Database, options: PageOptions): Page<StoryListing> {
  const limit = pageLimit(options.limit);
  let where = '';
  const params: Record<string, string | number> = { limit: limit + 1 };
  if (options.cursor != null) {
    const [date, id] = decodeCursor(options.cursor, 'stories', 'ss');
    where = `WHERE ${LAST_DATE} < @date OR (${LAST_DATE} = @date AND id > @id)`;
    Object.assign(params, { date: date as string, id: id as string });
  }
  const rows = statement(db, `SELECT id, size, first_date, last_date FROM stories ${where}
    ORDER BY ${LAST_DATE} DESC, id ASC LIMIT @limit`).all(params) as StoryRow[];
  const items = rows.slice(0, limit).map((r): StoryListing => ({ id: r.id, documents: r.size, firstDate: r.first_date, lastDate: r.last_date }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor('stories', [last.lastDate ?? '', last.id]) : null };
}

/** A story's documents in the order they joined the store, with the copy each is of. */
export function storyMembership(db: Database, id: string): StoryMembership | null {
  const rows = statement(db, 'SELECT doc_id, dup_of FROM story_documents WHERE story_id = ? ORDER BY seq').all(String(id)) as
    { doc_id: string; dup_of: string | null }[];
  if (rows.length === 0) return null;
  return { id, documents: rows.map((r) => ({ id: r.doc_id, duplicateOf: r.dup_of })) };
}

export function storyOfDocument(db: Database, docId: string): string | null {
  const row = statement(db, 'SELECT story_id FROM story_documents WHERE doc_id = ?').get(String(docId)) as { story_id: string } | undefined;
  return row?.story_id ?? null;
}
