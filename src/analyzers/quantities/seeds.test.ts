import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { needsShared, sharedPath } from '../../../test/support/shared.js';
import { languageData } from '../../lang/load.js';
import { splitSentences } from '../../text/sentences.js';
import { extractQuantities } from './extract.js';
import { compileQuantities } from './grammar.js';

// The "Done when" for quantities (the seeds are read from ../shared, never copied).
const EXPECTED = [
  { text: 'plus de 1 000 conteneurs', value: 1000, approx: 'more_than', unit: 'conteneur' },
  { text: '1 000 conteneurs', value: 1000, approx: 'exact', unit: 'conteneur' },
  { text: 'au moins 500 civils', value: 500, approx: 'more_than', unit: 'civil' },
  { text: 'quelque 130 dirigeants', value: 130, approx: 'about', unit: 'dirigeant' },
  { text: '57 %', value: 57, approx: 'exact', unit: 'percent' },
];

test('the seeds\' quantities come out as the issue says', { skip: needsShared('seeds') }, () => {
  const dir = sharedPath('seeds');
  const lang = languageData('fr');
  const grammar = lang.compiled('quantities', compileQuantities);
  const found: { text: string; value: number; approx: string; unit: string | null; of: string | null }[] = [];
  for (const name of readdirSync(dir).filter((f) => /^\d+_[0-9a-f]+\.txt$/.test(f))) {
    const text = readFileSync(`${dir}/${name}`, 'utf8').replace(/^\s*date\s+\S+\s*/, '');
    found.push(...extractQuantities({ text, sentences: splitSentences(text, lang), grammar }));
  }
  for (const expected of EXPECTED) {
    const match = found.find((q) => q.text === expected.text);
    assert.ok(match, `"${expected.text}" is found`);
    assert.deepEqual({ text: match.text, value: match.value, approx: match.approx, unit: match.unit }, expected);
  }
  assert.equal(found.find((q) => q.text === 'plus de 1 000 conteneurs')?.of, 'matériel militaire et munitions');
  // Years, the "©2023" line and the site named "38 North" are not quantities.
  assert.ok(!found.some((q) => [2018, 1953, 2022, 2023, 38].includes(q.value)));
});
