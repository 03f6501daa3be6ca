import { VeilleError } from '../../core/errors.js';
import type { NewSource, PollRecord, SeenItem, Source } from '../store.js';
import type { Queryable } from './queryable.js';
import { fromPg, toPg } from './text.js';

interface SourceRow {
  id: number;
  url: string;
  name: string | null;
  every_seconds: number;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: Date | null;
  next_poll_at: Date;
  failures: number;
  last_error: string | null;
  created_at: Date;
}

const COLUMNS = 'id, url, name, every_seconds, etag, last_modified, last_polled_at, next_poll_at, failures, last_error, created_at';

function toSource(row: SourceRow): Source {
  return {
    id: row.id,
    url: fromPg(row.url),
    name: fromPg(row.name),
    everySeconds: row.every_seconds,
    etag: fromPg(row.etag),
    lastModified: fromPg(row.last_modified),
    lastPolledAt: row.last_polled_at?.toISOString() ?? null,
    nextPollAt: row.next_poll_at.toISOString(),
    failures: row.failures,
    lastError: fromPg(row.last_error),
    createdAt: row.created_at.toISOString(),
  };
}

/** `id = $1` for a number, `url = $1` for a string. */
function byKey(idOrUrl: number | string): { where: string; value: number | string } {
  return typeof idOrUrl === 'number' ? { where: 'id = $1', value: idOrUrl } : { where: 'url = $1', value: toPg(String(idOrUrl)) };
}

/** A number that cannot be an integer id reads as no source (rather than a database error). */
const impossibleId = (idOrUrl: number | string): boolean => typeof idOrUrl === 'number' && !(Number.isInteger(idOrUrl) && Math.abs(idOrUrl) <= 2 ** 31 - 1);

export async function addSource(db: Queryable, source: NewSource): Promise<Source> {
  const every = source.everySeconds;
  if (!Number.isInteger(every) || every < 1) {
    throw new VeilleError('USAGE', `a source's interval must be a whole number of seconds ≥ 1, not ${every}`, source.url);
  }
  const at = source.at ?? new Date();
  // ON CONFLICT: two processes adding the same URL at once do not both succeed.
  const { rows } = await db.query<SourceRow>(`INSERT INTO sources (url, name, every_seconds, next_poll_at, created_at) VALUES ($1, $2, $3, $4, $4)
    ON CONFLICT (url) DO NOTHING RETURNING ${COLUMNS}`, [toPg(String(source.url)), toPg(source.name ?? null), every, at]);
  const row = rows[0];
  if (row) return toSource(row);
  const existing = await db.query<{ id: number }>('SELECT id FROM sources WHERE url = $1', [toPg(String(source.url))]);
  throw new VeilleError('USAGE', `already a source (id ${existing.rows[0]?.id ?? '?'})`, source.url);
}

export async function listSources(db: Queryable): Promise<Source[]> {
  return (await db.query<SourceRow>(`SELECT ${COLUMNS} FROM sources ORDER BY id`)).rows.map(toSource);
}

export async function getSource(db: Queryable, idOrUrl: number | string): Promise<Source | null> {
  if (impossibleId(idOrUrl)) return null;
  const { where, value } = byKey(idOrUrl);
  const row = (await db.query<SourceRow>(`SELECT ${COLUMNS} FROM sources WHERE ${where}`, [value])).rows[0];
  return row ? toSource(row) : null;
}

export async function removeSource(db: Queryable, idOrUrl: number | string): Promise<boolean> {
  if (impossibleId(idOrUrl)) return false;
  const { where, value } = byKey(idOrUrl);
  return ((await db.query(`DELETE FROM sources WHERE ${where}`, [value])).rowCount ?? 0) > 0;
}

export async function dueSources(db: Queryable, now: Date): Promise<Source[]> {
  return (await db.query<SourceRow>(`SELECT ${COLUMNS} FROM sources WHERE next_poll_at <= $1 ORDER BY next_poll_at, id`, [now])).rows.map(toSource);
}

export async function recordPoll(db: Queryable, id: number, poll: PollRecord): Promise<Source | null> {
  if (impossibleId(id)) return null;
  const { rows } = await db.query<SourceRow>(`UPDATE sources SET last_polled_at = $2, next_poll_at = $3, etag = $4,
      last_modified = $5, last_error = $6, failures = CASE WHEN $6::text IS NULL THEN 0 ELSE failures + 1 END
    WHERE id = $1 RETURNING ${COLUMNS}`,
  [id, poll.polledAt, poll.nextPollAt, toPg(poll.etag), toPg(poll.lastModified), toPg(poll.error)]);
  return rows[0] ? toSource(rows[0]) : null;
}

export async function seenItems(db: Queryable, keys: string[]): Promise<Set<string>> {
  const unique = [...new Set(keys.map(String))];
  if (unique.length === 0) return new Set();
  const { rows } = await db.query<{ key: string }>('SELECT key FROM feed_items WHERE key = ANY($1::text[])', [unique.map((k) => toPg(k))]);
  return new Set(rows.map((r) => fromPg(r.key)));
}

/** One statement for the batch; a source removed since the poll began leaves the key without it. */
export async function rememberItems(db: Queryable, items: SeenItem[]): Promise<void> {
  if (items.length === 0) return;
  await db.query(`INSERT INTO feed_items (key, doc_id, source_id, seen_at)
    SELECT DISTINCT ON (i.key) i.key, i.doc_id, s.id, now()
    FROM unnest($1::text[], $2::text[], $3::int[]) WITH ORDINALITY AS i (key, doc_id, source_id, n)
    LEFT JOIN sources s ON s.id = i.source_id
    ORDER BY i.key, i.n
    ON CONFLICT (key) DO NOTHING`,
  [items.map((i) => toPg(String(i.key))), items.map((i) => toPg(String(i.docId))), items.map((i) => (Number.isInteger(i.sourceId) ? i.sourceId : null))]);
}
