import type { Database } from 'better-sqlite3';
import type { EntityType } from '../../core/record.js';
import { foldName } from '../entity-key.js';
import { decodeCursor, encodeCursor, pageLimit } from '../paging.js';
import type { EntityListOptions, EntityOccurrence, EntitySummary, Page, PageOptions, StoredEntity } from '../store.js';
import { listDocuments } from './documents.js';
import { whereClause } from './filters.js';
import { statement } from './statements.js';

/**
 * Distinct entities, most documents first then key, with a keyset cursor on (documents, key).
 * The page is chosen on counts alone; names and mention counts are then read for its keys only.
 */
export function listEntities(db: Database, options: EntityListOptions): Page<EntitySummary> {
  const limit = pageLimit(options.limit);
  const having: string[] = [];
  const where: string[] = [];
  const params: Record<string, string | number> = { limit: limit + 1 };
  if (options.type != null) {
    having.push('max(type = @type)'); // the entity appears with this type somewhere
    params.type = String(options.type);
  }
  if (options.query != null && options.query.trim() !== '') {
    having.push('max(instr(name_folded, @name) > 0)'); // any name it goes by, not only the one shown
    params.name = foldName(options.query.trim());
  }
  if (options.cursor != null) {
    const [documents, key] = decodeCursor(options.cursor, 'entities', 'ns');
    where.push('documents < @cursorDocs OR (documents = @cursorDocs AND key > @cursorKey)');
    Object.assign(params, { cursorDocs: documents, cursorKey: key });
  }
  const rows = statement(db, `SELECT key, documents FROM (
      SELECT entity_key AS key, count(DISTINCT doc_id) AS documents FROM entities GROUP BY entity_key
      ${having.length ? `HAVING ${having.join(' AND ')}` : ''}
    ) ${whereClause(where)} ORDER BY documents DESC, key LIMIT @limit`).all(params) as { key: string; documents: number }[];
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => summary(db, row.key, row.documents)),
    nextCursor: rows.length > limit && last ? encodeCursor('entities', [last.documents, last.key]) : null,
  };
}

/** The fields of the name most documents use for a key (ties: longest, then alphabetical), and its mention count. */
function summary(db: Database, key: string, documents: number): EntitySummary {
  const best = statement(db, `SELECT type, name, kb, country, sector FROM entities WHERE entity_key = ?
    GROUP BY type, name, kb, country, sector ORDER BY count(DISTINCT doc_id) DESC, length(name) DESC, name, type LIMIT 1`)
    .get(key) as Omit<EntitySummary, 'key' | 'documents' | 'mentions'>;
  const { mentions } = statement(db, `SELECT count(*) AS mentions FROM entities e
    JOIN mentions m ON m.doc_id = e.doc_id AND m.entity_id = e.entity_id WHERE e.entity_key = ?`).get(key) as { mentions: number };
  return { key, ...best, documents, mentions };
}

interface EntityRow {
  entity_id: string;
  type: EntityType;
  name: string;
  kb: string | null;
  country: string | null;
  sector: string | null;
}

/** The documents (newest first, as listDocuments) where an entity key occurs, with its mentions. */
export function entityMentions(db: Database, key: string, options: PageOptions): Page<EntityOccurrence> {
  const page = listDocuments(db, { ...options, entity: String(key) });
  const entitiesOf = statement(db, 'SELECT entity_id, type, name, kb, country, sector FROM entities WHERE doc_id = ? AND entity_key = ? ORDER BY entity_id');
  const mentionsOf = statement(db, 'SELECT start, "end", text FROM mentions WHERE doc_id = ? AND entity_id = ? ORDER BY start, "end"');
  const items = page.items.map((document): EntityOccurrence => ({
    document,
    entities: (entitiesOf.all(document.id, key) as EntityRow[]).map((e): StoredEntity => ({
      id: e.entity_id,
      type: e.type,
      name: e.name,
      kb: e.kb,
      country: e.country,
      sector: e.sector,
      mentions: mentionsOf.all(document.id, e.entity_id) as StoredEntity['mentions'],
    })),
  }));
  return { items, nextCursor: page.nextCursor };
}
