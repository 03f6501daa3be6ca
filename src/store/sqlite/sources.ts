import type { Database } from 'better-sqlite3';
import { VeilleError } from '../../core/errors.js';
import type { NewSource, PollRecord, SeenItem, Source } from '../store.js';
import { statement } from './statements.js';

interface SourceRow {
  id: number;
  url: string;
  name: string | null;
  every_seconds: number;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: string | null;
  next_poll_at: string;
  failures: number;
  last_error: string | null;
  created_at: string;
}

const COLUMNS = 'id, url, name, every_seconds, etag, last_modified, last_polled_at, next_poll_at, failures, last_error, created_at';
/** SQLite's limit on bound parameters is 32766 since 3.32; batches stay far below it. */
const KEYS_PER_QUERY = 500;

function toSource(row: SourceRow): Source {
  return {
    id: row.id,
    url: row.url,
    name: row.name,
    everySeconds: row.every_seconds,
    etag: row.etag,
    lastModified: row.last_modified,
    lastPolledAt: row.last_polled_at,
    nextPollAt: row.next_poll_at,
    failures: row.failures,
    lastError: row.last_error,
    createdAt: row.created_at,
  };
}

/** `id = ?` for a number, `url = ?` for a string. */
function byKey(idOrUrl: number | string): { where: string; value: number | string } {
  return typeof idOrUrl === 'number' ? { where: 'id = ?', value: idOrUrl } : { where: 'url = ?', value: String(idOrUrl) };
}

export function addSource(db: Database, source: NewSource): Source {
  const every = source.everySeconds;
  if (!Number.isInteger(every) || every < 1) {
    throw new VeilleError('USAGE', `a source's interval must be a whole number of seconds ≥ 1, not ${every}`, source.url);
  }
  const at = (source.at ?? new Date()).toISOString();
  return db.transaction((): Source => {
    const existing = statement(db, 'SELECT id FROM sources WHERE url = ?').get(String(source.url)) as { id: number } | undefined;
    if (existing) throw new VeilleError('USAGE', `already a source (id ${existing.id})`, source.url);
    const row = statement(db, `INSERT INTO sources (url, name, every_seconds, next_poll_at, created_at) VALUES (?, ?, ?, ?, ?) RETURNING ${COLUMNS}`)
      .get(String(source.url), source.name ?? null, every, at, at) as SourceRow;
    return toSource(row);
  }).immediate();
}

export function listSources(db: Database): Source[] {
  return (statement(db, `SELECT ${COLUMNS} FROM sources ORDER BY id`).all() as SourceRow[]).map(toSource);
}

export function getSource(db: Database, idOrUrl: number | string): Source | null {
  const { where, value } = byKey(idOrUrl);
  const row = statement(db, `SELECT ${COLUMNS} FROM sources WHERE ${where}`).get(value) as SourceRow | undefined;
  return row ? toSource(row) : null;
}

export function removeSource(db: Database, idOrUrl: number | string): boolean {
  const { where, value } = byKey(idOrUrl);
  return statement(db, `DELETE FROM sources WHERE ${where}`).run(value).changes > 0;
}

export function dueSources(db: Database, now: Date): Source[] {
  return (statement(db, `SELECT ${COLUMNS} FROM sources WHERE next_poll_at <= ? ORDER BY next_poll_at, id`).all(now.toISOString()) as SourceRow[])
    .map(toSource);
}

export function recordPoll(db: Database, id: number, poll: PollRecord): Source | null {
  const row = statement(db, `UPDATE sources SET last_polled_at = @polledAt, next_poll_at = @nextPollAt, etag = @etag,
      last_modified = @lastModified, last_error = @error, failures = CASE WHEN @error IS NULL THEN 0 ELSE failures + 1 END
    WHERE id = @id RETURNING ${COLUMNS}`).get({
    id,
    polledAt: poll.polledAt.toISOString(),
    nextPollAt: poll.nextPollAt.toISOString(),
    etag: poll.etag,
    lastModified: poll.lastModified,
    error: poll.error,
  }) as SourceRow | undefined;
  return row ? toSource(row) : null;
}

export function seenItems(db: Database, keys: string[]): Set<string> {
  const seen = new Set<string>();
  const unique = [...new Set(keys.map(String))];
  for (let i = 0; i < unique.length; i += KEYS_PER_QUERY) {
    const batch = unique.slice(i, i + KEYS_PER_QUERY);
    const rows = db.prepare(`SELECT key FROM feed_items WHERE key IN (${batch.map(() => '?').join(', ')})`).all(...batch) as { key: string }[];
    for (const row of rows) seen.add(row.key);
  }
  return seen;
}

export function rememberItems(db: Database, items: SeenItem[]): void {
  const insert = statement(db, `INSERT INTO feed_items (key, doc_id, source_id, seen_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (key) DO NOTHING`);
  const at = new Date().toISOString();
  db.transaction(() => {
    for (const item of items) {
      // A source removed since the poll began: keep the key, without the dangling source.
      const sourceId = item.sourceId !== null && statement(db, 'SELECT 1 FROM sources WHERE id = ?').get(item.sourceId) ? item.sourceId : null;
      insert.run(String(item.key), String(item.docId), sourceId, at);
    }
  })();
}
