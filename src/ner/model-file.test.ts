import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isVeilleError } from '../core/errors.js';
import { loadNerModel, modelPath } from './load.js';
import { parseModel, readModelFile } from './model-file.js';

const fails = (f: () => unknown, code: string, text: RegExp): void => {
  assert.throws(f, (e: unknown) => isVeilleError(e) && e.code === code && text.test(e.message));
};

describe('NER model files', () => {
  test('malformed files fail naming the file and why', () => {
    fails(() => parseModel('{', 'm.json'), 'MALFORMED', /m\.json: not a Veille NER model/);
    fails(() => parseModel('{"format":"other"}', 'm.json'), 'MALFORMED', /format "other"/);
    fails(() => parseModel('{"format":"veille-ner/1","tags":["O"],"features":[]}', 'm.json'), 'MALFORMED', /tags differ/);
    const dir = mkdtempSync(join(tmpdir(), 'veille-ner-'));
    fails(() => readModelFile(join(dir, 'absent.json')), 'UNREADABLE', /absent\.json/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format":"veille-ner/1","tags":["O","B-PER","I-PER","B-ORG","I-ORG","B-LOC","I-LOC","B-MISC","I-MISC"],"features":[["x"]]}');
    fails(() => readModelFile(bad), 'MALFORMED', /bad feature row/);
  });

  test('the shipped French model loads; a language without one has none', () => {
    const fr = loadNerModel('fr');
    assert.ok(fr, `expected ${modelPath('fr')}`);
    assert.ok(fr.featureCount > 1000);
    assert.equal(loadNerModel('xx'), null);
    assert.equal(loadNerModel('../etc'), null);
  });
});
