import type { DayRange } from '../../stories/dates.js';
import type { IndexedDoc, Posting, StoryIndex } from '../../stories/story-index.js';
import type { WeightedVector } from '../../stories/weights.js';
import {
  DOCUMENT_COUNT_KEY, postingId, postingMatches, postingOrder, UNDATED_DAY,
  type BaseDoc, type Miss, type PostingQuery, type PostingRow, type StoryBase,
} from './story-base.js';

/** Rows read beyond a lookup's limit, so that the few taken out by this transaction leave enough. */
const SLACK = 2;

/** A document as this round sees it: its base fields (or the inserted ones) and its current story. */
interface Entry {
  doc: BaseDoc;
  story: string;
  /** Inserted by this round (else read from the base). */
  inserted: boolean;
}

export interface PostingChange {
  key: string;
  day: number;
  seq: number;
  docId: string;
}

/** What a settled round changes, for `flushStoryChanges` to write. */
export interface StoryChanges {
  termDeltas: Map<string, number>;
  removedPostings: PostingChange[];
  insertedPostings: PostingChange[];
  /** Base rows to delete (removed, or removed then inserted again). */
  deletedDocs: string[];
  insertedDocs: IndexedDoc[];
  /** Story renames, in order: what `UPDATE … WHERE story_id = from` does to unread rows. */
  renames: [string, string][];
  /** Base documents whose story differs from what the renames alone give them. */
  moved: Map<string, string>;
  /** Stories that lost members (or were renamed away): their listing row is read again. */
  shrunk: Set<string>;
  /** Stories that gained members (joins: seq and date of each). */
  joined: Map<string, { seq: number; date: string | null }[]>;
}

/**
 * The story index of src/stories/story-index.ts over a PostgreSQL transaction. Clustering is
 * synchronous and node-postgres is not, so it runs in rounds: each round runs the whole
 * assignment against what has been read (the StoryBase) plus the round's own writes, kept in
 * memory; a read the base cannot answer is a miss, answered with a placeholder and recorded.
 * The caller reads the misses and runs again; a round with no miss saw exactly what the
 * SQL index would have, and its writes are flushed (src/store/postgres/stories.ts).
 */
export class PgStoryIndex implements StoryIndex {
  readonly misses: Miss[] = [];
  private readonly termDeltas = new Map<string, number>();
  private readonly entries = new Map<string, Entry | null>();
  private readonly sizeDeltas = new Map<string, number>();
  private readonly renames: [string, string][] = [];
  private readonly removedPostings = new Map<string, PostingChange>();
  private readonly insertedPostings = new Map<string, PostingChange>();
  private readonly deletedDocs = new Set<string>();
  private readonly shrunk = new Set<string>();
  private readonly joined = new Map<string, { seq: number; date: string | null }[]>();

  constructor(private readonly base: StoryBase) {}

  incomplete(): boolean {
    return this.misses.length > 0;
  }

  documentCount(): number {
    return this.df(DOCUMENT_COUNT_KEY);
  }

  frequencies(keys: readonly string[]): Map<string, number> {
    return new Map(keys.map((k) => [k, this.df(k)]));
  }

  countDocument(keys: readonly string[], delta: 1 | -1): void {
    for (const k of [DOCUMENT_COUNT_KEY, ...keys]) this.termDeltas.set(k, (this.termDeltas.get(k) ?? 0) + delta);
  }

  postingMatches(keys: readonly string[], days: DayRange | null, windowDays: number, limit: number): string[][] {
    return keys.map((key) => this.postingMatchesOf(key, days, windowDays, limit));
  }

  private postingMatchesOf(key: string, days: DayRange | null, windowDays: number, limit: number): string[] {
    const found = this.postings({ kind: 'undated', key, from: 0, to: 0 }, limit);
    if (days) {
      found.push(...this.postings({ kind: 'after', key, from: days.from, to: days.to + windowDays }, limit));
      found.push(...this.postings({ kind: 'before', key, from: days.from - windowDays, to: days.from - 1 }, limit));
    } else {
      found.push(...this.postings({ kind: 'dated', key, from: 0, to: 0 }, limit));
    }
    return [...new Set(found)];
  }

  documents(ids: readonly string[]): IndexedDoc[] {
    const found: IndexedDoc[] = [];
    for (const id of new Set(ids)) {
      const entry = this.entry(id);
      if (entry) found.push(snapshot(entry));
    }
    return found;
  }

  storySize(story: string): number {
    const base = this.base.sizes.get(story);
    if (base === undefined) this.misses.push({ kind: 'sizes', story });
    return (base ?? 0) + (this.sizeDeltas.get(story) ?? 0);
  }

  storySample(story: string, limit: number): IndexedDoc[] {
    const current = this.current(story, (origin) => this.sampleOf(origin, limit));
    if (!current) return [];
    current.sort((a, b) => a.doc.seq - b.doc.seq);
    const oldest = current[0];
    if (!oldest) return [];
    const recent = limit > 1 ? current.slice(1).reverse().slice(0, limit - 1) : [];
    return [oldest, ...recent].map(snapshot);
  }

  storyMembers(story: string): IndexedDoc[] {
    const current = this.current(story, (origin) => {
      const ids = this.base.members.get(origin);
      if (ids === undefined) this.misses.push({ kind: 'members', story: origin });
      return ids ?? null;
    });
    return (current ?? []).sort((a, b) => a.doc.seq - b.doc.seq).map(snapshot);
  }

  insert(doc: IndexedDoc, postings: readonly Posting[]): void {
    const copy: BaseDoc = {
      id: doc.id, seq: doc.seq, story: doc.story, dupOf: doc.dupOf, language: doc.language, date: doc.date, days: doc.days,
      vector: constant(doc.vector), signature: constant(doc.signature),
    };
    this.entries.set(doc.id, { doc: copy, story: doc.story, inserted: true });
    for (const p of postings) {
      const change = { key: p.key, day: p.day ?? UNDATED_DAY, seq: doc.seq, docId: doc.id };
      const id = changeId(change);
      // Like SQLite's INSERT OR IGNORE; a posting removed this round and put back is deleted, then inserted.
      this.insertedPostings.set(id, change);
    }
    this.join(doc.story, doc.seq, doc.date);
  }

  remove(doc: IndexedDoc, postings: readonly Posting[]): void {
    for (const p of postings) {
      const change = { key: p.key, day: p.day ?? UNDATED_DAY, seq: doc.seq, docId: doc.id };
      const id = changeId(change);
      if (this.insertedPostings.delete(id)) continue;
      this.removedPostings.set(id, change);
    }
    const entry = this.entry(doc.id);
    if (entry && !entry.inserted) this.deletedDocs.add(doc.id);
    this.entries.set(doc.id, null);
    this.leave(doc.story);
  }

  moveDocuments(moves: ReadonlyMap<string, string>): void {
    for (const [id, story] of moves) {
      const entry = this.entry(id);
      if (!entry || entry.story === story) continue;
      this.leave(entry.story);
      entry.story = story;
      this.join(story, entry.doc.seq, entry.doc.date);
    }
  }

  renameStory(from: string, to: string): void {
    if (from === to) return;
    const size = this.storySize(from);
    if (size <= 0) return; // no such story (SQLite: no row)
    for (const entry of this.entries.values()) if (entry && entry.story === from) entry.story = to;
    this.renames.push([from, to]);
    this.sizeDeltas.set(from, (this.sizeDeltas.get(from) ?? 0) - size);
    this.sizeDeltas.set(to, (this.sizeDeltas.get(to) ?? 0) + size);
    this.shrunk.add(from);
    this.shrunk.add(to); // its first and last dates are read again from its members
  }

  /** What this round wrote, to flush once it settled (no misses). */
  changes(): StoryChanges {
    const moved = new Map<string, string>();
    const insertedDocs: IndexedDoc[] = [];
    for (const [id, entry] of this.entries) {
      if (!entry) continue;
      if (entry.inserted) insertedDocs.push(snapshot(entry));
      else if (entry.story !== this.renamed(entry.doc.story)) moved.set(id, entry.story);
    }
    return {
      termDeltas: new Map([...this.termDeltas].filter(([, d]) => d !== 0)),
      removedPostings: [...this.removedPostings.values()],
      insertedPostings: [...this.insertedPostings.values()],
      deletedDocs: [...this.deletedDocs],
      insertedDocs,
      renames: [...this.renames],
      moved,
      shrunk: new Set(this.shrunk),
      joined: new Map(this.joined),
    };
  }

  private df(key: string): number {
    const base = this.base.terms.get(key);
    if (base === undefined) this.misses.push({ kind: 'terms', key });
    return (base ?? 0) + (this.termDeltas.get(key) ?? 0);
  }

  /** The entry of a document (null: none), reading it from the base on first use; undefined: a miss. */
  private entry(id: string): Entry | null | undefined {
    const known = this.entries.get(id);
    if (known !== undefined) return known;
    const doc = this.base.docs.get(id);
    if (doc === undefined) {
      this.misses.push({ kind: 'docs', id });
      return undefined;
    }
    if (doc === null) return null;
    const entry: Entry = { doc, story: this.renamed(doc.story), inserted: false };
    this.entries.set(id, entry);
    return entry;
  }

  /** A base story after this round's renames: where its unread members now are. */
  private renamed(story: string): string {
    let s = story;
    for (const [from, to] of this.renames) if (s === from) s = to;
    return s;
  }

  /**
   * The members of a story now that can matter: of each base story renamed into it, the ids
   * `read` gives (null: a miss), then the documents of this round in it. Null on a miss.
   */
  private current(story: string, read: (origin: string) => string[] | null): Entry[] | null {
    const origins = new Set([story, ...this.renames.map(([from]) => from)].filter((s) => this.renamed(s) === story));
    const found = new Map<string, Entry>();
    let missed = false;
    for (const origin of origins) {
      const ids = read(origin);
      if (!ids) {
        missed = true;
        continue;
      }
      for (const id of ids) {
        const entry = this.entry(id);
        if (entry === undefined) missed = true;
        else if (entry && entry.story === story) found.set(id, entry);
      }
    }
    for (const [id, entry] of this.entries) if (entry && entry.story === story) found.set(id, entry);
    return missed ? null : [...found.values()];
  }

  /** The oldest and newest base members of a story, enough of them to survive this round's changes. */
  private sampleOf(origin: string, limit: number): string[] | null {
    const all = this.base.members.get(origin);
    if (all) return all;
    const sample = this.base.samples.get(origin);
    const want = limit + SLACK;
    if (!sample || sample.depth < want) {
      this.misses.push({ kind: 'samples', story: origin, depth: Math.max(want, (sample?.depth ?? 0) * 2) });
      return null;
    }
    const complete = sample.oldest.length < sample.depth;
    if (!complete) {
      // Enough survivors on both ends, else read deeper (members moved out or removed this round).
      const stays = (id: string): boolean => { const e = this.entry(id); return e !== null && (e === undefined || this.renamed(e.doc.story) === e.story); };
      if (sample.oldest.filter(stays).length < 1 || sample.newest.filter(stays).length < limit) {
        this.misses.push({ kind: 'samples', story: origin, depth: sample.depth * 2 });
        return null;
      }
    }
    return [...new Set([...sample.oldest, ...sample.newest])];
  }

  private postings(q: Omit<PostingQuery, 'depth'>, limit: number): string[] {
    const base = this.base.postings.get(postingId(q));
    const want = limit + SLACK;
    if (!base || base.depth < want) {
      this.misses.push({ kind: 'postings', query: { ...q, depth: Math.max(want, (base?.depth ?? 0) * 2) } });
      return [];
    }
    const removed = (r: PostingRow): boolean => this.removedPostings.has(changeId({ key: q.key, day: r.day, seq: r.seq }));
    const kept = base.rows.filter((r) => !removed(r));
    if (base.rows.length >= base.depth && kept.length < limit) {
      this.misses.push({ kind: 'postings', query: { ...q, depth: base.depth * 2 } });
      return [];
    }
    const added: PostingRow[] = [];
    for (const c of this.insertedPostings.values()) if (c.key === q.key && postingMatches(q, c.day)) added.push({ day: c.day, seq: c.seq, docId: c.docId });
    return [...kept, ...added].sort(postingOrder(q.kind)).slice(0, limit).map((r) => r.docId);
  }

  private join(story: string, seq: number, date: string | null): void {
    this.sizeDeltas.set(story, (this.sizeDeltas.get(story) ?? 0) + 1);
    this.joined.set(story, [...(this.joined.get(story) ?? []), { seq, date }]);
  }

  private leave(story: string): void {
    this.sizeDeltas.set(story, (this.sizeDeltas.get(story) ?? 0) - 1);
    this.shrunk.add(story);
  }
}

function changeId(c: { key: string; day: number; seq: number }): string {
  return `${c.seq}\u0000${c.day}\u0000${c.key}`;
}

function constant<T>(value: T): () => T {
  return () => value;
}

/** A fresh IndexedDoc: clustering keeps the objects it is given, and must not see later moves in them. */
function snapshot(entry: Entry): IndexedDoc {
  const d = entry.doc;
  return {
    id: d.id, seq: d.seq, story: entry.story, dupOf: d.dupOf, language: d.language, date: d.date, days: d.days,
    get vector(): WeightedVector { return d.vector(); },
    get signature(): number[] { return d.signature(); },
  };
}
