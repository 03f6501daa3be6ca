import type { DayRange } from './dates.js';
import type { WeightedVector } from './weights.js';

/** A document as the story index holds it. */
export interface IndexedDoc {
  id: string;
  /** Assignment order (the store's insertion order): the oldest member names a story. */
  seq: number;
  story: string;
  /** The earliest document this one is a near-identical copy of, or null. */
  dupOf: string | null;
  language: string;
  date: string | null;
  days: DayRange | null;
  vector: WeightedVector;
  signature: number[];
}

export interface Posting {
  key: string;
  /** The document's first day, so that lookups can be windowed by date (null: undated). */
  day: number | null;
}

/**
 * What incremental clustering needs of a store, all inside the transaction that stores the
 * document. Every lookup is bounded (by key, by limit), never a scan of all stories: this is
 * what keeps the cost per document flat as the corpus grows. The SQLite store implements it
 * (src/store/sqlite/story-index.ts); a PostgreSQL store implements the same tables.
 */
export interface StoryIndex {
  /** Documents indexed. */
  documentCount(): number;
  /** Document frequencies of feature keys (absent keys: 0). */
  frequencies(keys: readonly string[]): Map<string, number>;
  /** Counts a document's feature keys in (+1) or out (−1), and the document count with them. */
  countDocument(keys: readonly string[], delta: 1 | -1): void;
  /**
   * Ids of documents posted under each key (one list per key, in the order of `keys`; a list
   * holds each id once, in no particular order), up to `limit` of each kind: for a dated
   * document, those of the nearest days within `windowDays` on either side, and the latest
   * undated; for an undated one, the latest dated and the latest undated. One call for all
   * of a document's posting keys, so that a store can answer in one statement.
   */
  postingMatches(keys: readonly string[], days: DayRange | null, windowDays: number, limit: number): string[][];
  /** The documents with these ids (unknown ids are left out), in no particular order. */
  documents(ids: readonly string[]): IndexedDoc[];
  storySize(story: string): number;
  /** Up to `limit` members of a story: its oldest, then the most recent. */
  storySample(story: string, limit: number): IndexedDoc[];
  /** All members of a story (only called for stories of at most LARGE_STORY documents). */
  storyMembers(story: string): IndexedDoc[];
  insert(doc: IndexedDoc, postings: readonly Posting[]): void;
  /** Removes a document with the postings it was inserted with. */
  remove(doc: IndexedDoc, postings: readonly Posting[]): void;
  /** Moves documents to other stories. */
  moveDocuments(moves: ReadonlyMap<string, string>): void;
  /** Renames a story: every member moves to `to`. */
  renameStory(from: string, to: string): void;
  /**
   * Whether a lookup so far was answered without its data (a store that reads in rounds and
   * runs the assignment again once it has read them: src/store/postgres/story-index.ts). Work
   * that only computes from what was read can then stop early. Absent: always complete.
   */
  incomplete?(): boolean;
}
