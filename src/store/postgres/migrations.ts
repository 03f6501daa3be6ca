import type { Pool, PoolClient } from 'pg';
import { VeilleError } from '../../core/errors.js';
import { checkout } from './checkout.js';

/** One step of the schema. Versions only grow; a released migration is never edited. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Characters of a document indexed for search. A tsvector holds at most 1 MB and positions up
 * to 16,383, so a very long text is indexed on its beginning (news articles are far shorter).
 */
export const INDEXED_CHARACTERS = 250_000;

/**
 * The schema, in order; the same versions and content as SQLite's (src/store/sqlite/migrations.ts).
 * Text compared or sorted is COLLATE "C" (byte order, as SQLite's BINARY) so that cursors and
 * ties behave the same on both engines whatever the database's locale. `{unaccent}` is the
 * schema-qualified unaccent dictionary, wherever the extension was installed.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents, analyses, entities, mentions, full-text index',
    sql: `
      -- French and English stemming (simple for other languages), accents folded first.
      CREATE TEXT SEARCH CONFIGURATION veille_french (COPY = pg_catalog.french);
      ALTER TEXT SEARCH CONFIGURATION veille_french ALTER MAPPING FOR hword, hword_part, word WITH {unaccent}, french_stem;
      CREATE TEXT SEARCH CONFIGURATION veille_english (COPY = pg_catalog.english);
      ALTER TEXT SEARCH CONFIGURATION veille_english ALTER MAPPING FOR hword, hword_part, word WITH {unaccent}, english_stem;
      CREATE TEXT SEARCH CONFIGURATION veille_simple (COPY = pg_catalog.simple);
      ALTER TEXT SEARCH CONFIGURATION veille_simple ALTER MAPPING FOR hword, hword_part, word WITH {unaccent}, simple;

      -- A SQL-standard body is bound when created: the configurations are found whatever the search_path later.
      CREATE FUNCTION veille_ts_config(language text) RETURNS regconfig LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN CASE language WHEN 'fr' THEN 'veille_french'::regconfig WHEN 'en' THEN 'veille_english'::regconfig
          ELSE 'veille_simple'::regconfig END;
      CREATE FUNCTION veille_document_tsv(language text, title text, body text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN setweight(to_tsvector(veille_ts_config(language), normalize(coalesce(title, ''), NFC)), 'A')
          || setweight(to_tsvector(veille_ts_config(language), normalize(left(body, ${INDEXED_CHARACTERS}), NFC)), 'D');

      CREATE TABLE documents (
        id text COLLATE "C" PRIMARY KEY CHECK (length(id) = 16),
        origin text NOT NULL,
        source_name text COLLATE "C",
        source_url text,
        title text,
        date text COLLATE "C",
        language text COLLATE "C" NOT NULL,
        text text NOT NULL,
        ingested_at timestamptz NOT NULL DEFAULT now(),
        tsv tsvector GENERATED ALWAYS AS (veille_document_tsv(language, title, text)) STORED
      );
      -- Ranking reads every match's tsvector: kept in the row (MAIN), lz4-compressed when the
      -- server has lz4 (about 5 times faster to read than out-of-line pglz for news-sized texts).
      ALTER TABLE documents ALTER COLUMN tsv SET STORAGE MAIN;
      {tsv_compression}
      CREATE INDEX documents_by_date ON documents ((coalesce(date, '')) DESC, id);
      CREATE INDEX documents_by_source ON documents (source_name);
      CREATE INDEX documents_by_language ON documents (language);
      -- A small pending list: searches scan it whole, so 4 MB of unmerged entries (the default)
      -- would cost them ~10 ms while ingesting; 256 kB is merged often and scanned fast.
      CREATE INDEX documents_search ON documents USING gin (tsv) WITH (gin_pending_list_limit = 256);

      CREATE TABLE analyses (
        doc_id text COLLATE "C" PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        schema text NOT NULL,
        pipeline_version text NOT NULL,
        record json NOT NULL,               -- the record's JSON exactly as put (json keeps the text)
        events jsonb NOT NULL               -- its events, for containment queries (@>) on the index below
      );
      CREATE INDEX analyses_events ON analyses USING gin (events jsonb_path_ops);

      CREATE TABLE entities (
        doc_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        entity_id text COLLATE "C" NOT NULL,
        entity_key text COLLATE "C" NOT NULL,  -- kb id, or TYPE:name (see entity-key.ts)
        type text NOT NULL CHECK (type IN ('PER', 'ORG', 'GPE', 'LOC', 'MISC')),
        name text COLLATE "C" NOT NULL,
        name_folded text NOT NULL,             -- lower case without accents, for name lookups
        kb text,
        country text,
        sector text,
        PRIMARY KEY (doc_id, entity_id)
      );
      CREATE INDEX entities_by_key ON entities (entity_key, doc_id);
      CREATE INDEX entities_by_type ON entities (type, entity_key);
      CREATE INDEX entities_by_name ON entities USING gin (name_folded {trgm}.gin_trgm_ops);

      CREATE TABLE mentions (
        doc_id text COLLATE "C" NOT NULL,
        entity_id text COLLATE "C" NOT NULL,
        start integer NOT NULL CHECK (start >= 0),
        "end" integer NOT NULL CHECK ("end" >= start),
        text text NOT NULL,
        FOREIGN KEY (doc_id, entity_id) REFERENCES entities (doc_id, entity_id) ON DELETE CASCADE
      );
      CREATE INDEX mentions_by_entity ON mentions (doc_id, entity_id, start);
    `,
  },
  {
    version: 2,
    name: 'sources (subscriptions polled by veille watch) and the feed items seen',
    sql: `
      -- An identity is never given again: a removed source's id stays unused (API clients keep ids).
      CREATE TABLE sources (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        url text COLLATE "C" NOT NULL UNIQUE,
        name text,
        every_seconds integer NOT NULL CHECK (every_seconds > 0),
        etag text,
        last_modified text,
        last_polled_at timestamptz,
        next_poll_at timestamptz NOT NULL,
        failures integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
        last_error text,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX sources_by_next_poll ON sources (next_poll_at, id);

      CREATE TABLE feed_items (
        key text COLLATE "C" PRIMARY KEY,
        doc_id text NOT NULL,
        source_id integer REFERENCES sources (id) ON DELETE SET NULL,
        seen_at timestamptz NOT NULL
      );
      CREATE INDEX feed_items_by_source ON feed_items (source_id);
    `,
  },
  {
    version: 3,
    name: 'stories: story membership, the inverted index and counts that clustering reads',
    sql: `
      -- The order in which documents were clustered, taken under the clustering lock (so it is
      -- also the order of commits); recluster replays it. SQLite uses documents.seq instead.
      CREATE SEQUENCE story_seq;

      -- One row per clustered document: its story, the copy it is of, and what similarity
      -- needs: the weighted feature vector (keys one per line, weights as 64-bit floats, its
      -- norms) and the MinHash signature (32-bit integers).
      CREATE TABLE story_documents (
        doc_id text COLLATE "C" PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        seq bigint NOT NULL UNIQUE,
        story_id text COLLATE "C" NOT NULL,
        dup_of text COLLATE "C",
        language text NOT NULL,
        date text COLLATE "C",
        day_from integer,
        day_to integer,
        vector text NOT NULL,
        weights bytea NOT NULL,
        norm double precision NOT NULL,
        neutral_norm double precision NOT NULL,
        signature bytea NOT NULL
      );
      CREATE INDEX story_documents_by_story ON story_documents (story_id, seq);

      CREATE TABLE stories (
        id text COLLATE "C" PRIMARY KEY,     -- 's' + the id of its oldest document
        size integer NOT NULL,
        first_seq bigint NOT NULL,
        first_date text COLLATE "C",
        last_date text COLLATE "C"
      );
      CREATE INDEX stories_by_last_date ON stories ((coalesce(last_date, '')) DESC, id);

      -- Inverted index: a document under each of its heaviest features, by day (undated:
      -- -999999) then clustering order, so that lookups take the nearest days or the latest.
      CREATE TABLE story_postings (
        key text COLLATE "C" NOT NULL,
        day integer NOT NULL,
        seq bigint NOT NULL,
        doc_id text COLLATE "C" NOT NULL,
        PRIMARY KEY (key, day, seq)
      );

      -- Document frequency of each feature key; the key '' counts the documents.
      CREATE TABLE story_terms (
        key text COLLATE "C" PRIMARY KEY,
        df integer NOT NULL
      );
    `,
  },
];

/** The newest schema version this code knows. */
export const SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

/** Any 64-bit number, the same in every process: the lock that serializes migrations of one database. */
const MIGRATION_LOCK = 0x7665696c6c65; // "veille"

/**
 * Brings the store's schema to SCHEMA_VERSION. Runs under a transaction-scoped advisory lock,
 * so workers starting together apply each step once; each step in the same transaction as its
 * schema_migrations row. Installs unaccent and pg_trgm when missing (both are "trusted"
 * contrib extensions: a database owner may create them). Refuses a schema newer than this code
 * and a non-empty schema without schema_migrations (not a Veille store).
 */
export async function migrate(pool: Pool, location: string, schema: string): Promise<void> {
  const { client, release } = await checkout(pool);
  let broken = false;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    const found = await currentVersion(client, location, schema);
    if (found > SCHEMA_VERSION) {
      throw new VeilleError('STORE', `${location} has schema version ${found}, newer than this Veille knows (${SCHEMA_VERSION}); upgrade Veille to open it`, location);
    }
    if (found < SCHEMA_VERSION) {
      const names = await extensionSchemas(client, schema);
      for (const migration of MIGRATIONS) {
        if (migration.version <= found) continue;
        await client.query(migration.sql.replaceAll('{unaccent}', `${quoteIdent(names.unaccent)}.unaccent`).replaceAll('{trgm}', quoteIdent(names.trgm))
          .replaceAll('{tsv_compression}', (await hasLz4(client)) ? 'ALTER TABLE documents ALTER COLUMN tsv SET COMPRESSION lz4;' : ''));
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [migration.version, migration.name]);
      }
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => { broken = true; });
    throw err;
  } finally {
    release(broken);
  }
}

async function currentVersion(client: PoolClient, location: string, schema: string): Promise<number> {
  const tables = await client.query<{ name: string }>(
    'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name = \'schema_migrations\' DESC, table_name', [schema]);
  const names = tables.rows.map((r) => r.name);
  if (!names.includes('schema_migrations')) {
    if (names.length > 0) {
      throw new VeilleError('STORE', `${location}: schema "${schema}" holds tables (${names[0]}) but no schema_migrations: not a Veille store; give another schema (?schema=…) or database`, location);
    }
    await client.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)');
    return 0;
  }
  const { rows } = await client.query<{ v: number }>('SELECT coalesce(max(version), 0)::int AS v FROM schema_migrations');
  return rows[0]?.v ?? 0;
}

/** Where unaccent and pg_trgm live (creating them when absent: in public if allowed, else in the store's schema). */
async function extensionSchemas(client: PoolClient, schema: string): Promise<{ unaccent: string; trgm: string }> {
  const where = async (name: string): Promise<string> => {
    const find = async (): Promise<string | undefined> => (await client.query<{ schema: string }>(
      'SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = $1', [name])).rows[0]?.schema;
    const found = await find();
    if (found) return found;
    // In public when we may (dropping one store's schema then leaves the others' search intact).
    const publicOk = (await client.query<{ ok: boolean }>(
      "SELECT coalesce(has_schema_privilege('public', 'CREATE'), false) AS ok FROM pg_namespace WHERE nspname = 'public'")).rows[0]?.ok;
    await client.query(`CREATE EXTENSION IF NOT EXISTS ${name} SCHEMA ${quoteIdent(publicOk ? 'public' : schema)}`);
    return (await find()) ?? schema;
  };
  return { unaccent: await where('unaccent'), trgm: await where('pg_trgm') };
}

/** Whether the server was built with lz4 (a choice of default_toast_compression). */
async function hasLz4(client: PoolClient): Promise<boolean> {
  const { rows } = await client.query<{ ok: boolean }>("SELECT 'lz4' = ANY(enumvals) AS ok FROM pg_settings WHERE name = 'default_toast_compression'");
  return rows[0]?.ok === true;
}

/** A double-quoted SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
