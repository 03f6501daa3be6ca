import type { Database } from 'better-sqlite3';
import { VeilleError } from '../../core/errors.js';

/** One step of the schema. Versions only grow; a released migration is never edited. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The schema, in order. Later steps (events, times, stories) are new entries at the end.
 * Tables are STRICT so that a wrong type fails the write instead of being stored.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents, analyses, entities, mentions, full-text index',
    sql: `
      CREATE TABLE documents (
        seq INTEGER PRIMARY KEY,            -- stable rowid for the FTS index (VACUUM may renumber implicit rowids)
        id TEXT NOT NULL UNIQUE CHECK (length(id) = 16),
        origin TEXT NOT NULL,
        source_name TEXT,
        source_url TEXT,
        title TEXT,
        date TEXT,
        language TEXT NOT NULL,
        text TEXT NOT NULL,
        ingested_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX documents_by_date ON documents (coalesce(date, '') DESC, id);
      CREATE INDEX documents_by_source ON documents (source_name);
      CREATE INDEX documents_by_language ON documents (language);

      CREATE TABLE analyses (
        doc_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        schema TEXT NOT NULL,
        pipeline_version TEXT NOT NULL,
        record TEXT NOT NULL                -- the record's JSON, exactly as put
      ) STRICT;

      CREATE TABLE entities (
        doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        entity_id TEXT NOT NULL,
        entity_key TEXT NOT NULL,           -- kb id, or TYPE:name (see entity-key.ts)
        type TEXT NOT NULL CHECK (type IN ('PER', 'ORG', 'GPE', 'LOC', 'MISC')),
        name TEXT NOT NULL,
        name_folded TEXT NOT NULL,          -- lower case without accents, for name lookups
        kb TEXT,
        country TEXT,
        sector TEXT,
        PRIMARY KEY (doc_id, entity_id)
      ) STRICT;
      CREATE INDEX entities_by_key ON entities (entity_key, doc_id);

      CREATE TABLE mentions (
        doc_id TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        start INTEGER NOT NULL CHECK (start >= 0),
        "end" INTEGER NOT NULL CHECK ("end" >= start),
        text TEXT NOT NULL,
        FOREIGN KEY (doc_id, entity_id) REFERENCES entities (doc_id, entity_id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX mentions_by_entity ON mentions (doc_id, entity_id, start);

      -- External content: the text lives once, in documents; triggers keep the index in step.
      CREATE VIRTUAL TABLE documents_fts USING fts5 (
        title, text, content = 'documents', content_rowid = 'seq',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
      END;
      CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
      END;
      CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
        INSERT INTO documents_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
      END;
    `,
  },
  {
    version: 2,
    name: 'sources (subscriptions polled by veille watch) and the feed items seen',
    sql: `
      -- AUTOINCREMENT: a removed source's id is never given to another (API clients keep ids).
      CREATE TABLE sources (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        url TEXT NOT NULL UNIQUE,
        name TEXT,
        every_seconds INTEGER NOT NULL CHECK (every_seconds > 0),
        etag TEXT,
        last_modified TEXT,
        last_polled_at TEXT,
        next_poll_at TEXT NOT NULL,         -- ISO 8601 UTC (toISOString), so text order is time order
        failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
        last_error TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sources_by_next_poll ON sources (next_poll_at, id);

      -- Item links and guids already handled, so that a summary is not fetched again and an
      -- item repeated across feeds is stored once. Not tied to documents: a key stays known.
      CREATE TABLE feed_items (
        key TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL,
        source_id INTEGER REFERENCES sources (id) ON DELETE SET NULL,
        seen_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX feed_items_by_source ON feed_items (source_id);
    `,
  },
  {
    version: 3,
    name: 'stories: story membership, the inverted index and counts that clustering reads',
    sql: `
      -- One row per clustered document: its story, the copy it is of, and what similarity
      -- needs: the weighted feature vector (keys one per line, weights as 64-bit floats, its
      -- norms) and the MinHash signature (32-bit integers).
      -- WITHOUT ROWID and few indexes: every B-tree costs pages in each write.
      CREATE TABLE story_documents (
        doc_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,               -- documents.seq: the order in which stories were built
        story_id TEXT NOT NULL,
        dup_of TEXT,
        language TEXT NOT NULL,
        date TEXT,
        day_from INTEGER,
        day_to INTEGER,
        vector TEXT NOT NULL,
        weights BLOB NOT NULL,
        norm REAL NOT NULL,
        neutral_norm REAL NOT NULL,
        signature BLOB NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX story_documents_by_story ON story_documents (story_id, seq);

      CREATE TABLE stories (
        id TEXT PRIMARY KEY,                -- 's' + the id of its oldest document
        size INTEGER NOT NULL,
        first_seq INTEGER NOT NULL,
        first_date TEXT,
        last_date TEXT
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX stories_by_last_date ON stories (coalesce(last_date, '') DESC, id);

      -- Inverted index: a document under each of its heaviest features, by day (undated:
      -- -999999) then insertion order, so that lookups take the nearest days or the latest.
      CREATE TABLE story_postings (
        key TEXT NOT NULL,
        day INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        doc_id TEXT NOT NULL,
        PRIMARY KEY (key, day, seq)
      ) STRICT, WITHOUT ROWID;

      -- Document frequency of each feature key; the key '' counts the documents.
      CREATE TABLE story_terms (
        key TEXT PRIMARY KEY,
        df INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
    `,
  },
];

/** The newest schema version this code knows. */
export const SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

/**
 * Brings the database to SCHEMA_VERSION: each pending migration in its own transaction
 * (re-checked inside it, so two processes opening at once do not both apply it). A no-op
 * when up to date. Refuses a database whose schema is newer than this code, and a SQLite
 * database that holds other tables but no `schema_migrations` (not a Veille store).
 */
export function migrate(db: Database, location: string): void {
  const hasTable = (name: string): boolean =>
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
  // Checked and created in one write transaction, so a second process opening at once waits.
  if (!hasTable('schema_migrations')) db.transaction(() => {
    if (hasTable('schema_migrations')) return;
    const other = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' LIMIT 1").get() as { name: string } | undefined;
    if (other) {
      throw new VeilleError('STORE', `${location} is a SQLite database but not a Veille store (it has a table "${other.name}" and no schema_migrations); give another path`, location);
    }
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
  }).immediate();
  const current = (): number => (db.prepare('SELECT coalesce(max(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
  const found = current();
  if (found > SCHEMA_VERSION) {
    throw new VeilleError('STORE', `${location} has schema version ${found}, newer than this Veille knows (${SCHEMA_VERSION}); upgrade Veille to open it`, location);
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= found) continue;
    db.transaction(() => {
      if (db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(migration.version)) return;
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
        .run(migration.version, migration.name, new Date().toISOString());
    }).immediate();
  }
}
