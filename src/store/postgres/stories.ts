import type { Pool, PoolClient } from 'pg';
import type { AnalysisRecord } from '../../core/record.js';
import { assignStory, Packer, unassignStory } from '../../stories/assign.js';
import { documentFeatures, type DocFeatures } from '../../stories/features.js';
import type { StoryIndex } from '../../stories/story-index.js';
import { decodeCursor, encodeCursor, pageLimit } from '../paging.js';
import type { Page, PageOptions, ReclusterSummary, StoryListing, StoryMembership } from '../store.js';
import { checkout } from './checkout.js';
import type { Queryable } from './queryable.js';
import { DOCUMENT_COUNT_KEY, StoryBase } from './story-base.js';
import { PgStoryIndex, type StoryChanges } from './story-index.js';
import { fromPg, toPg } from './text.js';

/**
 * Reads before a clustering round settles. A document needs about three (postings,
 * candidates, their stories; its counts are read before the first); more means a bug.
 */
const MAX_ROUNDS = 64;
/** Records read per query while reclustering: bounded memory. */
const RECLUSTER_BATCH = 200;

/**
 * Serializes clustering across every process that writes this schema: taken (for the rest
 * of the transaction) before a document is clustered, released by COMMIT or ROLLBACK, or by
 * the server when the connection dies. One writer at a time clusters; analysis runs outside.
 */
export async function lockStories(client: PoolClient): Promise<void> {
  await client.query("SELECT pg_advisory_xact_lock(hashtext('veille:stories:' || current_schema()))");
}

/**
 * Clusters a document just written, inside its transaction (which holds the lock): an
 * inserted document is assigned; an updated one is first taken out of its story, then
 * assigned again with its new record, under the same clustering order (seq). `features`, the
 * record's own, are best computed before the lock is taken: other writers wait while it is held.
 */
export async function clusterWrittenDocument(client: PoolClient, record: AnalysisRecord, previous: AnalysisRecord | null,
  features: DocFeatures = documentFeatures(record)): Promise<void> {
  // A new document's number is taken here (under the lock); an updated one keeps its own.
  const { rows } = await client.query<{ seq: string }>(
    "SELECT coalesce((SELECT seq FROM story_documents WHERE doc_id = $1), nextval('story_seq')) AS seq", [record.doc.id]);
  const seq = Number(rows[0]?.seq);
  const packer = new Packer(); // shared by the rounds (see assignStory)
  await settle(client, Object.keys(features.vector), (index) => {
    if (previous) unassignStory(index, previous);
    assignStory(index, record, seq, features, packer);
  });
}

async function nextSeq(client: PoolClient): Promise<number> {
  return Number((await client.query<{ seq: string }>("SELECT nextval('story_seq') AS seq")).rows[0]?.seq);
}

/**
 * Runs clustering in rounds until one reads nothing new, then writes what that round changed.
 * The counts of the document's feature keys (`keys`), its first question, are read before the
 * first round: one round fewer.
 */
async function settle(client: PoolClient, keys: readonly string[], cluster: (index: StoryIndex) => void): Promise<void> {
  const base = new StoryBase();
  await base.prefetchTerms(client, [DOCUMENT_COUNT_KEY, ...keys]);
  for (let round = 1; ; round++) {
    const index = new PgStoryIndex(base);
    let failure: unknown = null;
    try {
      cluster(index);
    } catch (err) {
      failure = err; // a round that missed reads ran on placeholders: its failure means nothing
    }
    if (index.misses.length === 0) {
      if (failure !== null) throw failure;
      await flushStoryChanges(client, index.changes());
      return;
    }
    if (round >= MAX_ROUNDS) throw new Error(`story clustering still missed reads after ${MAX_ROUNDS} rounds`);
    await base.load(client, index.misses);
  }
}

/**
 * Writes a settled round: counts, postings, memberships, then the listing rows of the stories
 * touched. What adds rows (counts, new postings and documents, stories that only grew) goes in
 * one statement of data-modifying CTEs when nothing is taken out first (no removed postings or
 * documents: a new document, the common case); removals, renames and moves keep their order.
 */
async function flushStoryChanges(client: PoolClient, c: StoryChanges): Promise<void> {
  const additions = new Additions(c);
  const removes = c.removedPostings.length > 0 || c.deletedDocs.length > 0;
  if (!removes) await additions.write(client, ['terms', 'docs', 'postings', 'grown']);
  else {
    await additions.write(client, ['terms']);
    if (c.removedPostings.length > 0) {
      await client.query('DELETE FROM story_postings WHERE (key, day, seq) IN (SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[]))',
        [c.removedPostings.map((p) => toPg(p.key)), c.removedPostings.map((p) => p.day), c.removedPostings.map((p) => p.seq)]);
    }
    if (c.deletedDocs.length > 0) await client.query('DELETE FROM story_documents WHERE doc_id = ANY($1::text[])', [c.deletedDocs]);
  }
  const fewer = [...c.termDeltas.keys()].filter((k) => (c.termDeltas.get(k) ?? 0) < 0).sort();
  if (fewer.length > 0) await client.query('DELETE FROM story_terms WHERE df <= 0 AND key = ANY($1::text[])', [fewer.map((k) => toPg(k))]);
  for (const [from, to] of c.renames) await client.query('UPDATE story_documents SET story_id = $2 WHERE story_id = $1', [from, to]);
  if (c.moved.size > 0) {
    await client.query(`UPDATE story_documents s SET story_id = m.story FROM unnest($1::text[], $2::text[]) AS m(id, story) WHERE s.doc_id = m.id`,
      [[...c.moved.keys()], [...c.moved.values()]]);
  }
  if (removes) await additions.write(client, ['docs', 'postings', 'grown']);
  await refreshShrunk(client, c);
}

type Addition = 'terms' | 'docs' | 'postings' | 'grown';

/** The row-adding writes of a settled round, each a CTE (or nothing when empty), written in one statement. */
class Additions {
  private readonly parts = new Map<Addition, { sql: string; values: unknown[] }>();

  constructor(c: StoryChanges) {
    if (c.termDeltas.size > 0) {
      const keys = [...c.termDeltas.keys()].sort();
      this.parts.set('terms', { sql: `INSERT INTO story_terms (key, df) SELECT * FROM unnest($?::text[], $?::int[])
        ON CONFLICT (key) DO UPDATE SET df = story_terms.df + excluded.df`, values: [keys.map((k) => toPg(k)), keys.map((k) => c.termDeltas.get(k))] });
    }
    if (c.insertedDocs.length > 0) {
      const d = c.insertedDocs;
      this.parts.set('docs', {
        sql: `INSERT INTO story_documents (doc_id, seq, story_id, dup_of, language, date, day_from, day_to, vector, weights, norm, neutral_norm, signature)
          SELECT * FROM unnest($?::text[], $?::bigint[], $?::text[], $?::text[], $?::text[], $?::text[], $?::int[], $?::int[], $?::text[], $?::bytea[],
            $?::float8[], $?::float8[], $?::bytea[])`,
        values: [d.map((x) => x.id), d.map((x) => x.seq), d.map((x) => x.story), d.map((x) => x.dupOf), d.map((x) => toPg(x.language)), d.map((x) => toPg(x.date)),
          d.map((x) => x.days?.from ?? null), d.map((x) => x.days?.to ?? null), d.map((x) => toPg(x.vector.keys.join('\n'))),
          d.map((x) => Buffer.from(Float64Array.from(x.vector.weights).buffer)), d.map((x) => x.vector.norm), d.map((x) => x.vector.neutralNorm),
          d.map((x) => Buffer.from(Uint32Array.from(x.signature).buffer))],
      });
    }
    if (c.insertedPostings.length > 0) {
      const p = c.insertedPostings;
      this.parts.set('postings', { sql: `INSERT INTO story_postings (key, day, seq, doc_id) SELECT * FROM unnest($?::text[], $?::int[], $?::bigint[], $?::text[])
        ON CONFLICT DO NOTHING`, values: [p.map((x) => toPg(x.key)), p.map((x) => x.day), p.map((x) => x.seq), p.map((x) => x.docId)] });
    }
    // Stories that only gained members are widened (size, first and last); the others are read again (refreshShrunk).
    const grown = [...c.joined].filter(([story]) => !c.shrunk.has(story));
    if (grown.length > 0) {
      const dates = grown.map(([, joins]) => joins.map((j) => j.date).filter((d): d is string => d !== null).sort());
      this.parts.set('grown', { sql: `INSERT INTO stories (id, size, first_seq, first_date, last_date)
        SELECT * FROM unnest($?::text[], $?::int[], $?::bigint[], $?::text[], $?::text[])
        ON CONFLICT (id) DO UPDATE SET size = stories.size + excluded.size, first_seq = least(stories.first_seq, excluded.first_seq),
          first_date = least(stories.first_date, excluded.first_date), last_date = greatest(stories.last_date, excluded.last_date)`,
      values: [grown.map(([story]) => story), grown.map(([, joins]) => joins.length), grown.map(([, joins]) => Math.min(...joins.map((j) => j.seq))),
        dates.map((d) => toPg(d[0] ?? null)), dates.map((d) => toPg(d[d.length - 1] ?? null))] });
    }
  }

  /** Writes these parts (those with rows) in one statement: each a CTE of the next. They touch different tables. */
  async write(client: PoolClient, which: readonly Addition[]): Promise<void> {
    const parts = which.map((w) => this.parts.get(w)).filter((p): p is { sql: string; values: unknown[] } => p !== undefined);
    if (parts.length === 0) return;
    const values: unknown[] = [];
    const numbered = parts.map((p) => number(p, values));
    const last = numbered.pop() as string;
    const sql = numbered.length === 0 ? last : `WITH ${numbered.map((q, i) => `w${i} AS (${q})`).join(', ')} ${last}`;
    await client.query(sql, values);
  }
}

/** The part's SQL with its `$?` placeholders numbered after the values already taken, its values appended. */
function number(part: { sql: string; values: unknown[] }, values: unknown[]): string {
  let at = 0;
  const sql = part.sql.replace(/\$\?/g, () => `$${values.length + ++at}`);
  values.push(...part.values);
  return sql;
}

/**
 * Stories that lost members (or were renamed into) are read again from their members
 * (upserted), and dropped when empty, in one statement.
 */
async function refreshShrunk(client: PoolClient, c: StoryChanges): Promise<void> {
  if (c.shrunk.size === 0) return;
  const stories = [...c.shrunk].sort();
  await client.query(`WITH counted AS (INSERT INTO stories (id, size, first_seq, first_date, last_date)
      SELECT story_id, count(*), min(seq), min(date), max(date) FROM story_documents WHERE story_id = ANY($1::text[]) GROUP BY story_id
      ON CONFLICT (id) DO UPDATE SET size = excluded.size, first_seq = excluded.first_seq, first_date = excluded.first_date, last_date = excluded.last_date
      RETURNING id)
    DELETE FROM stories WHERE id = ANY($1::text[]) AND id NOT IN (SELECT id FROM counted)`, [stories]);
}

/**
 * Empties the story tables and assigns every document again in clustering order (seq);
 * documents never clustered (stored before the stories migration) come last, oldest first.
 */
export async function reclusterAll(pool: Pool): Promise<ReclusterSummary> {
  const { client, release } = await checkout(pool);
  let broken = false;
  try {
    await client.query('BEGIN');
    await lockStories(client);
    const order = (await client.query<{ id: string; seq: string | null }>(`SELECT d.id, s.seq FROM documents d
      LEFT JOIN story_documents s ON s.doc_id = d.id ORDER BY s.seq NULLS LAST, d.ingested_at, d.id`)).rows;
    await client.query('TRUNCATE story_documents, story_postings, story_terms, stories');
    for (let at = 0; at < order.length; at += RECLUSTER_BATCH) {
      const batch = order.slice(at, at + RECLUSTER_BATCH);
      const { rows } = await client.query<{ doc_id: string; record: string }>(
        'SELECT doc_id, record::text AS record FROM analyses WHERE doc_id = ANY($1::text[])', [batch.map((b) => b.id)]);
      const records = new Map(rows.map((r) => [r.doc_id, r.record]));
      for (const item of batch) {
        const json = records.get(item.id);
        if (json === undefined) continue;
        const seq = item.seq === null ? await nextSeq(client) : Number(item.seq);
        const record = JSON.parse(json) as AnalysisRecord;
        const features = documentFeatures(record);
        const packer = new Packer();
        await settle(client, Object.keys(features.vector), (index) => { assignStory(index, record, seq, features, packer); });
      }
    }
    const documents = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM story_documents')).rows[0]?.n ?? 0);
    const stories = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM stories')).rows[0]?.n ?? 0);
    await client.query('COMMIT');
    return { documents, stories };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => { broken = true; });
    throw err;
  } finally {
    release(broken);
  }
}

// Undated stories sort as '' and so come last in descending order (the index stories_by_last_date).
const LAST_DATE = "coalesce(last_date, '')";

/** Stories by latest document date (newest first, undated last), then id, with a keyset cursor. */
export async function listStories(db: Queryable, options: PageOptions): Promise<Page<StoryListing>> {
  const limit = pageLimit(options.limit);
  const values: (string | number)[] = [limit + 1];
  let where = '';
  if (options.cursor != null) {
    const [date, id] = decodeCursor(options.cursor, 'stories', 'ss');
    values.push(toPg(String(date)), String(id));
    where = `WHERE ${LAST_DATE} < $2 OR (${LAST_DATE} = $2 AND id > $3)`;
  }
  const { rows } = await db.query<{ id: string; size: number; first_date: string | null; last_date: string | null }>(
    `SELECT id, size, first_date, last_date FROM stories ${where} ORDER BY ${LAST_DATE} DESC, id ASC LIMIT $1`, values);
  const items = rows.slice(0, limit).map((r): StoryListing => ({ id: r.id, documents: r.size, firstDate: fromPg(r.first_date), lastDate: fromPg(r.last_date) }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor('stories', [last.lastDate ?? '', last.id]) : null };
}

/** A story's documents in clustering order, with the copy each is of. */
export async function storyMembership(db: Queryable, id: string): Promise<StoryMembership | null> {
  const { rows } = await db.query<{ doc_id: string; dup_of: string | null }>(
    'SELECT doc_id, dup_of FROM story_documents WHERE story_id = $1 ORDER BY seq', [toPg(String(id))]);
  if (rows.length === 0) return null;
  return { id, documents: rows.map((r) => ({ id: r.doc_id, duplicateOf: r.dup_of })) };
}

export async function storyOfDocument(db: Queryable, docId: string): Promise<string | null> {
  const { rows } = await db.query<{ story_id: string }>('SELECT story_id FROM story_documents WHERE doc_id = $1', [toPg(String(docId))]);
  return rows[0]?.story_id ?? null;
}
