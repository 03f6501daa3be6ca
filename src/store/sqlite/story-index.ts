import type { Database } from 'better-sqlite3';
import type { DayRange } from '../../stories/dates.js';
import type { IndexedDoc, Posting, StoryIndex } from '../../stories/story-index.js';
import type { WeightedVector } from '../../stories/weights.js';
import { statement } from './statements.js';

interface DocRow {
  doc_id: string;
  seq: number;
  story_id: string;
  dup_of: string | null;
  language: string;
  date: string | null;
  day_from: number | null;
  day_to: number | null;
  vector: string;
  weights: Buffer;
  norm: number;
  neutral_norm: number;
  signature: Buffer;
}

const DOC_COLUMNS = 'doc_id, seq, story_id, dup_of, language, date, day_from, day_to, vector, weights, norm, neutral_norm, signature';
/** The story_terms row that counts documents. */
const DOCUMENT_COUNT_KEY = '';
/** The day under which undated documents are posted (a key of the posting table cannot be null). */
const UNDATED_DAY = -999_999;

/** Up to @limit ids posted under j.value, by a lookup's filter and order, as a JSON array (one scalar subquery per kind). */
const postingList = (where: string, order: string): string =>
  `(SELECT json_group_array(doc_id) FROM (SELECT doc_id FROM story_postings WHERE key = j.value AND ${where} ORDER BY ${order} LIMIT @limit))`;
/**
 * Every posting lookup of a document in one statement, a row per key (j.key: its index):
 * for a dated document the latest undated (a), the nearest days from its first on (b) and
 * the nearest before (c); for an undated one the latest undated (a) and the latest dated (b).
 * Each subquery is a bounded range of the primary key, as the separate lookups were.
 */
const POSTINGS_AROUND = `SELECT j.key AS i, ${postingList('day = @undated', 'seq DESC')} AS a,
  ${postingList('day BETWEEN @from AND @to', 'day, seq')} AS b,
  ${postingList('day BETWEEN @before AND @last', 'day DESC, seq DESC')} AS c FROM json_each(@keys) j`;
const POSTINGS_LATEST = `SELECT j.key AS i, ${postingList('day = @undated', 'seq DESC')} AS a,
  ${postingList('day > @undated', 'day DESC, seq DESC')} AS b, NULL AS c FROM json_each(@keys) j`;

/**
 * A row as an IndexedDoc whose vector and signature are decoded on first use: most rows read
 * (story members) are compared by vector only; signatures are read for candidates only.
 */
function toDoc(row: DocRow): IndexedDoc {
  let vector: WeightedVector | null = null;
  let signature: number[] | null = null;
  return {
    id: row.doc_id, seq: row.seq, story: row.story_id, dupOf: row.dup_of, language: row.language, date: row.date,
    days: row.day_from === null || row.day_to === null ? null : { from: row.day_from, to: row.day_to },
    get vector(): WeightedVector {
      return (vector ??= {
        keys: row.vector === '' ? [] : row.vector.split('\n'),
        weights: Array.from(new Float64Array(new Uint8Array(row.weights).buffer)),
        norm: row.norm,
        neutralNorm: row.neutral_norm,
      });
    },
    // Copied (new Uint8Array copies): a Buffer may sit at an offset of Node's pool that is not a multiple of 4 or 8.
    get signature(): number[] {
      return (signature ??= Array.from(new Uint32Array(new Uint8Array(row.signature).buffer)));
    },
  };
}

const ids = (rows: { doc_id: string }[]): string[] => rows.map((r) => r.doc_id);

/**
 * The story index in SQLite tables (migration 3). Every statement is a lookup by key or a
 * bounded range of an index. Keeps each story's listing row (size, first and last dates) up
 * to date: sizes as documents come and go, dates at once when a document joins, and by
 * re-reading the members of the stories that lost one (`refreshStories`, at the end).
 */
export class SqliteStoryIndex implements StoryIndex {
  private readonly shrunk = new Set<string>();
  /** The counts of the keys the last countDocument (+1) wrote, as RETURNING gave them; only countDocument writes them. */
  private counted: Map<string, number> | null = null;

  constructor(private readonly db: Database) {}

  documentCount(): number {
    const counted = this.counted?.get(DOCUMENT_COUNT_KEY);
    if (counted !== undefined) return counted;
    const row = statement(this.db, 'SELECT df FROM story_terms WHERE key = ?').get(DOCUMENT_COUNT_KEY) as { df: number } | undefined;
    return row?.df ?? 0;
  }

  frequencies(keys: readonly string[]): Map<string, number> {
    const counted = this.counted;
    if (counted && keys.every((k) => counted.has(k))) return new Map(keys.map((k) => [k, counted.get(k) as number]));
    const rows = statement(this.db, 'SELECT key, df FROM story_terms WHERE key IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(keys)) as { key: string; df: number }[];
    return new Map(rows.map((r) => [r.key, r.df]));
  }

  countDocument(keys: readonly string[], delta: 1 | -1): void {
    this.counted = null;
    const all = JSON.stringify([DOCUMENT_COUNT_KEY, ...keys]);
    const upsert = `INSERT INTO story_terms (key, df) SELECT value, ? FROM json_each(?) WHERE true
      ON CONFLICT (key) DO UPDATE SET df = df + excluded.df`;
    if (delta > 0) {
      // The counts as they now are come back with the write: what frequencies() is asked next.
      const rows = statement(this.db, `${upsert} RETURNING key, df`).all(delta, all) as { key: string; df: number }[];
      this.counted = new Map(rows.map((r) => [r.key, r.df]));
      return;
    }
    statement(this.db, upsert).run(delta, all);
    statement(this.db, 'DELETE FROM story_terms WHERE df <= 0 AND key IN (SELECT value FROM json_each(?))').run(all);
  }

  postingMatches(keys: readonly string[], days: DayRange | null, windowDays: number, limit: number): string[][] {
    if (keys.length === 0) return [];
    const rows = (days
      ? statement(this.db, POSTINGS_AROUND).all({ keys: JSON.stringify(keys), undated: UNDATED_DAY, limit, from: days.from, to: days.to + windowDays, before: days.from - windowDays, last: days.from - 1 })
      : statement(this.db, POSTINGS_LATEST).all({ keys: JSON.stringify(keys), undated: UNDATED_DAY, limit })) as { i: number; a: string; b: string; c: string | null }[];
    const found = keys.map((): string[] => []);
    for (const r of rows) {
      const ids = new Set<string>(JSON.parse(r.a) as string[]);
      for (const id of JSON.parse(r.b) as string[]) ids.add(id);
      if (r.c !== null) for (const id of JSON.parse(r.c) as string[]) ids.add(id);
      found[r.i] = [...ids];
    }
    return found;
  }

  documents(wanted: readonly string[]): IndexedDoc[] {
    if (wanted.length === 0) return [];
    return (statement(this.db, `SELECT ${DOC_COLUMNS} FROM story_documents WHERE doc_id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(wanted)) as DocRow[]).map(toDoc);
  }

  storySize(story: string): number {
    const row = statement(this.db, 'SELECT size FROM stories WHERE id = ?').get(story) as { size: number } | undefined;
    return row?.size ?? 0;
  }

  storySample(story: string, limit: number): IndexedDoc[] {
    const oldest = statement(this.db, `SELECT ${DOC_COLUMNS} FROM story_documents WHERE story_id = ? ORDER BY seq LIMIT 1`).all(story) as DocRow[];
    const recent = limit > 1
      ? statement(this.db, `SELECT ${DOC_COLUMNS} FROM story_documents WHERE story_id = ? ORDER BY seq DESC LIMIT ?`).all(story, limit - 1) as DocRow[]
      : [];
    return [...oldest, ...recent.filter((r) => r.doc_id !== oldest[0]?.doc_id)].map(toDoc);
  }

  storyMembers(story: string): IndexedDoc[] {
    return (statement(this.db, `SELECT ${DOC_COLUMNS} FROM story_documents WHERE story_id = ? ORDER BY seq`).all(story) as DocRow[]).map(toDoc);
  }

  insert(doc: IndexedDoc, postings: readonly Posting[]): void {
    const signature = Buffer.from(Uint32Array.from(doc.signature).buffer);
    const { keys, weights, norm, neutralNorm } = doc.vector;
    statement(this.db, `INSERT INTO story_documents (${DOC_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(doc.id, doc.seq, doc.story, doc.dupOf, doc.language, doc.date, doc.days?.from ?? null, doc.days?.to ?? null,
        keys.join('\n'), Buffer.from(Float64Array.from(weights).buffer), norm, neutralNorm, signature);
    statement(this.db, `INSERT OR IGNORE INTO story_postings (key, day, seq, doc_id)
      SELECT json_extract(value, '$.key'), coalesce(json_extract(value, '$.day'), ?), ?, ? FROM json_each(?)`)
      .run(UNDATED_DAY, doc.seq, doc.id, JSON.stringify(postings));
    this.join(doc.story, 1, doc.seq, doc.date, doc.date);
  }

  remove(doc: IndexedDoc, postings: readonly Posting[]): void {
    statement(this.db, `DELETE FROM story_postings WHERE seq = ? AND (key, day) IN
      (SELECT json_extract(value, '$.key'), coalesce(json_extract(value, '$.day'), ?) FROM json_each(?))`)
      .run(doc.seq, UNDATED_DAY, JSON.stringify(postings));
    statement(this.db, 'DELETE FROM story_documents WHERE doc_id = ?').run(doc.id);
    this.leave(doc.story, 1);
  }

  moveDocuments(moves: ReadonlyMap<string, string>): void {
    for (const [id, story] of moves) {
      const row = statement(this.db, 'SELECT story_id, seq, date FROM story_documents WHERE doc_id = ?').get(id) as
        { story_id: string; seq: number; date: string | null } | undefined;
      if (!row || row.story_id === story) continue;
      statement(this.db, 'UPDATE story_documents SET story_id = ? WHERE doc_id = ?').run(story, id);
      this.leave(row.story_id, 1);
      this.join(story, 1, row.seq, row.date, row.date);
    }
  }

  renameStory(from: string, to: string): void {
    if (from === to) return;
    const row = statement(this.db, 'SELECT size, first_seq, first_date, last_date FROM stories WHERE id = ?').get(from) as
      { size: number; first_seq: number; first_date: string | null; last_date: string | null } | undefined;
    if (!row) return;
    statement(this.db, 'UPDATE story_documents SET story_id = ? WHERE story_id = ?').run(to, from);
    statement(this.db, 'DELETE FROM stories WHERE id = ?').run(from);
    this.join(to, row.size, row.first_seq, row.first_date, row.last_date);
  }

  /** Re-reads the first and last dates of the stories that lost members, and drops emptied ones. */
  refreshStories(): void {
    for (const id of this.shrunk) {
      if (this.storySize(id) <= 0) {
        statement(this.db, 'DELETE FROM stories WHERE id = ?').run(id);
        continue;
      }
      statement(this.db, `UPDATE stories SET
        first_seq = (SELECT min(seq) FROM story_documents WHERE story_id = @id),
        first_date = (SELECT min(date) FROM story_documents WHERE story_id = @id),
        last_date = (SELECT max(date) FROM story_documents WHERE story_id = @id)
        WHERE id = @id`).run({ id });
    }
    this.shrunk.clear();
  }

  /** Counts members in, widening the story's first and last (min/max ignore nulls). */
  private join(story: string, count: number, seq: number, first: string | null, last: string | null): void {
    statement(this.db, `INSERT INTO stories (id, size, first_seq, first_date, last_date) VALUES (@story, @count, @seq, @first, @last)
      ON CONFLICT (id) DO UPDATE SET size = size + @count, first_seq = min(first_seq, @seq),
        first_date = coalesce(min(first_date, @first), first_date, @first),
        last_date = coalesce(max(last_date, @last), last_date, @last)`).run({ story, count, seq, first, last });
  }

  private leave(story: string, count: number): void {
    statement(this.db, 'UPDATE stories SET size = size - ? WHERE id = ?').run(count, story);
    this.shrunk.add(story);
  }
}
