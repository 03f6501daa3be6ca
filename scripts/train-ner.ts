/**
 * `npm run train [-- --cv K] [-- --out FILE]`: trains the French NER model (src/ner) and
 * writes models/ner-fr.json. Data: HIPE-2022 NewsEye dev (../shared/data/ner-fr, CC BY 4.0)
 * and the dev split of our own gold (eval/gold/entities-fr.jsonl) — never WikiNEuRal
 * (non-commercial, evaluation only) nor our gold's test split. Deterministic: the same data
 * gives the same file, byte for byte. `--cv K` prints K-fold cross-validated scores on HIPE
 * (folds by document) instead of writing.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { entityLexicon } from '../src/analyzers/entities/lexicon.js';
import { nerExample } from '../src/analyzers/entities/ner-examples.js';
import { loadKnowledgeBase } from '../src/kb/knowledge-base.js';
import { languageData } from '../src/lang/load.js';
import { modelPath } from '../src/ner/load.js';
import { serializeModel } from '../src/ner/model-file.js';
import { DEFAULT_TRAINING, trainNer } from '../src/ner/train.js';
import type { NerExample } from '../src/ner/types.js';
import { namedGold, ownGold, readNerRecords, type NerRecord } from '../eval/ner-corpus.js';
import { sharedPath } from '../test/support/shared.js';

export const HIPE_DEV = sharedPath('data', 'ner-fr', 'hipe-newseye-dev.jsonl');

/** The HIPE records, in file order (absent: none). */
export function hipeRecords(): NerRecord[] {
  return existsSync(HIPE_DEV) ? readNerRecords(HIPE_DEV) : [];
}

/** The fold of a HIPE document in K-fold cross-validation: documents dealt in file order. */
export const foldOf = (index: number, k: number): number => index % k;

/** Training sequences of HIPE records, with the shipped KB (no user KB) and the French lexicon. */
export function hipeExamples(records: readonly NerRecord[]): NerExample[] {
  const data = languageData('fr');
  const kb = loadKnowledgeBase({ userDir: null });
  const lex = entityLexicon(data);
  return records.map((r) => nerExample(r.id, r.text, r.date ?? null, r.entities, data, kb, lex).example);
}

/** Training sequences of our own French gold, dev split only. */
export function ownExamples(): NerExample[] {
  const data = languageData('fr');
  const kb = loadKnowledgeBase({ userDir: null });
  const lex = entityLexicon(data);
  return ownGold('fr', 'dev').map((d) => nerExample(d.id, d.text, d.date, namedGold(d), data, kb, lex).example);
}

function main(): void {
  const args = process.argv.slice(2);
  const records = hipeRecords();
  if (records.length === 0) throw new Error(`${HIPE_DEV} is absent: training needs ../shared beside the checkout`);
  const examples = [...hipeExamples(records), ...ownExamples()];
  const outArg = args.indexOf('--out');
  const out = outArg >= 0 ? resolve(args[outArg + 1] ?? '') : modelPath('fr');
  const started = performance.now();
  const model = trainNer(examples, {
    ...DEFAULT_TRAINING,
    onEpoch: (epoch, accuracy) => process.stderr.write(`epoch ${epoch}: token accuracy ${accuracy.toFixed(4)}\n`),
  });
  const text = serializeModel(model);
  writeFileSync(out, text);
  process.stderr.write(`${out}: ${model.featureCount} features, ${(text.length / 1e6).toFixed(2)} MB, ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
