import type { Span } from '../src/core/record.js';
import type { MeasureRow, ScoreRow } from './types.js';

/** Counts and the precision, recall and F1 they give. */
export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * When a predicted span counts for a gold one: `strict` — same start and end; `overlap` —
 * they share at least one character; or any predicate (same start, same label, IoU ≥ 0.5…).
 */
export type SpanMatch<G extends Span = Span, P extends Span = Span> = 'strict' | 'overlap' | ((gold: G, predicted: P) => boolean);

/**
 * The score of counts. With nothing to find and nothing found, all three are 1; with nothing
 * predicted (or nothing to find) but errors on the other side, the undefined ratio is 0.
 */
export function score(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp > 0 ? tp / (tp + fp) : fn === 0 ? 1 : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : fp === 0 ? 1 : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

/** The micro-average of several scores (per document, per set): counts summed. */
export function sumScores(scores: readonly Score[]): Score {
  let tp = 0, fp = 0, fn = 0;
  for (const s of scores) { tp += s.tp; fp += s.fp; fn += s.fn; }
  return score(tp, fp, fn);
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/**
 * Pairs of matching [gold index, predicted index], one to one. Each gold span, in order,
 * takes the first predicted span not yet taken that matches it; `strict` by lookup.
 */
export function matchSpans<G extends Span, P extends Span>(gold: readonly G[], predicted: readonly P[], match: SpanMatch<G, P> = 'strict'): [number, number][] {
  const pairs: [number, number][] = [];
  if (match === 'strict') {
    const free = new Map<string, number[]>();
    predicted.forEach((p, j) => {
      const key = `${p.start}:${p.end}`;
      free.set(key, [...(free.get(key) ?? []), j]);
    });
    gold.forEach((g, i) => {
      const j = free.get(`${g.start}:${g.end}`)?.shift();
      if (j !== undefined) pairs.push([i, j]);
    });
    return pairs;
  }
  const test = match === 'overlap' ? overlaps : match;
  const taken = new Set<number>();
  gold.forEach((g, i) => {
    const j = predicted.findIndex((p, k) => !taken.has(k) && test(g, p));
    if (j >= 0) {
      taken.add(j);
      pairs.push([i, j]);
    }
  });
  return pairs;
}

/**
 * Span P/R/F1 of predictions against gold.
 * @example scoreSpans([{ start: 0, end: 4 }], [{ start: 0, end: 4 }, { start: 5, end: 9 }], 'strict')
 * // { tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1, f1: 0.666… }
 */
export function scoreSpans<G extends Span, P extends Span>(gold: readonly G[], predicted: readonly P[], match: SpanMatch<G, P> = 'strict'): Score {
  const tp = matchSpans(gold, predicted, match).length;
  return score(tp, predicted.length - tp, gold.length - tp);
}

/**
 * Scores by label (entities by type, quotes by kind): a prediction counts only for a gold
 * item of the same label. `all` is the micro-average over labels; labels are sorted.
 */
export function scoreByLabel<G extends Span, P extends Span>(
  gold: readonly G[],
  predicted: readonly P[],
  goldLabel: (g: G) => string,
  predictedLabel: (p: P) => string,
  match: SpanMatch<G, P> = 'strict',
): { labels: Record<string, Score>; all: Score } {
  const labels = [...new Set([...gold.map(goldLabel), ...predicted.map(predictedLabel)])].sort();
  const byLabel: Record<string, Score> = {};
  for (const label of labels) {
    byLabel[label] = scoreSpans(gold.filter((g) => goldLabel(g) === label), predicted.filter((p) => predictedLabel(p) === label), match);
  }
  return { labels: byLabel, all: sumScores(Object.values(byLabel)) };
}

/**
 * Among matched spans, how often an attribute agrees (a time's `value`, a quote's speaker).
 * Values compare as JSON, so `{ from, to }` ranges compare by content. `accuracy` is 0 when
 * nothing matched.
 */
export function attributeAgreement<G extends Span, P extends Span>(
  gold: readonly G[],
  predicted: readonly P[],
  goldValue: (g: G) => unknown,
  predictedValue: (p: P) => unknown,
  match: SpanMatch<G, P> = 'strict',
): { matched: number; agree: number; accuracy: number } {
  const pairs = matchSpans(gold, predicted, match);
  const agree = pairs.filter(([i, j]) => sameValue(goldValue(gold[i] as G), predictedValue(predicted[j] as P))).length;
  return { matched: pairs.length, agree, accuracy: pairs.length > 0 ? agree / pairs.length : 0 };
}

function sameValue(a: unknown, b: unknown): boolean {
  return Object.is(a, b) || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));
}

/** A table row of a score. */
export function scoreRow(set: string, metric: string, s: Score): ScoreRow {
  return { set, metric, gold: s.tp + s.fn, predicted: s.tp + s.fp, precision: s.precision, recall: s.recall, f1: s.f1 };
}

/** A count of items judged, and of those right (accuracy measures). */
export interface Tally {
  n: number;
  right: number;
}
export const tally = (): Tally => ({ n: 0, right: 0 });
/** Counts one item judged, right or not. */
export function count(t: Tally, right: boolean): void {
  t.n++;
  if (right) t.right++;
}
export const sumTallies = (ts: readonly Tally[]): Tally => ({ n: ts.reduce((x, t) => x + t.n, 0), right: ts.reduce((x, t) => x + t.right, 0) });
/** A measure row of a tally: the share right (0 when nothing was judged). */
export const measure = (set: string, metric: string, t: Tally): MeasureRow => ({ set, metric, n: t.n, value: t.n ? t.right / t.n : 0 });
