import type pg from 'pg';
import { VeilleError } from '../../core/errors.js';
import type { AnalysisRecord } from '../../core/record.js';
import type {
  DocumentSummary, EntityListOptions, EntityOccurrence, EntitySummary, ListOptions, NewSource, Page, PageOptions,
  PollRecord, PutOutcome, PutResult, SearchHit, SearchOptions, SeenItem, Source, Store, StoredDocument, StoreStats,
} from '../store.js';
import { recordId, type ReclusterSummary, type StoryListing, type StoryMembership, type StoryStore } from '../store.js';
import { openPool, parseLocation, type PostgresLocation } from './connection.js';
import { listDocuments } from './documents.js';
import { entityMentions, listEntities } from './entities.js';
import { storeError } from './errors.js';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './rows.js';
import { searchDocuments } from './search.js';
import * as sources from './sources.js';
import * as stories from './stories.js';
import { storeStats } from './stats.js';
import { fromPg, toPg } from './text.js';
import { writeAnalysis, type BeforeCommit } from './write.js';

export interface PostgresStoreOptions {
  /** Connections in the pool (default DEFAULT_POOL_SIZE). */
  poolSize?: number;
  /** Test hook: runs inside each write transaction just before commit; throwing rolls it back. */
  beforeCommit?: BeforeCommit;
}

/** Records exported per query: bounded memory, and the connection is free between batches. */
const EXPORT_BATCH = 200;
const DEFAULT_MENTIONS_PAGE = 100;

/** The PostgreSQL store (node-postgres pool). Any number of processes may share one database. */
export class PostgresStore implements Store, StoryStore {
  private pool: pg.Pool | null;
  /** The URL as messages show it (password hidden). */
  readonly location: string;

  constructor(pool: pg.Pool, where: PostgresLocation, private readonly options: PostgresStoreOptions = {}) {
    this.pool = pool;
    this.location = where.display;
  }

  async putAnalysis(record: AnalysisRecord): Promise<PutOutcome> {
    return this.run(`storing document ${recordId(record)}`, (pool) => writeAnalysis(pool, record, this.options.beforeCommit));
  }

  async putAnalyses(records: readonly AnalysisRecord[]): Promise<PutResult[]> {
    return this.run(`storing ${records.length} documents`, async (pool) => {
      const results: PutResult[] = [];
      for (const record of records) {
        try {
          results.push({ ok: true, outcome: await writeAnalysis(pool, record, this.options.beforeCommit) });
        } catch (err) {
          results.push({ ok: false, error: storeError(this.location, `storing document ${recordId(record)}`, err) });
        }
      }
      return results;
    });
  }

  async getDocument(id: string): Promise<StoredDocument | null> {
    return this.run(`reading document ${id}`, async (db) => {
      const row = (await db.query<SummaryRow & { text: string }>(`SELECT ${SUMMARY_COLUMNS}, d.text FROM documents d WHERE d.id = $1`, [toPg(String(id))])).rows[0];
      return row ? { ...toSummary(row), text: fromPg(row.text) } : null;
    });
  }

  async getAnalysis(id: string): Promise<AnalysisRecord | null> {
    const json = await this.getAnalysisJson(id);
    return json === null ? null : (JSON.parse(json) as AnalysisRecord);
  }

  async getAnalysisJson(id: string): Promise<string | null> {
    return this.run(`reading the analysis of ${id}`, async (db) =>
      (await db.query<{ record: string }>('SELECT record::text AS record FROM analyses WHERE doc_id = $1', [toPg(String(id))])).rows[0]?.record ?? null);
  }

  async hasDocument(id: string): Promise<boolean> {
    return this.run(`looking up document ${id}`, async (db) =>
      ((await db.query('SELECT 1 FROM documents WHERE id = $1', [toPg(String(id))])).rowCount ?? 0) > 0);
  }

  async listDocuments(options: ListOptions): Promise<Page<DocumentSummary>> {
    return this.run('listing documents', (db) => listDocuments(db, options));
  }

  async search(options: SearchOptions): Promise<Page<SearchHit>> {
    return this.run('searching', (db) => searchDocuments(db, options));
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
      const rows = await this.run('exporting records', async (db) => (await db.query<{ doc_id: string; record: string }>(
        'SELECT doc_id, record::text AS record FROM analyses WHERE doc_id > $1 ORDER BY doc_id LIMIT $2', [after, EXPORT_BATCH])).rows);
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
    await this.run('remembering feed items', (db) => sources.rememberItems(db, items));
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
    const pool = this.pool;
    this.pool = null;
    if (pool) await this.run('closing', () => pool.end(), pool);
  }

  /** Runs against the open pool, turning failures into VeilleErrors that name the store. */
  private async run<T>(doing: string, fn: (db: pg.Pool) => Promise<T>, pool: pg.Pool | null = this.pool): Promise<T> {
    if (!pool) throw new VeilleError('STORE', `${this.location}: cannot go on ${doing}: the store is closed`, this.location);
    try {
      return await fn(pool);
    } catch (err) {
      throw storeError(this.location, doing, err);
    }
  }
}

/**
 * Opens (migrating if needed) the PostgreSQL store at a `postgres://` URL; `?schema=name`
 * keeps Veille's tables in their own schema (default public).
 *
 * @example const store = await openPostgresStore('postgres://veille@localhost/veille');
 */
export async function openPostgresStore(location: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const where = parseLocation(location);
  return new PostgresStore(await openPool(where, options.poolSize), where, options);
}
