import type { PoolClient } from 'pg';
import type { DayRange } from '../../stories/dates.js';
import type { WeightedVector } from '../../stories/weights.js';
import { fromPg, toPg } from './text.js';

/** The day under which undated documents are posted (a key of the posting table cannot be null). */
export const UNDATED_DAY = -999_999;
/** The story_terms row that counts documents. */
export const DOCUMENT_COUNT_KEY = '';

/** A story_documents row, its vector and signature decoded once (on first use) and shared by every round. */
export interface BaseDoc {
  id: string;
  seq: number;
  story: string;
  dupOf: string | null;
  language: string;
  date: string | null;
  days: DayRange | null;
  vector(): WeightedVector;
  signature(): number[];
}

interface DocRow {
  doc_id: string;
  seq: string;
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

export const DOC_COLUMNS = 'doc_id, seq, story_id, dup_of, language, date, day_from, day_to, vector, weights, norm, neutral_norm, signature';

function toBaseDoc(row: DocRow): BaseDoc {
  let vector: WeightedVector | null = null;
  let signature: number[] | null = null;
  return {
    id: row.doc_id, seq: Number(row.seq), story: row.story_id, dupOf: row.dup_of, language: fromPg(row.language), date: fromPg(row.date),
    days: row.day_from === null || row.day_to === null ? null : { from: row.day_from, to: row.day_to },
    vector: () => (vector ??= {
      keys: row.vector === '' ? [] : fromPg(row.vector).split('\n'),
      // Copied (new Uint8Array copies): a Buffer may sit at an offset of Node's pool that is not a multiple of 8.
      weights: Array.from(new Float64Array(new Uint8Array(row.weights).buffer)),
      norm: row.norm,
      neutralNorm: row.neutral_norm,
    }),
    signature: () => (signature ??= Array.from(new Uint32Array(new Uint8Array(row.signature).buffer))),
  };
}

/** The kinds of posting lookup (src/store/sqlite/story-index.ts runs the same three as SQL). */
export type PostingKind = 'undated' | 'after' | 'before' | 'dated';

/** One posting lookup: a key, a kind, its day bounds, and how many rows (by the kind's order) to read. */
export interface PostingQuery {
  kind: PostingKind;
  key: string;
  from: number;
  to: number;
  depth: number;
}

export interface PostingRow {
  day: number;
  seq: number;
  docId: string;
}

/** A story's oldest and newest members as read, `depth` of each (fewer: the story has no more). */
export interface StorySample {
  depth: number;
  oldest: string[];
  newest: string[];
}

export const postingId = (q: Pick<PostingQuery, 'kind' | 'key' | 'from' | 'to'>): string => JSON.stringify([q.kind, q.key, q.from, q.to]);

/** What one clustering round asked for and the base had not read yet, grouped by kind of read. */
export type Miss =
  | { kind: 'terms'; key: string }
  | { kind: 'docs'; id: string }
  | { kind: 'sizes'; story: string }
  | { kind: 'members'; story: string }
  | { kind: 'samples'; story: string; depth: number }
  | { kind: 'postings'; query: PostingQuery };

/**
 * The story tables as they were when the transaction took the clustering lock, read lazily
 * and kept for the rest of the transaction: nobody else writes them meanwhile. Absent rows
 * are remembered as such (df 0, size 0, document null).
 */
export class StoryBase {
  readonly terms = new Map<string, number>();
  readonly docs = new Map<string, BaseDoc | null>();
  readonly sizes = new Map<string, number>();
  /** Every member of a story, in seq order. */
  readonly members = new Map<string, string[]>();
  readonly samples = new Map<string, StorySample>();
  /** Posting rows by postingId, in the lookup's order, with the depth read. */
  readonly postings = new Map<string, { depth: number; rows: PostingRow[] }>();

  /**
   * Reads what a round missed: the misses of the kind missed first (later ones may rest on
   * placeholders). Members and samples are read together, in one statement: a round asks for
   * both when its neighbourhood holds small and large stories, and both come from the same
   * real story ids (reading a story that turns out not to matter is only a wasted read).
   */
  async load(client: PoolClient, misses: readonly Miss[]): Promise<void> {
    const first = misses[0]?.kind;
    const wanted = misses.filter((m) => m.kind === first);
    if (first === 'terms') await this.loadTerms(client, unique(wanted.map((m) => (m as { key: string }).key)));
    else if (first === 'docs') await this.loadDocs(client, unique(wanted.map((m) => (m as { id: string }).id)));
    else if (first === 'sizes') await this.loadSizes(client, unique(wanted.map((m) => (m as { story: string }).story)));
    else if (first === 'members' || first === 'samples') {
      const members = unique(misses.flatMap((m) => (m.kind === 'members' ? [m.story] : [])));
      await this.loadStories(client, members, misses.filter((m): m is Extract<Miss, { kind: 'samples' }> => m.kind === 'samples'));
    } else if (first === 'postings') await this.loadPostings(client, (wanted as Extract<Miss, { kind: 'postings' }>[]).map((m) => m.query));
  }

  /** Reads the counts of keys before the first round (a document's own feature keys: the first thing it asks). */
  async prefetchTerms(client: PoolClient, keys: readonly string[]): Promise<void> {
    await this.loadTerms(client, unique(keys.filter((k) => !this.terms.has(k))));
  }

  private async loadTerms(client: PoolClient, keys: string[]): Promise<void> {
    const { rows } = await client.query<{ key: string; df: number }>('SELECT key, df FROM story_terms WHERE key = ANY($1::text[])', [keys.map((k) => toPg(k))]);
    for (const k of keys) this.terms.set(k, 0);
    for (const r of rows) this.terms.set(fromPg(r.key), r.df);
  }

  private async loadDocs(client: PoolClient, ids: string[]): Promise<void> {
    // Their stories' sizes are read next (to re-cluster them): joined in, one round fewer.
    const { rows } = await client.query<DocRow & { story_size: number | null }>(
      `SELECT ${DOC_COLUMNS}, s.size AS story_size FROM story_documents d LEFT JOIN stories s ON s.id = d.story_id WHERE d.doc_id = ANY($1::text[])`, [ids]);
    for (const id of ids) if (!this.docs.has(id)) this.docs.set(id, null);
    this.keepDocs(rows);
    for (const r of rows) if (!this.sizes.has(r.story_id)) this.sizes.set(r.story_id, r.story_size ?? 0);
  }

  private async loadSizes(client: PoolClient, stories: string[]): Promise<void> {
    const { rows } = await client.query<{ id: string; size: number }>('SELECT id, size FROM stories WHERE id = ANY($1::text[])', [stories]);
    for (const s of stories) this.sizes.set(s, 0);
    for (const r of rows) this.sizes.set(r.id, r.size);
  }

  /**
   * Every member of the `members` stories (in seq order) and the oldest and newest `depth` of
   * the `samples` stories, in one statement (part: 'm' a member, 's' a sample; tail: 0 oldest, 1 newest).
   */
  private async loadStories(client: PoolClient, members: string[], wanted: { story: string; depth: number }[]): Promise<void> {
    const depth = new Map<string, number>();
    for (const w of wanted) depth.set(w.story, Math.max(depth.get(w.story) ?? 0, w.depth));
    const sampled = [...depth.keys()];
    const depths = sampled.map((s) => depth.get(s) as number);
    const columns = DOC_COLUMNS.split(', ').map((c) => `d.${c}`).join(', ');
    const { rows } = await client.query<DocRow & { part: 'm' | 's'; story: string; tail: number }>(
      `SELECT 'm' AS part, story_id AS story, 0 AS tail, ${DOC_COLUMNS} FROM story_documents WHERE story_id = ANY($1::text[])
       UNION ALL
       SELECT 's', w.story, d.tail, ${columns} FROM unnest($2::text[], $3::int[]) AS w(story, depth) CROSS JOIN LATERAL (
         (SELECT 0 AS tail, ${DOC_COLUMNS} FROM story_documents WHERE story_id = w.story ORDER BY seq ASC LIMIT w.depth)
         UNION ALL (SELECT 1 AS tail, ${DOC_COLUMNS} FROM story_documents WHERE story_id = w.story ORDER BY seq DESC LIMIT w.depth)) d`,
      [members, sampled, depths]);
    const bySeq = (a: DocRow, b: DocRow): number => Number(a.seq) - Number(b.seq);
    const memberRows = rows.filter((r) => r.part === 'm').sort(bySeq);
    for (const s of members) this.members.set(s, []);
    for (const r of memberRows) this.members.get(r.story_id)?.push(r.doc_id);
    const oldest = rows.filter((r) => r.part === 's' && r.tail === 0).sort(bySeq);
    const newest = rows.filter((r) => r.part === 's' && r.tail === 1).sort((a, b) => bySeq(b, a));
    for (const [i, s] of sampled.entries()) this.samples.set(s, { depth: depths[i] as number, oldest: [], newest: [] });
    for (const r of oldest) this.samples.get(r.story)?.oldest.push(r.doc_id);
    for (const r of newest) this.samples.get(r.story)?.newest.push(r.doc_id);
    this.keepDocs(rows);
  }

  private async loadPostings(client: PoolClient, queries: PostingQuery[]): Promise<void> {
    // Every lookup in one statement: each kind's arm runs only for its own lookups (a one-time filter on q.kind).
    const arms = (Object.keys(POSTING_SQL) as PostingKind[])
      .map((kind) => `(SELECT day, seq, doc_id FROM story_postings WHERE q.kind = '${kind}' AND ${POSTING_SQL[kind]} LIMIT q.depth)`);
    const { rows } = await client.query<{ i: number; day: number; seq: string; doc_id: string }>(
      `SELECT q.i, p.day, p.seq, p.doc_id FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[]) WITH ORDINALITY AS q(kind, key, lo, hi, depth, i)
       CROSS JOIN LATERAL (${arms.join(' UNION ALL ')}) p`,
      [queries.map((q) => q.kind), queries.map((q) => toPg(q.key)), queries.map((q) => q.from), queries.map((q) => q.to), queries.map((q) => q.depth)]);
    const found = queries.map((q) => ({ depth: q.depth, rows: [] as PostingRow[] }));
    for (const r of rows) found[Number(r.i) - 1]?.rows.push({ day: r.day, seq: Number(r.seq), docId: r.doc_id });
    queries.forEach((q, i) => this.postings.set(postingId(q), found[i] as { depth: number; rows: PostingRow[] }));
  }

  private keepDocs(rows: DocRow[]): void {
    for (const r of rows) if (!this.docs.get(r.doc_id)) this.docs.set(r.doc_id, toBaseDoc(r));
  }
}

/** Each kind of posting lookup as SQL over q(key, lo, hi): the same rows and order as SQLite's. */
const POSTING_SQL: Record<PostingKind, string> = {
  undated: `key = q.key AND day = ${UNDATED_DAY} ORDER BY seq DESC`,
  after: 'key = q.key AND day BETWEEN q.lo AND q.hi ORDER BY day, seq',
  before: 'key = q.key AND day BETWEEN q.lo AND q.hi ORDER BY day DESC, seq DESC',
  dated: `key = q.key AND day > ${UNDATED_DAY} ORDER BY day DESC, seq DESC`,
};

/** Whether a posting row is one a lookup of this kind reads, and the lookup's order. */
export function postingMatches(q: Pick<PostingQuery, 'kind' | 'from' | 'to'>, day: number): boolean {
  switch (q.kind) {
    case 'undated': return day === UNDATED_DAY;
    case 'dated': return day > UNDATED_DAY;
    default: return day >= q.from && day <= q.to;
  }
}

export function postingOrder(kind: PostingKind): (a: PostingRow, b: PostingRow) => number {
  if (kind === 'undated') return (a, b) => b.seq - a.seq;
  if (kind === 'after') return (a, b) => a.day - b.day || a.seq - b.seq;
  return (a, b) => b.day - a.day || b.seq - a.seq;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
