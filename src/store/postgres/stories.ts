import type { Pool, PoolClient } from 'pg';
import type { AnalysisRecord } from '../../core/record.js';
import { assignStory, unassignStory } from '../../stories/assign.js';
import type { StoryIndex } from '../../stories/story-index.js';
import { decodeCursor, encodeCursor, pageLimit } from '../paging.js';
import type { Page, PageOptions, ReclusterSummary, StoryListing, StoryMembership } from '../store.js';
import { checkout } from './checkout.js';
import type { Queryable } from './queryable.js';
import { StoryBase } from './story-base.js';
import { PgStoryIndex, type StoryChanges } from './story-index.js';
import { fromPg, toPg } from './text.js';

/**
 * Reads before a clustering round settles. A document needs about six (counts, postings,
 * candidates, their stories…); more means a bug, not a big corpus.
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
 * assigned again with its new record, under the same clustering order (seq).
 */
export async function clusterWrittenDocument(client: PoolClient, record: AnalysisRecord, previous: AnalysisRecord | null): Promise<void> {
  const { rows } = await client.query<{ seq: string }>('SELECT seq FROM story_documents WHERE doc_id = $1', [record.doc.id]);
  const seq = rows[0] ? Number(rows[0].seq) : await nextSeq(client);
  await settle(client, (index) => {
    if (previous) unassignStory(index, previous);
    assignStory(index, record, seq);
  });
}

async function nextSeq(client: PoolClient): Promise<number> {
  return Number((await client.query<{ seq: string }>("SELECT nextval('story_seq') AS seq")).rows[0]?.seq);
}

/** Runs clustering in rounds until one reads nothing new, then writes what that round changed. */
async function settle(client: PoolClient, cluster: (index: StoryIndex) => void): Promise<void> {
  const base = new StoryBase();
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

/** Writes a settled round: counts, postings, memberships, then the listing rows of the stories touched. */
async function flushStoryChanges(client: PoolClient, c: StoryChanges): Promise<void> {
  if (c.termDeltas.size > 0) {
    const keys = [...c.termDeltas.keys()].sort();
    await client.query(`INSERT INTO story_terms (key, df) SELECT * FROM unnest($1::text[], $2::int[])
      ON CONFLICT (key) DO UPDATE SET df = story_terms.df + excluded.df`, [keys.map((k) => toPg(k)), keys.map((k) => c.termDeltas.get(k))]);
    const fewer = keys.filter((k) => (c.termDeltas.get(k) ?? 0) < 0);
    if (fewer.length > 0) await client.query('DELETE FROM story_terms WHERE df <= 0 AND key = ANY($1::text[])', [fewer.map((k) => toPg(k))]);
  }
  if (c.removedPostings.length > 0) {
    await client.query('DELETE FROM story_postings WHERE (key, day, seq) IN (SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[]))',
      [c.removedPostings.map((p) => toPg(p.key)), c.removedPostings.map((p) => p.day), c.removedPostings.map((p) => p.seq)]);
  }
  if (c.deletedDocs.length > 0) await client.query('DELETE FROM story_documents WHERE doc_id = ANY($1::text[])', [c.deletedDocs]);
  for (const [from, to] of c.renames) await client.query('UPDATE story_documents SET story_id = $2 WHERE story_id = $1', [from, to]);
  if (c.moved.size > 0) {
    await client.query(`UPDATE story_documents s SET story_id = m.story FROM unnest($1::text[], $2::text[]) AS m(id, story) WHERE s.doc_id = m.id`,
      [[...c.moved.keys()], [...c.moved.values()]]);
  }
  for (const d of c.insertedDocs) {
    const v = d.vector;
    await client.query(`INSERT INTO story_documents (doc_id, seq, story_id, dup_of, language, date, day_from, day_to, vector, weights, norm, neutral_norm, signature)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`, [
      d.id, d.seq, d.story, d.dupOf, toPg(d.language), toPg(d.date), d.days?.from ?? null, d.days?.to ?? null,
      toPg(v.keys.join('\n')), Buffer.from(Float64Array.from(v.weights).buffer), v.norm, v.neutralNorm, Buffer.from(Uint32Array.from(d.signature).buffer),
    ]);
  }
  if (c.insertedPostings.length > 0) {
    await client.query(`INSERT INTO story_postings (key, day, seq, doc_id) SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[], $4::text[])
      ON CONFLICT DO NOTHING`, [c.insertedPostings.map((p) => toPg(p.key)), c.insertedPostings.map((p) => p.day),
      c.insertedPostings.map((p) => p.seq), c.insertedPostings.map((p) => p.docId)]);
  }
  await refreshListings(client, c);
}

/**
 * Stories that only gained members are widened (size, first and last); those that lost some
 * (or were renamed into) are read again from their members, and dropped when empty.
 */
async function refreshListings(client: PoolClient, c: StoryChanges): Promise<void> {
  const grown = [...c.joined].filter(([story]) => !c.shrunk.has(story));
  if (grown.length > 0) {
    const size = grown.map(([, joins]) => joins.length);
    const firstSeq = grown.map(([, joins]) => Math.min(...joins.map((j) => j.seq)));
    const dates = grown.map(([, joins]) => joins.map((j) => j.date).filter((d): d is string => d !== null).sort());
    await client.query(`INSERT INTO stories (id, size, first_seq, first_date, last_date)
      SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[], $4::text[], $5::text[])
      ON CONFLICT (id) DO UPDATE SET size = stories.size + excluded.size, first_seq = least(stories.first_seq, excluded.first_seq),
        first_date = least(stories.first_date, excluded.first_date), last_date = greatest(stories.last_date, excluded.last_date)`,
    [grown.map(([story]) => story), size, firstSeq, dates.map((d) => toPg(d[0] ?? null)), dates.map((d) => toPg(d[d.length - 1] ?? null))]);
  }
  if (c.shrunk.size > 0) {
    const stories = [...c.shrunk].sort();
    await client.query('DELETE FROM stories WHERE id = ANY($1::text[])', [stories]);
    await client.query(`INSERT INTO stories (id, size, first_seq, first_date, last_date)
      SELECT story_id, count(*), min(seq), min(date), max(date) FROM story_documents WHERE story_id = ANY($1::text[]) GROUP BY story_id`, [stories]);
  }
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
        await settle(client, (index) => { assignStory(index, record, seq); });
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
