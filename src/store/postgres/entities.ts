import type { EntityType } from '../../core/record.js';
import { foldName } from '../entity-key.js';
import { decodeCursor, encodeCursor, pageLimit } from '../paging.js';
import type { EntityListOptions, EntityOccurrence, EntitySummary, Page, PageOptions, StoredEntity } from '../store.js';
import { listDocuments } from './documents.js';
import { Params, whereClause } from './params.js';
import type { Queryable } from './queryable.js';
import { fromPg, toPg } from './text.js';

/** `%` `_` and `\` taken literally in a LIKE pattern. */
const likeLiteral = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Distinct entities, most documents first then key, with a keyset cursor on (documents, key).
 * The type and name filters pick keys first (through the indexes on type and on names'
 * trigrams); the page is chosen on counts alone, then names and mention counts are read for
 * its keys only.
 */
export async function listEntities(db: Queryable, options: EntityListOptions): Promise<Page<EntitySummary>> {
  const limit = pageLimit(options.limit);
  const p = new Params();
  const keyFilters: string[] = [];
  if (options.type != null) {
    keyFilters.push(`entity_key IN (SELECT entity_key FROM entities WHERE type = ${p.add(toPg(String(options.type)))})`);
  }
  if (options.query != null && String(options.query).trim() !== '') {
    const pattern = `%${likeLiteral(toPg(foldName(String(options.query).trim())))}%`;
    keyFilters.push(`entity_key IN (SELECT entity_key FROM entities WHERE name_folded LIKE ${p.add(pattern)})`);
  }
  const after: string[] = [];
  if (options.cursor != null) {
    const [documents, key] = decodeCursor(options.cursor, 'entities', 'ns');
    const docs = p.add(documents);
    after.push(`documents < ${docs} OR (documents = ${docs} AND key > ${p.add(toPg(String(key)))})`);
  }
  const { rows } = await db.query<{ key: string; documents: number }>(`SELECT key, documents FROM (
      SELECT entity_key AS key, count(DISTINCT doc_id)::int AS documents FROM entities ${whereClause(keyFilters)} GROUP BY entity_key
    ) counted ${whereClause(after)} ORDER BY documents DESC, key LIMIT ${p.add(limit + 1)}`, p.values);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: await summarize(db, page),
    nextCursor: rows.length > limit && last ? encodeCursor('entities', [last.documents, fromPg(last.key)]) : null,
  };
}

interface NameRow {
  key: string;
  type: EntityType;
  name: string;
  kb: string | null;
  country: string | null;
  sector: string | null;
}

/** For each key: the fields of the name most documents use (ties: longest, then alphabetical), and its mention count. */
async function summarize(db: Queryable, page: { key: string; documents: number }[]): Promise<EntitySummary[]> {
  if (page.length === 0) return [];
  const keys = page.map((r) => r.key);
  const names = await db.query<NameRow>(`SELECT DISTINCT ON (key) key, type, name, kb, country, sector FROM (
      SELECT entity_key AS key, type, name, kb, country, sector, count(DISTINCT doc_id) AS docs
      FROM entities WHERE entity_key = ANY($1::text[]) GROUP BY entity_key, type, name, kb, country, sector
    ) named ORDER BY key, docs DESC, length(name) DESC, name, type`, [keys]);
  const mentions = await db.query<{ key: string; mentions: number }>(`SELECT e.entity_key AS key, count(*)::int AS mentions
    FROM entities e JOIN mentions m ON m.doc_id = e.doc_id AND m.entity_id = e.entity_id
    WHERE e.entity_key = ANY($1::text[]) GROUP BY e.entity_key`, [keys]);
  const byKey = new Map(names.rows.map((r) => [r.key, r]));
  const counts = new Map(mentions.rows.map((r) => [r.key, r.mentions]));
  return page.map(({ key, documents }) => {
    const n = byKey.get(key);
    return {
      key: fromPg(key),
      type: (n?.type ?? 'MISC') as EntityType,
      name: fromPg(n?.name ?? key),
      kb: fromPg(n?.kb ?? null),
      country: fromPg(n?.country ?? null),
      sector: fromPg(n?.sector ?? null),
      documents,
      mentions: counts.get(key) ?? 0,
    };
  });
}

interface EntityRow extends Omit<NameRow, 'key'> {
  doc_id: string;
  entity_id: string;
}

/** The documents (newest first, as listDocuments) where an entity key occurs, with its mentions. */
export async function entityMentions(db: Queryable, key: string, options: PageOptions): Promise<Page<EntityOccurrence>> {
  const page = await listDocuments(db, { ...options, entity: String(key) });
  if (page.items.length === 0) return { items: [], nextCursor: page.nextCursor };
  const ids = page.items.map((d) => d.id);
  const entities = await db.query<EntityRow>(`SELECT doc_id, entity_id, type, name, kb, country, sector FROM entities
    WHERE doc_id = ANY($1::text[]) AND entity_key = $2 ORDER BY doc_id, entity_id`, [ids, toPg(String(key))]);
  const mentions = await db.query<{ doc_id: string; entity_id: string; start: number; end: number; text: string }>(`SELECT m.doc_id, m.entity_id, m.start, m."end", m.text
    FROM mentions m JOIN entities e ON e.doc_id = m.doc_id AND e.entity_id = m.entity_id
    WHERE e.doc_id = ANY($1::text[]) AND e.entity_key = $2 ORDER BY m.doc_id, m.entity_id, m.start, m."end"`, [ids, toPg(String(key))]);
  const spans = new Map<string, StoredEntity['mentions']>();
  for (const m of mentions.rows) {
    const id = `${m.doc_id}\u0000${m.entity_id}`;
    const list = spans.get(id) ?? [];
    list.push({ start: m.start, end: m.end, text: fromPg(m.text) });
    spans.set(id, list);
  }
  const items = page.items.map((document): EntityOccurrence => ({
    document,
    entities: entities.rows.filter((e) => e.doc_id === document.id).map((e): StoredEntity => ({
      id: fromPg(e.entity_id),
      type: e.type,
      name: fromPg(e.name),
      kb: fromPg(e.kb),
      country: fromPg(e.country),
      sector: fromPg(e.sector),
      mentions: spans.get(`${e.doc_id}\u0000${e.entity_id}`) ?? [],
    })),
  }));
  return { items, nextCursor: page.nextCursor };
}
