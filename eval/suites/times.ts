import { existsSync, readFileSync } from 'node:fs';
import type { Span, TimeExpression } from '../../src/core/record.js';
import { extractTimes } from '../../src/analyzers/times/extract.js';
import { compileTimes } from '../../src/analyzers/times/grammar.js';
import { languageData } from '../../src/lang/load.js';
import { splitSentences } from '../../src/text/sentences.js';
import { sharedPath } from '../../test/support/shared.js';
import { readGold } from '../gold-file.js';
import { matchSpans, score, scoreRow, scoreSpans, sumScores, type Score } from '../scorer.js';
import type { Evaluation, EvaluationResult, MeasureRow } from '../types.js';

/** A gold time expression: its span, text and TIMEX3 value. */
interface GoldTime extends Span {
  text: string;
  value: string;
}

/** A gold document: TimeBank lines have `dct` and `timexes`; ours `date`, `times` and `split`. */
interface GoldDoc {
  id: string;
  text: string;
  date: string | null;
  language: string;
  split?: 'dev' | 'test';
  times: GoldTime[];
}

const isGoldTime = (t: unknown): t is GoldTime => {
  const o = t as GoldTime;
  return Number.isInteger(o?.start) && Number.isInteger(o.end) && typeof o.text === 'string' && typeof o.value === 'string';
};

const isOwnDoc = (v: unknown): v is GoldDoc => {
  const o = v as GoldDoc;
  return typeof o?.id === 'string' && typeof o.text === 'string' && (o.split === 'dev' || o.split === 'test') && Array.isArray(o.times) && o.times.every(isGoldTime);
};

function timebankDocs(path: string): GoldDoc[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((line) => {
    const d = JSON.parse(line) as { id: string; text: string; dct: string; timexes: GoldTime[] };
    return { id: d.id, text: d.text, date: d.dct, language: 'fr', times: d.timexes };
  });
}

/** Checks that every gold span covers its text (a hand-edited offset fails loudly). */
function checkSpans(set: string, docs: GoldDoc[]): GoldDoc[] {
  for (const d of docs) {
    for (const t of d.times) {
      if (d.text.slice(t.start, t.end) !== t.text) throw new Error(`${set} ${d.id}: span [${t.start}, ${t.end}) is not ${JSON.stringify(t.text)}`);
    }
  }
  return docs;
}

/** The analyzer's output on a gold document, with the project's sentence splitter. */
function predict(doc: GoldDoc): TimeExpression[] {
  const lang = languageData(doc.language);
  return extractTimes({ text: doc.text, sentences: splitSentences(doc.text, lang), date: doc.date, grammar: lang.compiled('times', compileTimes) });
}

/**
 * TempEval-3 value agreement: case-insensitive equality; a prediction that adds a time of day
 * to the gold's day (`2003-01-23T15:30` for `2003-01-23`) agrees too.
 */
export function sameTimeValue(predicted: string, gold: string): boolean {
  const p = predicted.toUpperCase();
  const g = gold.toUpperCase();
  return p === g || (/^\d{4}-\d{2}-\d{2}$/.test(g) && p.startsWith(`${g}T`));
}

const MAX_NOTED_ERRORS = 10;

/**
 * Extraction strict (same span) and relaxed (overlap), and value: relaxed pairs whose values
 * agree count as true positives, every other gold or predicted item as an error.
 */
function evaluate(set: string, docs: readonly GoldDoc[]): { strict: Score; relaxed: Score; value: Score; errors: string[] } {
  const strict: Score[] = [];
  const relaxed: Score[] = [];
  const value: Score[] = [];
  const errors: string[] = [];
  for (const doc of docs) {
    const predicted = predict(doc);
    strict.push(scoreSpans(doc.times, predicted, 'strict'));
    relaxed.push(scoreSpans(doc.times, predicted, 'overlap'));
    const pairs = matchSpans(doc.times, predicted, 'overlap');
    const agree = pairs.filter(([i, j]) => sameTimeValue(predicted[j]!.value, doc.times[i]!.value));
    value.push(score(agree.length, predicted.length - agree.length, doc.times.length - agree.length));
    for (const [i, j] of pairs) {
      const g = doc.times[i]!;
      const p = predicted[j]!;
      if (!sameTimeValue(p.value, g.value) && errors.length < MAX_NOTED_ERRORS) errors.push(`${set} ${doc.id}: "${g.text}" gold ${g.value}, got "${p.text}" ${p.value} (${p.rule})`);
    }
  }
  return { strict: sumScores(strict), relaxed: sumScores(relaxed), value: sumScores(value), errors };
}

function rows(set: string, docs: readonly GoldDoc[], result: Required<EvaluationResult>, noteErrors: boolean): void {
  const r = evaluate(set, docs);
  result.scores.push(scoreRow(set, 'extraction strict', r.strict), scoreRow(set, 'extraction relaxed', r.relaxed), scoreRow(set, 'value', r.value));
  if (noteErrors) result.notes.push(...r.errors.map((e) => `value error: ${e}`));
}

const evaluation: Evaluation = {
  name: 'times',
  description: 'Time expressions, TempEval-3 style: extraction P/R/F1 (strict, relaxed) and value F1, on the French TimeBank dev half and on hand-written fr/en news (eval/gold/times-*.jsonl, month-precision dates).',
  run(): EvaluationResult {
    const result: Required<EvaluationResult> = { scores: [], measures: [], notes: [] };
    const timebank = sharedPath('data', 'timebank-fr', 'dev.jsonl');
    if (existsSync(timebank)) {
      rows('timebank-fr/dev', checkSpans('timebank-fr/dev', timebankDocs(timebank)), result, false);
      result.notes.push('timebank-fr/dev: French TimeBank 1.1 (LGPL-LR), development half (54 documents), read from ../shared at run time; the rules were tuned on it.');
    } else {
      result.notes.push(`timebank-fr/dev skipped: ${timebank} is absent (../shared beside the checkout).`);
    }
    const measures: MeasureRow[] = [];
    for (const language of ['fr', 'en']) {
      const docs = checkSpans(`${language}/own`, readGold(`times-${language}.jsonl`, isOwnDoc));
      const test = docs.filter((d) => d.split === 'test');
      const dev = docs.filter((d) => d.split === 'dev');
      rows(`${language}/own-test`, test, result, true);
      rows(`${language}/own-dev`, dev, result, false);
      measures.push({ set: `${language}/own`, metric: 'gold expressions (test + dev)', n: docs.length, value: docs.reduce((n, d) => n + d.times.length, 0) });
    }
    result.measures.push(...measures);
    result.notes.push('own-test is the headline for our gold; own-dev was used to tune the rules and is shown for reference.');
    return result;
  },
};

export default evaluation;
