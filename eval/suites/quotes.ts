import type { AnalysisRecord, Entity, Quote, Span } from '../../src/core/record.js';
import { realPipeline, testDoc } from '../../test/support/attribution.js';
import { readGold } from '../gold-file.js';
import { matchSpans, measure, scoreByLabel, scoreRow, scoreSpans, sumScores, sumTallies, tally, type Score, type Tally } from '../scorer.js';
import type { Evaluation, EvaluationResult } from '../types.js';

/** A quote of the gold: its exact text (found in order, each from the start of the one before), kind and speaker's name. */
interface GoldQuote {
  text: string;
  kind: Quote['kind'];
  speaker: string | null;
}

/** A gold document: a hand-written text, its split, and its items (quotes or claims) under `field`. */
export type GoldDoc<F extends string, T> = { id: string; split: 'dev' | 'test'; text: string } & { [K in F]: T[] };

/** The gold documents of one split of `eval/gold/<file>`, their items under `field`. */
export function goldDocs<F extends string, T>(file: string, field: F, split: 'dev' | 'test'): GoldDoc<F, T>[] {
  const isDoc = (v: unknown): v is GoldDoc<F, T> => {
    const o = v as Record<string, unknown> | null;
    return typeof o?.id === 'string' && (o.split === 'dev' || o.split === 'test') && typeof o.text === 'string' && Array.isArray(o[field]);
  };
  return readGold(file, isDoc).filter((d) => d.split === split);
}

/** Gold items with their spans: each found from the start of the previous one (a partial quote sits inside an indirect one). */
export function locate<T extends { text: string }>(id: string, text: string, items: readonly T[]): (T & Span)[] {
  let from = 0;
  return items.map((item) => {
    const start = text.indexOf(item.text, from);
    if (start < 0) throw new Error(`eval/gold ${id}: ${JSON.stringify(item.text)} not found in order`);
    from = start;
    return { ...item, start, end: start + item.text.length };
  });
}

/** The criterion: two spans match when their overlap covers at least 0.8 of the longer one. */
export const OVERLAP = 0.8;
export function overlapMatch(a: Span, b: Span): boolean {
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return shared > 0 && shared >= OVERLAP * Math.max(a.end - a.start, b.end - b.start);
}

/**
 * Whether a predicted entity is the gold speaker or source: its name or one of its mentions is
 * the gold name, or holds it as whole words ("groupe Wagner" for "Wagner").
 */
export function sameSpeaker(gold: string | null, entity: Entity | undefined): boolean {
  if (gold === null) return entity === undefined;
  if (entity === undefined) return false;
  const holds = (name: string): boolean => name === gold || ` ${name} `.includes(` ${gold} `);
  return holds(entity.name) || entity.mentions.some((m) => holds(m.text));
}

/**
 * Fills the tables over their sets, in order: for each split (test, then dev) each language
 * (`rows`), then `all/<split>` (`totals`, given every language's outcome). The errors met on
 * test become notes.
 */
export function overSets<R>(result: Required<EvaluationResult>, evaluate: (lang: string, split: 'dev' | 'test', errors: string[]) => R, rows: (set: string, r: R) => void, totals: (set: string, rs: R[]) => void): void {
  for (const split of ['test', 'dev'] as const) {
    const outcomes: R[] = [];
    for (const lang of ['fr', 'en']) {
      const errors: string[] = [];
      const r = evaluate(lang, split, errors);
      rows(`${lang}/${split}`, r);
      outcomes.push(r);
      if (split === 'test') result.notes.push(...errors.map((e) => `${lang}/test: ${e}`));
    }
    totals(`all/${split}`, outcomes);
  }
}

/** The record of a gold text through the real pipeline (the registered analyzers, quotes and claims). */
export function analyzeGold(text: string, lang: string): AnalysisRecord {
  return realPipeline().analyze(testDoc(text, lang));
}


export function evaluateQuotes(lang: string, split: 'dev' | 'test', errors: string[]): { spans: Score; byKind: Record<string, Score[]>; speaker: Tally } {
  const spans: Score[] = [];
  const byKind: Record<string, Score[]> = {};
  const speaker = tally();
  for (const doc of goldDocs<'quotes', GoldQuote>(`quotes-${lang}.jsonl`, 'quotes', split)) {
    const gold = locate(doc.id, doc.text, doc.quotes);
    const r = analyzeGold(doc.text, lang);
    const predicted = r.quotes;
    spans.push(scoreSpans(gold, predicted, overlapMatch));
    const k = scoreByLabel(gold, predicted, (g) => g.kind, (p) => p.kind, overlapMatch);
    for (const [label, s] of Object.entries(k.labels)) (byKind[label] ??= []).push(s);
    const pairs = matchSpans(gold, predicted, overlapMatch);
    for (const [i, j] of pairs) {
      const g = gold[i]!;
      const p = predicted[j]!;
      if (g.kind !== p.kind) errors.push(`${doc.id} kind of ${JSON.stringify(g.text.slice(0, 40))}: ${p.kind} ≠ ${g.kind} [${p.rule}]`);
      const e = p.speaker ? r.entities.find((x) => x.id === p.speaker) : undefined;
      const ok = sameSpeaker(g.speaker, e);
      speaker.n++;
      if (ok) speaker.right++;
      else errors.push(`${doc.id} speaker of ${JSON.stringify(g.text.slice(0, 40))}: ${e ? e.name : 'null'} (${JSON.stringify(p.speaker_text)}) ≠ ${g.speaker}`);
    }
    const matchedGold = new Set(pairs.map(([i]) => i));
    const matchedPred = new Set(pairs.map(([, j]) => j));
    gold.forEach((g, i) => { if (!matchedGold.has(i)) errors.push(`${doc.id} missed ${g.kind} ${JSON.stringify(g.text.slice(0, 60))}`); });
    predicted.forEach((p, j) => { if (!matchedPred.has(j)) errors.push(`${doc.id} spurious ${p.kind} ${JSON.stringify(p.text.slice(0, 60))} [${p.rule}]`); });
  }
  return { spans: sumScores(spans), byKind, speaker };
}

const evaluation: Evaluation = {
  name: 'quotes',
  description: 'Quotes (direct, indirect, partial) on hand-written French and English news texts (eval/gold/quotes-*.jsonl): span P/R/F1 at overlap ≥ 0.8, by kind, and speaker accuracy on matched quotes; real pipeline (entities included).',
  run(): EvaluationResult {
    const result: Required<EvaluationResult> = { scores: [], measures: [], notes: [] };
    const speakerAccuracy = 'speaker accuracy (matched quotes)';
    overSets(
      result,
      evaluateQuotes,
      (set, r) => {
        result.scores.push(scoreRow(set, 'quote spans (any kind)', r.spans));
        for (const kind of Object.keys(r.byKind).sort()) result.scores.push(scoreRow(set, `  ${kind} (kind must match)`, sumScores(r.byKind[kind]!)));
        result.measures.push(measure(set, speakerAccuracy, r.speaker));
      },
      (set, rs) => {
        result.scores.push(scoreRow(set, 'quote spans (any kind)', sumScores(rs.map((r) => r.spans))));
        result.measures.push(measure(set, speakerAccuracy, sumTallies(rs.map((r) => r.speaker))));
      },
    );
    result.notes.push('Targets (issue 6): quote F1 ≥ 0.85 and speaker accuracy ≥ 0.85 on test. Rules and data were tuned on dev; test was written at the same time, by the same hand, and its errors were seen during development (general bugs it showed were fixed, none of its texts was fitted). The English texts are close counterparts of the French ones: read the figures as a regression check, not a benchmark.');
    return result;
  },
};

export default evaluation;
