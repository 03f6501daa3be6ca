import type { Database } from 'better-sqlite3';
import { VeilleError } from '../../core/errors.js';
import type { AnalysisRecord } from '../../core/record.js';
import type {
  DocumentSummary, EntityListOptions, EntityOccurrence, EntitySummary, ListOptions, NewSource, Page, PageOptions,
  PollRecord, PutOutcome, PutResult, SearchHit, SearchOptions, SeenItem, Source, Store, StoredDocument, StoreStats,
} from '../store.js';
import { recordId, type ReclusterSummary, type StoryListing, type StoryMembership, type StoryStore } from '../store.js';
import { openDatabase } from './connection.js';
import { listDocuments } from './documents.js';
import { entityMentions, listEntities } from './entities.js';
import { storeError } from './errors.js';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './rows.js';
import { searchDocuments } from './search.js';
import * as sources from './sources.js';
import * as stories from './stories.js';
import { statement } from './statements.js';
import { storeStats } from './stats.js';
import { writeAnalysis, type BeforeCommit } from './write.js';

export interface SqliteStoreOptions {
  /** Test hook: runs inside each write transaction just before commit; throwing rolls it back. */
  beforeCommit?: BeforeCommit;
  /** Matches ranked together by search, the most recent first (default DEFAULT_SEARCH_WINDOW; see search.ts). */
  searchWindow?: number;
}

/** Records exported per query: bounded memory, and the connection is free between batches. */
const EXPORT_BATCH = 200;
const DEFAULT_MENTIONS_PAGE = 100;

/** The SQLite store (better-sqlite3). Synchronous underneath; async to match the Store contract. */
export class SqliteStore implements Store, StoryStore {
  private db: Database | null;

  constructor(db: Database, readonly location: string, private readonly options: SqliteStoreOptions = {}) {
    this.db = db;
  }

  async putAnalysis(record: AnalysisRecord): Promise<PutOutcome> {
    return this.run(`storing document ${recordId(record)}`, (db) => writeAnalysis(db, record, this.options.beforeCommit));
  }

  async putAnalyses(records: readonly AnalysisRecord[]): Promise<PutResult[]> {
    return this.run(`storing ${records.length} documents`, (db) => db.transaction(() => records.map((record): PutResult => {
      try {
        // Inside the batch's transaction, writeAnalysis's own is a savepoint: a refused record rolls back alone.
        return { ok: true, outcome: writeAnalysis(db, record, this.options.beforeCommit) };
      } catch (err) {
        return { ok: false, error: storeError(this.location, `storing document ${recordId(record)}`, err) };
      }
    })).immediate());
  }

  async getDocument(id: string): Promise<StoredDocument | null> {
    return this.run(`reading document ${id}`, (db) => {
      const row = statement(db, `SELECT ${SUMMARY_COLUMNS}, d.text FROM documents d WHERE d.id = ?`).get(String(id)) as
        (SummaryRow & { text: string }) | undefined;
      return row ? { ...toSummary(row), text: row.text } : null;
    });
  }

  async getAnalysis(id: string): Promise<AnalysisRecord | null> {
    const json = await this.getAnalysisJson(id);
    return json === null ? null : (JSON.parse(json) as AnalysisRecord);
  }

  async getAnalysisJson(id: string): Promise<string | null> {
    return this.run(`reading the analysis of ${id}`, (db) => {
      const row = statement(db, 'SELECT record FROM analyses WHERE doc_id = ?').get(String(id)) as { record: string } | undefined;
      return row?.record ?? null;
    });
  }

  async hasDocument(id: string): Promise<boolean> {
    return this.run(`looking up document ${id}`, (db) => statement(db, 'SELECT 1 FROM documents WHERE id = ?').get(String(id)) !== undefined);
  }

  async listDocuments(options: ListOptions): Promise<Page<DocumentSummary>> {
    return this.run('listing documents', (db) => listDocuments(db, options));
  }

  async search(options: SearchOptions): Promise<Page<SearchHit>> {
    return this.run('searching', (db) => searchDocuments(db, options, this.options.searchWindow));
  }

  async entities(options: EntityListOptions): Promise<Page<EntitySummary>> {
    return this.run('listing entities', (db) => listEntities(db, options));
  }

  async entityMentions(key: string, options: PageOptions = { limit: DEFAULT_MENTIONS_PAGE }): Promise<Page<EntityOccurrence>> {
    return this.run(`listing the mentions of ${key}`, (db) => entityMentions(db, key, options));
  }

  async stats(): Promise<StoreStats> {
    return this.run('counting', storeStats);
  }

  async *exportRecords(): AsyncIterable<AnalysisRecord> {
    let after = '';
    for (;;) {
      const rows = this.run('exporting records', (db) =>
        statement(db, 'SELECT doc_id, record FROM analyses WHERE doc_id > ? ORDER BY doc_id LIMIT ?').all(after, EXPORT_BATCH) as
          { doc_id: string; record: string }[]);
      for (const row of rows) yield JSON.parse(row.record) as AnalysisRecord;
      const last = rows[rows.length - 1];
      if (!last || rows.length < EXPORT_BATCH) return;
      after = last.doc_id;
    }
  }

  async addSource(source: NewSource): Promise<Source> {
    return this.run(`adding the source ${source.url}`, (db) => sources.addSource(db, source));
  }

  async listSources(): Promise<Source[]> {
    return this.run('listing sources', sources.listSources);
  }

  async getSource(idOrUrl: number | string): Promise<Source | null> {
    return this.run(`reading the source ${idOrUrl}`, (db) => sources.getSource(db, idOrUrl));
  }

  async removeSource(idOrUrl: number | string): Promise<boolean> {
    return this.run(`removing the source ${idOrUrl}`, (db) => sources.removeSource(db, idOrUrl));
  }

  async dueSources(now: Date): Promise<Source[]> {
    return this.run('listing due sources', (db) => sources.dueSources(db, now));
  }

  async recordPoll(id: number, poll: PollRecord): Promise<Source | null> {
    return this.run(`recording a poll of source ${id}`, (db) => sources.recordPoll(db, id, poll));
  }

  async seenItems(keys: string[]): Promise<Set<string>> {
    return this.run('looking up feed items', (db) => sources.seenItems(db, keys));
  }

  async rememberItems(items: SeenItem[]): Promise<void> {
    this.run('remembering feed items', (db) => sources.rememberItems(db, items));
  }

  async listStories(options: PageOptions): Promise<Page<StoryListing>> {
    return this.run('listing stories', (db) => stories.listStories(db, options));
  }

  async getStory(id: string): Promise<StoryMembership | null> {
    return this.run(`reading story ${id}`, (db) => stories.storyMembership(db, id));
  }

  async storyOf(docId: string): Promise<string | null> {
    return this.run(`looking up the story of ${docId}`, (db) => stories.storyOfDocument(db, docId));
  }

  async recluster(): Promise<ReclusterSummary> {
    return this.run('reclustering stories', stories.reclusterAll);
  }

  async close(): Promise<void> {
    const db = this.db;
    this.db = null;
    if (db) this.run('closing', () => db.close(), db);
  }

  /** Runs against the open database, turning failures into VeilleErrors that name the store. */
  private run<T>(doing: string, fn: (db: Database) => T, db: Database | null = this.db): T {
    if (!db) throw new VeilleError('STORE', `${this.location}: cannot go on ${doing}: the store is closed`, this.location);
    try {
      return fn(db);
    } catch (err) {
      throw storeError(this.location, doing, err);
    }
  }
}

/** Opens (creating and migrating if needed) a SQLite store at a file path or `:memory:`. */
export async function openSqliteStore(location: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
  return new SqliteStore(openDatabase(location), location, options);
}
