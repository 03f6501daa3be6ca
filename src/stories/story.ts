/**
 * The story record (`veille.story/1`), as specified in the output contract
 * (shared/contract/story.md). Every span names its document and satisfies the analysis
 * record's span invariant there: `record(doc).doc.text.slice(start, end) === text`.
 */
import type { EntityType, Modality } from '../core/record.js';

export const STORY_SCHEMA = 'veille.story/1' as const;

/** A span of one document of the story. */
export interface StorySpan {
  doc: string;
  start: number;
  end: number;
  text: string;
}

export interface StoryDocument {
  id: string;
  source: string | null;
  date: string | null;
  language: string;
  /** The earlier document of the story this one is a near-identical copy of (syndication), or null. */
  duplicate_of: string | null;
}

export interface StoryEntity {
  kb: string | null;
  name: string;
  type: EntityType;
  country: string | null;
  docs: number;
  mentions: number;
}

export interface TimelineEntry {
  /** ISO date as precise as known (`2023-10-18`, `2023-10`). */
  date: string;
  range: { from: string; to: string } | null;
  kind: 'event' | 'time';
  event: string | null;
  label: string;
  spans: StorySpan[];
}

export interface GraphNode {
  id: string;
  name: string;
  code: string | null;
  type: EntityType | null;
}

export interface GraphEdge {
  from: string;
  to: string;
  event: string;
  count: number;
  modality: Modality[];
  spans: StorySpan[];
}

export interface StoryGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export type FactKind = 'event' | 'quantity' | 'claim' | 'quote' | 'time';
export type FactStatus = 'agreed' | 'single_source' | 'conflict';

export interface FactReport {
  doc: string;
  source: string | null;
  /** The reported value in words and normalized: `plus de 1 000 conteneurs (>1000)`. */
  value: string;
  modality: Modality | null;
  span: StorySpan;
}

export interface Fact {
  id: string;
  kind: FactKind;
  /** What makes two reports the same fact: `AID PRK→RUS`, `conteneur`. */
  key: string;
  status: FactStatus;
  reports: FactReport[];
  /** What differs between the reports, and whether publication time explains it; null unless a conflict. */
  conflict: string | null;
}

export interface StoryRecord {
  schema: typeof STORY_SCHEMA;
  id: string;
  title: string;
  summary: StorySpan[];
  documents: StoryDocument[];
  article_count: number;
  independent_source_count: number;
  first_seen: string | null;
  last_seen: string | null;
  entities: StoryEntity[];
  timeline: TimelineEntry[];
  graph: StoryGraph;
  facts: Fact[];
}
