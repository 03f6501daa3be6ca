/**
 * The analysis record (`veille.analysis/1`), as specified in the output contract
 * (shared/contract/analysis.md). Every span is UTF-16 offsets into `doc.text`, end exclusive.
 */

export const ANALYSIS_SCHEMA = 'veille.analysis/1' as const;

/** A half-open interval of UTF-16 code units into `doc.text`. */
export interface Span {
  start: number;
  end: number;
}

/** A span that also carries the text it covers: `doc.text.slice(start, end) === text`. */
export interface TextSpan extends Span {
  text: string;
}

export interface DocSource {
  name: string | null;
  url: string | null;
}

export interface Doc {
  /** sha256 of the normalized text, first 16 hex chars. */
  id: string;
  /** The path or URL it was read from, as given. */
  origin: string;
  source: DocSource;
  title: string | null;
  /** ISO 8601, as precise as known: `2023`, `2023-10`, `2023-10-18`. */
  date: string | null;
  /** ISO 639-1, or `und` when unsure. */
  language: string;
  /** Normalized body text; every offset in the record indexes into it. */
  text: string;
}

export type Sentence = Span;

export type EntityType = 'PER' | 'ORG' | 'GPE' | 'LOC' | 'MISC';

export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  kb: string | null;
  country: string | null;
  sector: string | null;
  roles: string[];
  mentions: TextSpan[];
  /** Other knowledge-base entries that fit, when linking was ambiguous. */
  candidates?: { id: string; score: number }[];
  rule?: string;
}

export interface Quote extends TextSpan {
  id: string;
  kind: 'direct' | 'indirect' | 'partial';
  speaker: string | null;
  speaker_text: string | null;
  cue: TextSpan | null;
  rule?: string;
}

export interface Claim extends TextSpan {
  id: string;
  stance: 'assert' | 'deny' | 'doubt';
  source: string | null;
  cue: TextSpan | null;
  about: string | null;
  events: string[];
  rule?: string;
}

export interface EventParticipant {
  entity: string | null;
  code: string | null;
  sector: string | null;
  name: string;
}

export type Modality = 'asserted' | 'reported' | 'future' | 'hypothetical' | 'negated' | 'historical';

export interface EventRecord {
  id: string;
  event: string;
  mode: string[];
  context: string[];
  actor: EventParticipant[];
  recipient: EventParticipant[];
  date: string | null;
  time: string | null;
  event_loc: { entity: string | null; name: string; code: string | null } | null;
  modality: Modality;
  attributed_to: string | null;
  quad_code: 1 | 2 | 3 | 4;
  event_scale: number;
  start: number;
  end: number;
  event_text: string;
  evidence: Span;
  rule: string;
  /** The words that set `modality` ("devrait", "a affirmé", "en 2018"); null when asserted. */
  modality_cue?: TextSpan | null;
  /** Every place the event is told, in text order, the first being `start`/`end` (deduplication). */
  mentions?: EventMention[];
  /** The category the pattern gave before a PLOVER coding rule changed it (a future CONSULT is AGREE). */
  recoded_from?: string;
}

/** One telling of an event: its trigger phrase and the sentence it was coded from. */
export interface EventMention extends TextSpan {
  evidence: Span;
}

/** Why a sentence with an event trigger gave no event. */
export type UncodedReason = 'no_actor' | 'no_recipient' | 'negated' | 'filtered' | 'unknown_pattern';

/**
 * A trigger that gave no event, so that users see what was not coded and why: the sentence
 * (`start`/`end`), the trigger phrase, the pattern, the category it would have had.
 */
export interface UncodedSentence extends Span {
  trigger: TextSpan;
  rule: string;
  event: string | null;
  reason: UncodedReason;
  /** A few words more ("embedded in fr/request/exiger", "actor = recipient"). */
  detail: string | null;
}

/** `time`, `duration` and `set` are TIMEX3 TIME, DURATION and SET (the schema allows them). */
export type Granularity = 'day' | 'week' | 'month' | 'season' | 'year' | 'decade' | 'unknown' | 'time' | 'duration' | 'set';

export interface TimeExpression extends TextSpan {
  id: string;
  value: string;
  granularity: Granularity;
  range: { from: string; to: string } | null;
  anchor: string | null;
  rule?: string;
}

export interface Quantity extends TextSpan {
  id: string;
  value: number;
  approx: 'more_than' | 'less_than' | 'about' | 'exact';
  unit: string | null;
  of: string | null;
  rule?: string;
}

/** What produced the record, so that results are reproducible. */
export interface PipelineInfo {
  version: string;
  analyzers: { name: string; version: string }[];
}

export interface AnalysisRecord {
  schema: typeof ANALYSIS_SCHEMA;
  pipeline: PipelineInfo;
  doc: Doc;
  sentences: Sentence[];
  entities: Entity[];
  quotes: Quote[];
  claims: Claim[];
  events: EventRecord[];
  times: TimeExpression[];
  quantities: Quantity[];
  /** Event triggers that gave no event, with the reason (filled by the events analyzer). */
  uncoded?: UncodedSentence[];
}
