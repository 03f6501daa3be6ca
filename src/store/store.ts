/**
 * Where analysis records, and the sources polled for them, are kept, listed and searched. One
 * interface, one folder per backend (`sqlite/` now, `postgres/` later) with the same file
 * names, and one contract suite (test/store/contract.ts) that every backend passes. Async
 * throughout because PostgreSQL is.
 *
 * Errors are VeilleError: 'STORE' (database failure, refused record or file), 'BAD_QUERY'
 * (a query, cursor, limit or date filter that cannot be answered), 'USAGE' (bad location).
 *
 * @example
 *   const store = await openStore('veille.db');
 *   await store.putAnalysis(record);               // 'inserted'
 *   const page = await store.search({ query: 'coree du nord', limit: 10 });
 */
import type { VeilleError } from '../core/errors.js';
import type { AnalysisRecord, DocSource, EntityType, Span, TextSpan } from '../core/record.js';

export type PutOutcome = 'inserted' | 'unchanged' | 'updated';

/** A record's document id for messages: '?' when the record is too malformed to have one. */
export const recordId = (record: AnalysisRecord): string => (record as Partial<AnalysisRecord> | null)?.doc?.id ?? '?';

/** One record's result in `putAnalyses`: its outcome, or why it was refused. */
export type PutResult = { ok: true; outcome: PutOutcome } | { ok: false; error: VeilleError };

/** A document without its text: what lists show. */
export interface DocumentSummary {
  id: string;
  /** The path or URL it was first read from. */
  origin: string;
  source: DocSource;
  title: string | null;
  /** ISO 8601 as precise as known (`2023`, `2023-10`, `2023-10-18`), or null. */
  date: string | null;
  language: string;
  /** When it was first stored (ISO 8601 timestamp). */
  ingestedAt: string;
}

export interface StoredDocument extends DocumentSummary {
  text: string;
}

/** One page of results; pass `nextCursor` back as `cursor` for the next page (null: no more). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageOptions {
  /** At least 1; values above MAX_PAGE_LIMIT are lowered to it. */
  limit: number;
  /** An opaque `nextCursor` from the previous page of the same query. */
  cursor?: string | null;
}

/** Filters shared by listing and search. Dates compare as intervals (see DateRange). */
export interface DocumentFilters {
  /** Exact source name (`doc.source.name`). */
  source?: string | null;
  /** ISO 639-1 code. */
  language?: string | null;
  /** Keeps documents whose date may fall on or after this ISO date (`2023`, `2023-10`, `2023-10-18`). */
  dateFrom?: string | null;
  /** Keeps documents whose date may fall on or before this ISO date. */
  dateTo?: string | null;
}

export interface ListOptions extends PageOptions, DocumentFilters {
  /** An entity key (EntitySummary.key): only documents that mention it. */
  entity?: string | null;
}

export interface SearchOptions extends DocumentFilters {
  /** Words, `"exact phrases"`, and `prefix*`; all must match. Never passed raw to the engine. */
  query: string;
  /** Defaults to DEFAULT_SEARCH_LIMIT. */
  limit?: number;
  cursor?: string | null;
}

/** An excerpt of the document with the matched terms located (offsets into `text`). */
export interface Snippet {
  text: string;
  marks: Span[];
}

export interface SearchHit extends DocumentSummary {
  snippet: Snippet;
  /** Relevance, higher is better; comparable within one query only. */
  score: number;
}

export interface EntityListOptions extends PageOptions {
  /** Entities that appear with this type in some document. */
  type?: EntityType | null;
  /** Part of a name, matched without regard to case or accents. */
  query?: string | null;
}

/** A real-world entity across documents: grouped by kb id when linked, else by type + name. */
export interface EntitySummary {
  /** `kb` when linked (`Q159`), else `TYPE:name` (`PER:Marie Dupont`). */
  key: string;
  type: EntityType;
  /** The name most documents use (ties: the longest, then alphabetical). */
  name: string;
  kb: string | null;
  country: string | null;
  sector: string | null;
  documents: number;
  mentions: number;
}

/** An entity as one document's record has it. */
export interface StoredEntity {
  id: string;
  type: EntityType;
  name: string;
  kb: string | null;
  country: string | null;
  sector: string | null;
  mentions: TextSpan[];
}

/** Where an entity occurs: one document and its entities with that key (usually one). */
export interface EntityOccurrence {
  document: DocumentSummary;
  entities: StoredEntity[];
}

export interface StoreStats {
  documents: number;
  languages: { language: string; documents: number }[];
  sources: { name: string | null; documents: number }[];
  /** Distinct entity keys. */
  entities: number;
  mentions: number;
  /** Size of the database in bytes. */
  bytes: number;
}

/** A subscription: a feed (or page) that `veille watch` polls on a schedule. Times are ISO 8601 (UTC). */
export interface Source {
  id: number;
  /** Unique among sources. */
  url: string;
  name: string | null;
  /** Poll interval in seconds. */
  everySeconds: number;
  /** Validators of the last successful response, sent back as If-None-Match / If-Modified-Since. */
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: string | null;
  /** When it is next due; a new source is due when added. */
  nextPollAt: string;
  /** Failed polls in a row (0 after a success). */
  failures: number;
  lastError: string | null;
  createdAt: string;
}

export interface NewSource {
  url: string;
  name?: string | null;
  /** A whole number of seconds, at least 1. */
  everySeconds: number;
  /** Creation time and first due time; default now. */
  at?: Date;
}

/** What a poll of a source leaves: when it ran, when to run next, and how it went. */
export interface PollRecord {
  polledAt: Date;
  nextPollAt: Date;
  /** Null when the poll succeeded (failures reset to 0); otherwise why not (failures + 1). */
  error: string | null;
  /** The validators to send next time (on failure, pass the source's current ones). */
  etag: string | null;
  lastModified: string | null;
}

/** A feed item already handled: its key (link or guid), the document it gave, the source it came from. */
export interface SeenItem {
  key: string;
  docId: string;
  sourceId: number | null;
}

/** A story as listed: its id, how many documents, and the dates they span. */
export interface StoryListing {
  /** `s` + the id of the story's oldest document (stable while that document stays in it). */
  id: string;
  documents: number;
  /** Earliest and latest document dates (ISO 8601 as precise as known), null when none is dated. */
  firstDate: string | null;
  lastDate: string | null;
}

/** Which documents a story holds, in the order they were stored, and which are copies of which. */
export interface StoryMembership {
  id: string;
  documents: { id: string; duplicateOf: string | null }[];
}

export interface ReclusterSummary {
  documents: number;
  stories: number;
}

/**
 * Stories: every stored document is clustered with reports of the same story (across outlets
 * and languages) inside `putAnalysis`'s transaction; see src/stories/assign.ts. A separate
 * interface so that a backend can be added before it clusters: callers check `hasStories`.
 */
export interface StoryStore {
  /** Stories by latest document date (newest first, undated last), then id. */
  listStories(options: PageOptions): Promise<Page<StoryListing>>;
  /** A story's documents, or null when there is no story with this id. */
  getStory(id: string): Promise<StoryMembership | null>;
  /** The id of the story a document belongs to, or null when the document is unknown. */
  storyOf(docId: string): Promise<string | null>;
  /**
   * Rebuilds every story from scratch, assigning documents again in the order they were
   * stored: the result equals what incremental ingestion in that order gave.
   */
  recluster(): Promise<ReclusterSummary>;
}

/** Whether this store clusters documents into stories. */
export function hasStories(store: Store): store is Store & StoryStore {
  const s = store as Partial<StoryStore>;
  return typeof s.listStories === 'function' && typeof s.getStory === 'function' && typeof s.storyOf === 'function' && typeof s.recluster === 'function';
}

/** Pages are never longer than this, whatever the caller asks (protects memory and the API). */
export const MAX_PAGE_LIMIT = 1000;
/** Ten hits, like the first page of a web search engine. */
export const DEFAULT_SEARCH_LIMIT = 10;

export interface Store {
  /**
   * Stores a record and its document, entities, mentions and index in one transaction:
   * 'inserted' (new id), 'unchanged' (same record; nothing written; another origin alone
   * does not count), 'updated' (same text, different record: analysis and entities
   * replaced, first origin kept). Refused with 'STORE', leaving nothing of it: an id that
   * is not documentId(doc.text), duplicate entity ids, a mention with start < 0 or end < start.
   */
  putAnalysis(record: AnalysisRecord): Promise<PutOutcome>;
  /**
   * Stores records as `putAnalysis` would one after the other, with the same outcomes and
   * stories, in their order. A record refused leaves nothing of itself and the others go on.
   * SQLite writes them in one transaction, each under its own savepoint: the pages they share
   * (the index, the term counts of stories) are written once, not once per document; a crash
   * before the commit leaves none of them. Rejects, with nothing stored, when the write as a
   * whole fails (the commit, the disk). PostgreSQL writes each in its own transaction, as
   * its workers do (their clustering lock is held one document at a time).
   */
  putAnalyses(records: readonly AnalysisRecord[]): Promise<PutResult[]>;
  /** The document (metadata and text), or null when unknown. */
  getDocument(id: string): Promise<StoredDocument | null>;
  /** The record as it was put (same JSON), or null when unknown. */
  getAnalysis(id: string): Promise<AnalysisRecord | null>;
  /** The record's JSON text exactly as stored, for callers that serve it unchanged. */
  getAnalysisJson(id: string): Promise<string | null>;
  /** Whether a document with this id is stored. */
  hasDocument(id: string): Promise<boolean>;
  /** Documents newest first (date desc, undated last, then id), filtered. */
  listDocuments(options: ListOptions): Promise<Page<DocumentSummary>>;
  /** Full-text search over titles and texts, best first (then id). */
  search(options: SearchOptions): Promise<Page<SearchHit>>;
  /** Distinct entities across documents, most documents first (then key). */
  entities(options: EntityListOptions): Promise<Page<EntitySummary>>;
  /** The documents (newest first) and spans where the entity with this key occurs. */
  entityMentions(key: string, options?: PageOptions): Promise<Page<EntityOccurrence>>;
  /** Counts of documents, languages, sources, entities, mentions, and the database size. */
  stats(): Promise<StoreStats>;
  /** Every record, ordered by document id (stable whatever the order of ingestion). */
  exportRecords(): AsyncIterable<AnalysisRecord>;
  /** Subscribes to a URL; refused with 'USAGE' when that URL is already a source (the message names its id). */
  addSource(source: NewSource): Promise<Source>;
  /** Every source, by id. */
  listSources(): Promise<Source[]>;
  /** The source with this id (a number) or URL (a string), or null. */
  getSource(idOrUrl: number | string): Promise<Source | null>;
  /** Removes the source with this id or URL; false when there was none. Documents stay. */
  removeSource(idOrUrl: number | string): Promise<boolean>;
  /** Sources due at `now` (nextPollAt ≤ now), the longest overdue first (then id). */
  dueSources(now: Date): Promise<Source[]>;
  /** Records a poll's outcome; returns the updated source, or null when it was removed meanwhile. */
  recordPoll(id: number, poll: PollRecord): Promise<Source | null>;
  /** Which of these item keys were handled before (by any source). */
  seenItems(keys: string[]): Promise<Set<string>>;
  /** Remembers handled items (a key seen again keeps its first document and source). */
  rememberItems(items: SeenItem[]): Promise<void>;
  /** Releases the database; later calls fail with 'STORE'. Calling it twice is harmless. */
  close(): Promise<void>;
}
