import type { Quantity, Span } from '../../src/core/record.js';
import { extractQuantities } from '../../src/analyzers/quantities/extract.js';
import { compileQuantities } from '../../src/analyzers/quantities/grammar.js';
import { languageData } from '../../src/lang/load.js';
import { splitSentences } from '../../src/text/sentences.js';
import { readGold } from '../gold-file.js';
import { matchSpans, scoreRow, scoreSpans, sumScores, type Score } from '../scorer.js';
import type { Evaluation, EvaluationResult } from '../types.js';

/** A gold quantity as the record states it. */
interface GoldQuantity extends Span {
  text: string;
  value: number;
  approx: Quantity['approx'];
  unit: string | null;
  of: string | null;
}

interface GoldDoc {
  id: string;
  split: 'dev' | 'test';
  language: string;
  text: string;
  quantities: GoldQuantity[];
}

const isGoldQuantity = (q: unknown): q is GoldQuantity => {
  const o = q as GoldQuantity;
  return Number.isInteger(o?.start) && Number.isInteger(o.end) && typeof o.text === 'string' && typeof o.value === 'number'
    && ['more_than', 'less_than', 'about', 'exact'].includes(o.approx) && (o.unit === null || typeof o.unit === 'string');
};

const isGoldDoc = (v: unknown): v is GoldDoc => {
  const o = v as GoldDoc;
  return typeof o?.id === 'string' && typeof o.text === 'string' && (o.split === 'dev' || o.split === 'test') && Array.isArray(o.quantities) && o.quantities.every(isGoldQuantity);
};

const ATTRIBUTES = ['value', 'approx', 'unit', 'of'] as const;
const MAX_NOTED_ERRORS = 10;

interface Totals {
  strict: Score;
  relaxed: Score;
  matched: number;
  agree: Record<(typeof ATTRIBUTES)[number], number>;
  errors: string[];
}

/** Span P/R/F1 (strict, overlap) and, over overlapping pairs, how often each attribute agrees. */
function evaluate(set: string, docs: readonly GoldDoc[]): Totals {
  const strict: Score[] = [];
  const relaxed: Score[] = [];
  const totals: Totals = { strict: sumScores([]), relaxed: sumScores([]), matched: 0, agree: { value: 0, approx: 0, unit: 0, of: 0 }, errors: [] };
  for (const doc of docs) {
    for (const q of doc.quantities) {
      if (doc.text.slice(q.start, q.end) !== q.text) throw new Error(`eval/gold quantities ${doc.id}: span is not ${JSON.stringify(q.text)}`);
    }
    const lang = languageData(doc.language);
    const predicted = extractQuantities({ text: doc.text, sentences: splitSentences(doc.text, lang), grammar: lang.compiled('quantities', compileQuantities) });
    strict.push(scoreSpans(doc.quantities, predicted, 'strict'));
    relaxed.push(scoreSpans(doc.quantities, predicted, 'overlap'));
    for (const [i, j] of matchSpans(doc.quantities, predicted, 'overlap')) {
      const g = doc.quantities[i]!;
      const p = predicted[j]!;
      totals.matched++;
      const wrong: string[] = [];
      for (const a of ATTRIBUTES) {
        if (g[a] === p[a]) totals.agree[a]++;
        else wrong.push(`${a} ${JSON.stringify(g[a])} ≠ ${JSON.stringify(p[a])}`);
      }
      if (wrong.length && totals.errors.length < MAX_NOTED_ERRORS) totals.errors.push(`${set} ${doc.id}: "${g.text}": ${wrong.join(', ')}`);
    }
  }
  totals.strict = sumScores(strict);
  totals.relaxed = sumScores(relaxed);
  return totals;
}

const evaluation: Evaluation = {
  name: 'quantities',
  description: 'Quantities: span P/R/F1 (strict, overlap) and value/approx/unit/of accuracy over matched spans, on hand-written fr/en news (eval/gold/quantities-*.jsonl).',
  run(): EvaluationResult {
    const result: Required<EvaluationResult> = { scores: [], measures: [], notes: [] };
    for (const language of ['fr', 'en']) {
      const docs = readGold(`quantities-${language}.jsonl`, isGoldDoc);
      for (const split of ['test', 'dev'] as const) {
        const set = `${language}/own-${split}`;
        const t = evaluate(set, docs.filter((d) => d.split === split));
        result.scores.push(scoreRow(set, 'span strict', t.strict), scoreRow(set, 'span overlap', t.relaxed));
        for (const a of ATTRIBUTES) result.measures.push({ set, metric: `${a} accuracy (matched)`, n: t.matched, value: t.matched ? t.agree[a] / t.matched : 0 });
        if (split === 'test') result.notes.push(...t.errors.map((e) => `attribute error: ${e}`));
      }
    }
    result.notes.push('own-test is the headline; own-dev was used to tune the word lists and is shown for reference.');
    return result;
  },
};

export default evaluation;
