/**
 * One evaluation: an analyzer scored on one or more gold sets. Each file in `eval/suites/`
 * default-exports one; `npm run eval [-- NAME…]` runs them and prints one table per suite.
 */
export interface ScoreRow {
  /** The gold set, e.g. `fr/own`, `timebank-fr/dev`. */
  set: string;
  /** What is scored, e.g. `sentence boundaries`, `PER`, `value`. */
  metric: string;
  /** Number of gold items. */
  gold: number;
  /** Number of predicted items. */
  predicted: number;
  precision: number;
  recall: number;
  f1: number;
}

/** A plain measure that is not P/R/F1 (accuracy, linking rate…). */
export interface MeasureRow {
  set: string;
  metric: string;
  n: number;
  value: number;
}

export interface EvaluationResult {
  scores: ScoreRow[];
  measures?: MeasureRow[];
  /** Lines to print under the table: what was skipped and why, data provenance. */
  notes?: string[];
}

export interface Evaluation {
  /** The name given on the command line: `npm run eval -- sentences`. */
  name: string;
  /** One line: what is evaluated, on which gold. */
  description: string;
  run(): Promise<EvaluationResult> | EvaluationResult;
}
