/**
 * The spans to highlight in a document, read generically from the record: every item of a
 * highlighted layer that has an `id` and either `mentions` (entities) or `start`/`end`.
 * A layer added to the record later shows up by adding its name here; spans that do not fit
 * the text are skipped, never trusted.
 */
import type { AnalysisRecord } from '../core/record.js';

/** Record layers drawn on the text, in the order their details are listed. */
export const HIGHLIGHT_LAYERS = ['entities', 'quotes', 'claims', 'events', 'times', 'quantities'] as const;
export type HighlightLayer = (typeof HIGHLIGHT_LAYERS)[number];

export interface Mark {
  /** The item's id in the record (`e1`, `q2`). */
  item: string;
  layer: HighlightLayer;
  start: number;
  end: number;
}

type Item = Record<string, unknown>;

const isSpan = (s: unknown, length: number): s is { start: number; end: number } => {
  const o = s as { start?: unknown; end?: unknown } | null;
  return typeof o === 'object' && o !== null && Number.isInteger(o.start) && Number.isInteger(o.end)
    && (o.start as number) >= 0 && (o.start as number) < (o.end as number) && (o.end as number) <= length;
};

/** The items of one layer of a record (an empty list when the layer is missing or not a list). */
export function layerItems(record: AnalysisRecord, layer: HighlightLayer): Item[] {
  const value = (record as unknown as Record<string, unknown>)[layer];
  return Array.isArray(value) ? value.filter((v): v is Item => typeof v === 'object' && v !== null && typeof (v as Item).id === 'string') : [];
}

/** The spans an item covers: its mentions when it has some, else its own start/end. */
export function itemSpans(item: Item, length: number): { start: number; end: number }[] {
  const mentions = item.mentions;
  const spans = Array.isArray(mentions) ? mentions : [item];
  return spans.filter((s) => isSpan(s, length)).map((s) => ({ start: s.start, end: s.end }));
}

export function recordMarks(record: AnalysisRecord): Mark[] {
  const length = record.doc.text.length;
  const marks: Mark[] = [];
  for (const layer of HIGHLIGHT_LAYERS) {
    for (const item of layerItems(record, layer)) {
      for (const s of itemSpans(item, length)) marks.push({ item: item.id as string, layer, start: s.start, end: s.end });
    }
  }
  return marks;
}
