import type { Span } from '../../src/core/record.js';
import { languageData } from '../../src/lang/load.js';
import { splitSentences } from '../../src/text/sentences.js';
import { readGold } from '../gold-file.js';
import { scoreRow, scoreSpans, sumScores, type Score } from '../scorer.js';
import type { Evaluation, EvaluationResult } from '../types.js';

/** A gold paragraph: its text and, in order, the exact text of each of its sentences. */
interface GoldParagraph {
  id: string;
  tags?: string[];
  text: string;
  sentences: string[];
}

const isParagraph = (v: unknown): v is GoldParagraph => {
  const o = v as GoldParagraph;
  return typeof o?.id === 'string' && typeof o.text === 'string' && Array.isArray(o.sentences) && o.sentences.every((s) => typeof s === 'string');
};

/** The gold spans: each sentence found in order in the text. */
function goldSpans(p: GoldParagraph): Span[] {
  let from = 0;
  return p.sentences.map((s) => {
    const start = p.text.indexOf(s, from);
    if (start < 0) throw new Error(`eval/gold sentences ${p.id}: sentence not found in order: ${JSON.stringify(s)}`);
    from = start + s.length;
    return { start, end: from };
  });
}

/** A boundary is where a sentence ends and another follows; the text's own end is not one. */
const boundaries = (spans: Span[]): Span[] => spans.slice(0, -1).map((s) => ({ start: s.end, end: s.end }));

const MAX_NOTED_ERRORS = 8;

function evaluate(language: string): { boundaries: Score; sentences: Score; errors: string[] } {
  const lang = languageData(language);
  const perBoundary: Score[] = [];
  const perSentence: Score[] = [];
  const errors: string[] = [];
  for (const p of readGold(`sentences-${language}.jsonl`, isParagraph)) {
    const gold = goldSpans(p);
    const predicted = splitSentences(p.text, lang);
    const b = scoreSpans(boundaries(gold), boundaries(predicted), 'strict');
    perBoundary.push(b);
    perSentence.push(scoreSpans(gold, predicted, 'strict'));
    if ((b.fp > 0 || b.fn > 0) && errors.length < MAX_NOTED_ERRORS) {
      const got = predicted.map((s) => p.text.slice(s.start, s.end)).join(' ‖ ');
      errors.push(`${p.id} (${(p.tags ?? []).join(', ')}): ${b.fn} missed, ${b.fp} wrong — split as: ${got}`);
    }
  }
  return { boundaries: sumScores(perBoundary), sentences: sumScores(perSentence), errors };
}

const evaluation: Evaluation = {
  name: 'sentences',
  description: 'Sentence boundaries (end offsets) and exact sentence spans, on hand-written French and English news paragraphs (eval/gold/sentences-*.jsonl).',
  run(): EvaluationResult {
    const result: Required<EvaluationResult> = { scores: [], measures: [], notes: [] };
    for (const language of ['fr', 'en']) {
      const r = evaluate(language);
      result.scores.push(scoreRow(`${language}/own`, 'sentence boundaries', r.boundaries));
      result.scores.push(scoreRow(`${language}/own`, 'sentences (exact span)', r.sentences));
      result.notes.push(...r.errors.map((e) => `${language}: ${e}`));
    }
    return result;
  },
};

export default evaluation;
