import type { Database } from 'better-sqlite3';
import { VeilleError } from '../../core/errors.js';
import { documentId } from '../../core/ids.js';
import type { AnalysisRecord } from '../../core/record.js';
import { entityKey, foldName } from '../entity-key.js';
import type { PutOutcome } from '../store.js';
import { statement } from './statements.js';
import { clusterWrittenDocument } from './stories.js';

/** Called inside the transaction just before it commits; throwing rolls it back (tests use it). */
export type BeforeCommit = (record: AnalysisRecord) => void;

/**
 * Writes one record in one immediate transaction (the write lock is taken before reading, so
 * two writers never both decide 'inserted'). The same record again writes nothing; a
 * different record for the same text replaces the analysis, entities and mentions but keeps
 * the first origin (the stored record's doc.origin is set to it, so the two agree).
 */
export function writeAnalysis(db: Database, record: AnalysisRecord, beforeCommit?: BeforeCommit): PutOutcome {
  checkIdentity(record);
  const doc = record.doc;
  return db.transaction((): PutOutcome => {
    const existing = statement(db, 'SELECT origin FROM documents WHERE id = ?').get(doc.id) as { origin: string } | undefined;
    let outcome: PutOutcome = 'inserted';
    let stored = record;
    let previous: AnalysisRecord | null = null;
    if (existing) {
      stored = existing.origin === doc.origin ? record : { ...record, doc: { ...doc, origin: existing.origin } };
      const before = statement(db, 'SELECT record FROM analyses WHERE doc_id = ?').get(doc.id) as { record: string } | undefined;
      if (before?.record === JSON.stringify(stored)) return 'unchanged';
      previous = before ? (JSON.parse(before.record) as AnalysisRecord) : null;
      outcome = 'updated';
      statement(db, 'UPDATE documents SET source_name = ?, source_url = ?, title = ?, date = ?, language = ? WHERE id = ?')
        .run(doc.source.name, doc.source.url, doc.title, doc.date, doc.language, doc.id);
      statement(db, 'DELETE FROM entities WHERE doc_id = ?').run(doc.id); // mentions follow (ON DELETE CASCADE)
      statement(db, 'DELETE FROM analyses WHERE doc_id = ?').run(doc.id);
    } else {
      statement(db, `INSERT INTO documents (id, origin, source_name, source_url, title, date, language, text, ingested_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(doc.id, doc.origin, doc.source.name, doc.source.url, doc.title, doc.date, doc.language, doc.text, new Date().toISOString());
    }
    statement(db, 'INSERT INTO analyses (doc_id, schema, pipeline_version, record) VALUES (?, ?, ?, ?)')
      .run(doc.id, record.schema, record.pipeline.version, JSON.stringify(stored));
    writeEntities(db, record);
    clusterWrittenDocument(db, stored, previous); // stories (src/stories/assign.ts), in the same transaction
    beforeCommit?.(stored);
    return outcome;
  }).immediate();
}

function writeEntities(db: Database, record: AnalysisRecord): void {
  const insertEntity = statement(db, `INSERT INTO entities (doc_id, entity_id, entity_key, type, name, name_folded, kb, country, sector)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertMention = statement(db, 'INSERT INTO mentions (doc_id, entity_id, start, "end", text) VALUES (?, ?, ?, ?, ?)');
  for (const e of record.entities) {
    insertEntity.run(record.doc.id, e.id, entityKey(e), e.type, e.name, foldName(e.name), e.kb, e.country, e.sector);
    for (const m of e.mentions) insertMention.run(record.doc.id, e.id, m.start, m.end, m.text);
  }
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
