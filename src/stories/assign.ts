/**
 * Incremental clustering: each stored document joins a story or starts one, and the stories
 * around it are re-clustered so that they merge and split as evidence arrives.
 *
 * 1. Features are weighted by rarity as known now (the document counts itself in).
 * 2. Candidates come through the inverted index (the heaviest features; the nearest days,
 *    or the latest postings) — bounded lookups, no scan; a candidate whose MinHash signature
 *    is close enough is the original this document copies (a copy shares all its features,
 *    so its original is always among the best candidates).
 * 3. The stories of the candidates that resemble the document, with the document, form a
 *    neighbourhood of at most MAX_NEIGHBOURHOOD reports, partitioned by average link.
 * 4. Each resulting story is named after its oldest member (`s` + document id), so a story
 *    keeps its id while its first report stays in it.
 *
 * The same documents in the same order give the same stories: `recluster` replays them in
 * insertion order through this very function.
 */
import type { AnalysisRecord } from '../core/record.js';
import { documentFeatures, type DocFeatures } from './features.js';
import { estimateJaccard } from './minhash.js';
import { KeyInterner, pack, type PackedDoc } from './packed.js';
import {
  CANDIDATES, DUPLICATE_JACCARD, JOIN_THRESHOLD, LARGE_STORY, MAX_NEIGHBOURHOOD, NEIGHBOUR_SIMILARITY,
  POSTING_KEYS, POSTING_LIMIT, POSTING_WINDOW_DAYS,
} from './params.js';
import { averageLinkPartition, type PartitionItem } from './partition.js';
import { similarity } from './similarity.js';
import type { IndexedDoc, Posting, StoryIndex } from './story-index.js';
import { weigh } from './weights.js';

/** A story is named after its oldest member. */
export const storyIdOf = (docId: string): string => `s${docId}`;

export interface Assignment {
  story: string;
  duplicateOf: string | null;
  /** Other documents that changed story (merges and splits around this one). */
  moved: number;
}

/**
 * `features` are the record's (documentFeatures); a caller that runs the assignment more than
 * once for one record (the PostgreSQL store's rounds) computes them once and passes them, and
 * one `packer` for all runs: each run packs documents in the order the run before it did, so
 * the packed vectors (and every similarity) are those a single run would compute.
 */
export function assignStory(index: StoryIndex, record: AnalysisRecord, seq: number, features: DocFeatures = documentFeatures(record),
  packer: Packer = new Packer()): Assignment {
  const keys = Object.keys(features.vector);
  index.countDocument(keys, 1);
  const df = index.frequencies(keys);
  const vector = weigh(features.vector, (k) => df.get(k) ?? 0, index.documentCount());
  const doc: IndexedDoc = {
    id: features.id, seq, story: storyIdOf(features.id), dupOf: null, language: features.language,
    date: record.doc.date, days: features.days, vector, signature: features.signature,
  };
  const postings = postingKeys(doc);
  const candidates = findCandidates(index, doc, postings, packer);
  doc.dupOf = findOriginal(doc, candidates);
  index.insert(doc, postings);
  const moved = recluster(index, doc, candidates, packer);
  return { story: moved.get(doc.id) ?? doc.story, duplicateOf: doc.dupOf, moved: moved.size - (moved.has(doc.id) ? 1 : 0) };
}

/**
 * Takes a document out of the stories (before its record is replaced): its counts, postings
 * go, and what is left of its story is re-clustered — it may split.
 */
export function unassignStory(index: StoryIndex, previous: AnalysisRecord): void {
  const removed = index.documents([previous.doc.id])[0];
  if (!removed) return;
  index.remove(removed, postingKeys(removed));
  index.countDocument(Object.keys(documentFeatures(previous).vector), -1);
  const size = index.storySize(removed.story);
  if (size === 0) return;
  if (size > LARGE_STORY) {
    const oldest = index.storySample(removed.story, 1)[0];
    if (oldest && storyIdOf(oldest.id) !== removed.story) index.renameStory(removed.story, storyIdOf(oldest.id));
    return;
  }
  const members = index.storyMembers(removed.story).sort((a, b) => a.seq - b.seq);
  if (index.incomplete?.()) return; // run again once the members are read
  applyPartition(index, members, new Set(), new Packer());
}

/** The root of the copies this document is a near-identical copy of (the earliest), or null. */
function findOriginal(doc: IndexedDoc, candidates: readonly Candidate[]): string | null {
  if (doc.signature.length === 0) return null;
  let original: IndexedDoc | null = null;
  for (const { doc: other } of candidates) {
    if (estimateJaccard(doc.signature, other.signature) < DUPLICATE_JACCARD) continue;
    if (!original || other.seq < original.seq) original = other;
  }
  return original ? (original.dupOf ?? original.id) : null;
}

/** The heaviest features, which the document is posted under and looks others up by. */
function postingKeys(doc: IndexedDoc): Posting[] {
  return doc.vector.keys.slice(0, POSTING_KEYS).map((key) => ({ key, day: doc.days?.from ?? null }));
}

interface Candidate {
  doc: IndexedDoc;
  similarity: number;
}

/** Documents sharing the most posting weight, scored in full, most similar first. */
function findCandidates(index: StoryIndex, doc: IndexedDoc, postings: Posting[], packer: Packer): Candidate[] {
  const shared = new Map<string, number>();
  const matches = index.postingMatches(postings.map((p) => p.key), doc.days, POSTING_WINDOW_DAYS, POSTING_LIMIT);
  for (const [i, ids] of matches.entries()) {
    const weight = doc.vector.weights[i] ?? 0; // postings are the heaviest keys, in vector order
    for (const id of ids) shared.set(id, (shared.get(id) ?? 0) + weight);
  }
  shared.delete(doc.id);
  const ids = [...shared].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, CANDIDATES).map(([id]) => id);
  const found = index.documents(ids);
  // Postings or documents not read yet: no candidate is real, and the run is repeated.
  if (index.incomplete?.()) return [];
  const mine = packer.of(doc);
  return found
    .map((other) => ({ doc: other, similarity: similarity(mine, packer.of(other)) }))
    .sort((a, b) => b.similarity - a.similarity || a.doc.seq - b.doc.seq);
}

/** Packs documents for comparison, each once per assignment (candidates are often also neighbours). */
export class Packer {
  private readonly keys = new KeyInterner();
  private readonly packed = new Map<string, PackedDoc>();
  of(d: IndexedDoc): PackedDoc {
    let p = this.packed.get(d.id);
    if (!p) this.packed.set(d.id, (p = pack(d.vector, d.language, d.days, this.keys)));
    return p;
  }
}

/**
 * Re-clusters the document with the stories of its candidates (the copy's story first, then
 * by best similarity), whole when small, as a fixed sample when large. Returns the moves.
 */
function recluster(index: StoryIndex, doc: IndexedDoc, candidates: Candidate[], packer: Packer): Map<string, string> {
  const stories: string[] = [];
  const original = doc.dupOf ? index.documents([doc.dupOf])[0] : undefined;
  if (original) stories.push(original.story);
  for (const c of candidates) if (c.similarity >= NEIGHBOUR_SIMILARITY && !stories.includes(c.doc.story)) stories.push(c.doc.story);
  const items: IndexedDoc[] = [doc];
  const frozen = new Set<string>();
  for (const story of stories) {
    const size = index.storySize(story);
    const members = size > LARGE_STORY ? index.storySample(story, LARGE_STORY) : index.storyMembers(story);
    if (items.length + members.length > MAX_NEIGHBOURHOOD) continue;
    if (size > LARGE_STORY) frozen.add(story);
    items.push(...members.filter((m) => m.id !== doc.id));
  }
  if (index.incomplete?.()) return new Map(); // run again once the stories are read
  items.sort((a, b) => a.seq - b.seq);
  return applyPartition(index, items, frozen, packer);
}

/** Partitions the items, names each part after its oldest member, and writes the changes. */
function applyPartition(index: StoryIndex, items: IndexedDoc[], frozen: ReadonlySet<string>, packer: Packer): Map<string, string> {
  const groups = groupLabels(items, frozen);
  const parts = averageLinkPartition(items.map((d, i): PartitionItem => ({ packed: packer.of(d), group: groups[i] as string })), JOIN_THRESHOLD);
  const moves = new Map<string, string>();
  for (const part of parts) {
    const story = storyIdOf((items[part[0] as number] as IndexedDoc).id); // items are in seq order
    for (const i of part) {
      const item = items[i] as IndexedDoc;
      if (frozen.has(item.story)) continue;
      if (item.story !== story) moves.set(item.id, story);
    }
    const renamed = new Set(part.map((i) => (items[i] as IndexedDoc).story).filter((s) => frozen.has(s) && s !== story));
    for (const from of renamed) index.renameStory(from, story);
  }
  index.moveDocuments(moves);
  return moves;
}

/**
 * Items that must stay together share a label: a large story's sample, and copies with their
 * original (a copy of a member of a large story is glued to that story).
 */
function groupLabels(items: IndexedDoc[], frozen: ReadonlySet<string>): string[] {
  const byId = new Map(items.map((d) => [d.id, d]));
  return items.map((d) => {
    const root = byId.get(d.dupOf ?? d.id) ?? d;
    if (frozen.has(d.story)) return `story:${d.story}`;
    return frozen.has(root.story) ? `story:${root.story}` : `doc:${root.id}`;
  });
}
