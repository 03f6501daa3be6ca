import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { detectLanguage, SUPPORTED_LANGUAGES } from '../../src/text/language.js';
import { sharedPath } from '../../test/support/shared.js';
import { readGold } from '../gold-file.js';
import { score, scoreRow } from '../scorer.js';
import type { Evaluation, EvaluationResult, MeasureRow } from '../types.js';

/**
 * Gold texts are labelled with their real language. Veille only analyzes fr and en, so
 * `detectLanguage` answers `fr`, `en` or `und`: for a text in any other language, `und` (or
 * its own code) is the right answer, scored under the label `other`.
 */
interface GoldText {
  id: string;
  language: string;
  text: string;
}

const isGoldText = (v: unknown): v is GoldText => {
  const o = v as GoldText;
  return typeof o?.id === 'string' && typeof o.language === 'string' && typeof o.text === 'string';
};

const ORANGESUM = ['data', 'news-fr', 'orangesum.jsonl'];
const ORANGESUM_ARTICLES = 1000;

/** The label a gold or predicted language is scored under: fr, en, or other. */
const label = (code: string): string => (SUPPORTED_LANGUAGES.includes(code) ? code : 'other');

function scoreOwnGold(result: Required<EvaluationResult>): void {
  const gold = readGold('language.jsonl', isGoldText);
  const answers = gold.map((g) => ({ gold: label(g.language), predicted: label(detectLanguage(g.text).language), g }));
  for (const l of [...SUPPORTED_LANGUAGES, 'other']) {
    const tp = answers.filter((a) => a.gold === l && a.predicted === l).length;
    const fp = answers.filter((a) => a.gold !== l && a.predicted === l).length;
    const fn = answers.filter((a) => a.gold === l && a.predicted !== l).length;
    result.scores.push(scoreRow('own', l === 'other' ? 'other → und' : l, score(tp, fp, fn)));
  }
  const right = answers.filter((a) => a.gold === a.predicted);
  result.measures.push({ set: 'own', metric: 'accuracy', n: answers.length, value: right.length / answers.length });
  for (const a of answers.filter((x) => x.gold !== x.predicted)) {
    result.notes.push(`own: ${a.g.id} (${a.g.language}) answered ${a.predicted}: ${a.g.text}`);
  }
}

async function scoreOrangeSum(result: Required<EvaluationResult>): Promise<void> {
  const path = sharedPath(...ORANGESUM);
  if (!existsSync(path)) {
    result.notes.push(`orangesum: skipped, ${path} absent (../shared beside the checkout)`);
    return;
  }
  const counts = new Map<string, number>();
  let n = 0;
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const { text } = JSON.parse(line) as { text: string };
    const language = detectLanguage(text).language;
    counts.set(language, (counts.get(language) ?? 0) + 1);
    if (++n >= ORANGESUM_ARTICLES) break;
  }
  lines.close();
  const measure: MeasureRow = { set: `orangesum/first-${n}`, metric: 'accuracy (all fr)', n, value: (counts.get('fr') ?? 0) / n };
  result.measures.push(measure);
  result.notes.push(`orangesum: answers ${[...counts].sort().map(([k, v]) => `${k} ${v}`).join(', ')} (text read at run time, AFP via orange.fr, CC BY-SA 4.0)`);
}

const evaluation: Evaluation = {
  name: 'language',
  description: 'Language identification (fr, en, und for the rest) on hand-written texts (eval/gold/language.jsonl) and the first 1,000 OrangeSum articles.',
  async run(): Promise<EvaluationResult> {
    const result: Required<EvaluationResult> = { scores: [], measures: [], notes: [] };
    scoreOwnGold(result);
    await scoreOrangeSum(result);
    return result;
  },
};

export default evaluation;
