import type { Pool, PoolClient } from 'pg';
import { VeilleError } from '../../core/errors.js';
import { documentId } from '../../core/ids.js';
import type { AnalysisRecord } from '../../core/record.js';
import { documentFeatures } from '../../stories/features.js';
import { entityKey, foldName } from '../entity-key.js';
import type { PutOutcome } from '../store.js';
import { checkout } from './checkout.js';
import { clusterWrittenDocument, lockStories } from './stories.js';
import { fromPg, jsonbSafe, toPg } from './text.js';

/** Called inside the transaction just before it commits; throwing (or rejecting) rolls it back (tests use it). */
export type BeforeCommit = (record: AnalysisRecord, client: PoolClient) => void | Promise<void>;

/**
 * Writes one record in one transaction. The document row is claimed first with
 * INSERT … ON CONFLICT DO NOTHING, so of two processes putting the same new text one inserts
 * and the other waits, then sees it (never two 'inserted', never a duplicate). The same
 * record again writes nothing; a different record for the same text replaces the analysis,
 * entities and mentions but keeps the first origin (the stored record's doc.origin is set to
 * it, so the two agree). A process killed mid-write leaves nothing: the server rolls back.
 * The document is then clustered into its story under the clustering lock (stories.ts), taken
 * last so that writers wait for each other only while they cluster.
 */
export async function writeAnalysis(pool: Pool, record: AnalysisRecord, beforeCommit?: BeforeCommit): Promise<PutOutcome> {
  checkIdentity(record);
  const doc = record.doc;
  const { client, release } = await checkout(pool);
  let broken = false;
  try {
    await client.query('BEGIN');
    const claimed = await client.query(`INSERT INTO documents (id, origin, source_name, source_url, title, date, language, text)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
    [doc.id, toPg(doc.origin), toPg(doc.source.name), toPg(doc.source.url), toPg(doc.title), toPg(doc.date), toPg(doc.language), toPg(doc.text)]);
    let outcome: PutOutcome = 'inserted';
    let stored = record;
    let previous: AnalysisRecord | null = null;
    if (claimed.rowCount === 0) {
      const { rows } = await client.query<{ origin: string; record: string | null }>(
        'SELECT d.origin, a.record::text AS record FROM documents d LEFT JOIN analyses a ON a.doc_id = d.id WHERE d.id = $1 FOR UPDATE OF d', [doc.id]);
      const existing = rows[0];
      const origin = existing ? existing.origin : toPg(doc.origin);
      stored = origin === toPg(doc.origin) ? record : { ...record, doc: { ...doc, origin: fromPg(origin) } };
      if (existing?.record === JSON.stringify(stored)) {
        await client.query('ROLLBACK');
        return 'unchanged';
      }
      outcome = 'updated';
      previous = existing?.record ? (JSON.parse(existing.record) as AnalysisRecord) : null;
      await client.query('UPDATE documents SET source_name = $2, source_url = $3, title = $4, date = $5, language = $6 WHERE id = $1',
        [doc.id, toPg(doc.source.name), toPg(doc.source.url), toPg(doc.title), toPg(doc.date), toPg(doc.language)]);
      await client.query('DELETE FROM entities WHERE doc_id = $1', [doc.id]); // mentions follow (ON DELETE CASCADE)
      await client.query('DELETE FROM analyses WHERE doc_id = $1', [doc.id]);
    }
    const json = JSON.stringify(stored);
    await client.query('INSERT INTO analyses (doc_id, schema, pipeline_version, record, events) VALUES ($1, $2, $3, $4, $5)',
      [doc.id, toPg(String(record.schema)), toPg(String(record.pipeline?.version)), json, jsonbSafe(JSON.stringify(record.events ?? []))]);
    await writeEntities(client, record);
    // Stories (src/stories/assign.ts), in the same transaction, one clustering writer at a time;
    // the document's features depend on it alone, so they are computed before the wait.
    const features = documentFeatures(stored);
    await lockStories(client);
    await clusterWrittenDocument(client, stored, previous, features);
    await beforeCommit?.(stored, client);
    await client.query('COMMIT');
    return outcome;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => { broken = true; });
    throw err;
  } finally {
    // A connection whose rollback failed is in an unknown state: discard it rather than reuse it.
    release(broken);
  }
}

/** Entities and their mentions, one statement each (arrays unnested server-side). */
async function writeEntities(client: PoolClient, record: AnalysisRecord): Promise<void> {
  const entities = record.entities ?? [];
  if (entities.length === 0) return;
  const column = <T>(f: (e: AnalysisRecord['entities'][number]) => T): T[] => entities.map(f);
  await client.query(`INSERT INTO entities (doc_id, entity_id, entity_key, type, name, name_folded, kb, country, sector)
    SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])`, [
    record.doc.id,
    column((e) => toPg(String(e.id))),
    column((e) => toPg(entityKey(e))),
    column((e) => toPg(String(e.type))),
    column((e) => toPg(String(e.name))),
    column((e) => toPg(foldName(String(e.name)))),
    column((e) => toPg(e.kb)),
    column((e) => toPg(e.country)),
    column((e) => toPg(e.sector)),
  ]);
  const mentions = entities.flatMap((e) => (e.mentions ?? []).map((m) => ({ entity: String(e.id), ...m })));
  if (mentions.length === 0) return;
  await client.query(`INSERT INTO mentions (doc_id, entity_id, start, "end", text)
    SELECT $1, * FROM unnest($2::text[], $3::int[], $4::int[], $5::text[])`, [
    record.doc.id,
    mentions.map((m) => toPg(m.entity)),
    mentions.map((m) => m.start),
    mentions.map((m) => m.end),
    mentions.map((m) => toPg(String(m.text))),
  ]);
}

/** The id is the contract's hash of the text: a record that breaks it would corrupt dedup. */
function checkIdentity(record: AnalysisRecord): void {
  const doc = (record as Partial<AnalysisRecord> | null)?.doc;
  if (!doc || typeof doc.text !== 'string' || typeof doc.id !== 'string') {
    throw new VeilleError('STORE', 'cannot store a record without doc.id and doc.text');
  }
  if (documentId(doc.text) !== doc.id) {
    throw new VeilleError('STORE', `cannot store document ${doc.id} (${doc.origin}): its id is not documentId(doc.text) (${documentId(doc.text)})`, doc.origin);
  }
}
