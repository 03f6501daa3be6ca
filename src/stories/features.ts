/**
 * What story clustering knows of a document: a sparse vector of weighted features, its date
 * and its MinHash signature. Features are language-neutral first — knowledge-base ids,
 * country codes, numbers, resolved dates, PLOVER event signatures — so that a French and
 * an English report of one story meet, and names as written (`p:`, spelled alike in both);
 * other content terms are tagged with their language and only compared within it.
 */
import type { AnalysisRecord, Entity } from '../core/record.js';
import { dayRange, type DayRange } from './dates.js';
import { fold } from './fold.js';
import { minhashSignature } from './minhash.js';
import { termsOf } from './terms.js';
import { textYear } from './text-year.js';
import { featureKind, KIND_WEIGHT } from './feature-kinds.js';

export interface DocFeatures {
  id: string;
  language: string;
  /** The days the document date can denote; null when undated or dated to the year only. */
  days: DayRange | null;
  /** Feature key → weight before rarity (IDF) is applied. */
  vector: Record<string, number>;
  signature: number[];
}

/** Numbers as written in either language: `1 000`, `1,000`, `1000` all give `1000`. */
const NUMBER = /(?<![\p{L}\p{N}])\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+(?![\p{N}])|(?<![\p{L}\p{N}])\d{2,}(?![\p{N}])/gu;
const ISO_DATE = /^\d{4}-\d{2}(?:-\d{2})?$/;
/** A title states what the story is about: its terms count this many times. */
const TITLE_WEIGHT = 2;
/** Features kept per document (see `strongest`). */
export const MAX_FEATURES = 200;
/** A year-long document date says too little to window candidates by. */
const MAX_WINDOWED_SPAN_DAYS = 31;

/** The key of an entity across documents and languages: its KB id, else type and folded name. */
export function entityFeature(e: Pick<Entity, 'kb' | 'type' | 'name'>): string {
  // One line per key where vectors are stored: a name never carries a line break into it.
  return (e.kb ? `e:${e.kb}` : `e:${e.type}:${fold(e.name)}`).replace(/\s+/g, ' ');
}

const logCount = (n: number): number => 1 + Math.log(n);

function add(vector: Record<string, number>, key: string, weight: number): void {
  vector[key] = (vector[key] ?? 0) + weight;
}

export function documentFeatures(record: AnalysisRecord): DocFeatures {
  const { doc } = record;
  const entities = record.entities ?? [];
  const vector: Record<string, number> = {};
  const counts = new Map<string, number>();
  for (const e of entities) {
    const key = entityFeature(e);
    counts.set(key, (counts.get(key) ?? 0) + Math.max(1, e.mentions.length));
    if (e.country) vector[`c:${e.country}`] = 1;
  }
  for (const [key, n] of counts) vector[key] = logCount(n);

  const termCounts = new Map<string, number>();
  const countTerms = (text: string, weight: number): void => {
    for (const t of termsOf(text, doc.language)) {
      const key = t.name ? `p:${t.term}` : `w:${doc.language}:${t.term}`;
      termCounts.set(key, (termCounts.get(key) ?? 0) + weight);
    }
  };
  if (doc.title) countTerms(doc.title, TITLE_WEIGHT);
  countTerms(doc.text, 1);
  for (const [key, n] of termCounts) vector[key] = logCount(n);

  for (const m of doc.text.matchAll(NUMBER)) vector[`n:${m[0].replace(/[^\d]/g, '')}`] = 1;
  for (const t of record.times ?? []) if (ISO_DATE.test(t.value)) vector[`d:${t.value}`] = 1;
  for (const v of record.events ?? []) {
    add(vector, `v:${v.event}`, 0.5);
    add(vector, `v:${v.event}:${participants(v.actor)}>${participants(v.recipient)}`, 1);
  }
  const range = dayRange(doc.date);
  const days = range && range.to - range.from < MAX_WINDOWED_SPAN_DAYS ? range : null;
  // Without a usable date, the year the text is about stands in for it (see similarity).
  const year = days ? null : textYear(record);
  if (year !== null) vector[`y:${year}`] = 1;
  return {
    id: doc.id,
    language: doc.language,
    days,
    vector: strongest(vector),
    signature: minhashSignature(`${doc.title ?? ''}\n${doc.text}`),
  };
}

/**
 * The MAX_FEATURES strongest features (count × kind weight; ties by key): a long article
 * costs no more index writes than a dispatch of a few hundred words.
 */
function strongest(vector: Record<string, number>): Record<string, number> {
  const entries = Object.entries(vector);
  if (entries.length <= MAX_FEATURES) return vector;
  const score = ([key, n]: [string, number]): number => n * KIND_WEIGHT[featureKind(key)];
  entries.sort((a, b) => score(b) - score(a) || (a[0] < b[0] ? -1 : 1));
  return Object.fromEntries(entries.slice(0, MAX_FEATURES));
}

function participants(list: { code: string | null; name: string }[]): string {
  return list.map((p) => p.code ?? fold(p.name).replace(/\s+/g, ' ')).sort().join('+');
}
