/**
 * Overlapping spans drawn on flat text: the text is cut at every span boundary, and each
 * piece knows every span covering it. Nesting (an entity in a quote) and crossing spans (a
 * claim that starts inside a quote and ends after it) both come out as a flat run of pieces,
 * which HTML can hold without nesting links.
 */
import type { Mark } from './marks.js';

export interface Segment {
  start: number;
  end: number;
  /** Spans covering this piece, innermost (shortest) first; empty for plain text. */
  marks: Mark[];
}

const size = (m: Mark): number => m.end - m.start;

/** Pieces covering [0, length) in order, each with the spans that cover it all; `extraCuts` cut it further (a target span). */
export function segmentText(length: number, marks: readonly Mark[], extraCuts: readonly number[] = []): Segment[] {
  const cuts = new Set<number>([0, length, ...extraCuts]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].filter((p) => p >= 0 && p <= length).sort((a, b) => a - b);
  const byStart = [...marks].sort((a, b) => a.start - b.start);
  const active: Mark[] = [];
  const segments: Segment[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    while (next < byStart.length && (byStart[next] as Mark).start <= start) active.push(byStart[next++] as Mark);
    for (let j = active.length - 1; j >= 0; j--) if ((active[j] as Mark).end <= start) active.splice(j, 1);
    const covering = active.filter((m) => m.start <= start && m.end >= end);
    covering.sort((a, b) => size(a) - size(b) || a.start - b.start || a.item.localeCompare(b.item));
    segments.push({ start, end, marks: covering });
  }
  return segments;
}
