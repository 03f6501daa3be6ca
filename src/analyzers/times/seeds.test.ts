import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { needsShared, sharedPath } from '../../../test/support/shared.js';
import { languageData } from '../../lang/load.js';
import { splitSentences } from '../../text/sentences.js';
import { extractTimes } from './extract.js';
import { compileTimes } from './grammar.js';

/** A seed file: its first line is ` date 2023-10`, the rest is the text (read from ../shared, never copied). */
export function readSeeds(): { name: string; date: string | null; text: string }[] {
  const dir = sharedPath('seeds');
  return readdirSync(dir).filter((f) => /^\d+_[0-9a-f]+\.txt$/.test(f)).sort().map((name) => {
    const raw = readFileSync(`${dir}/${name}`, 'utf8');
    const header = /^\s*date\s+(\S+)\s*/.exec(raw);
    return { name, date: header?.[1] ?? null, text: header ? raw.slice(header[0].length) : raw };
  });
}

// The "Done when": expression → value, with the seeds dated 2023-10.
const EXPECTED: [string, string][] = [
  ['mercredi', '2023-10'],
  ['il y a à peine un mois', '2023-09'],
  ['vendredi', '2023-10'],
  ['Mardi', '2023-10'],
  ['mardi', '2023-10'],
  ['mardi soir', '2023-10'],
  ['ces dernières semaines', 'PXW'],
  ['ce mois-ci', '2023-10'],
  ['le mois dernier', '2023-09'],
  ['fin 2022', '2022'],
  ['septembre', '2023-09'],
  ['juillet', '2023-07'],
  ['mars', '2023-03'],
  ['2018', '2018'],
  ['1953', '1953'],
  ['deux jours', 'P2D'],
  ['près de deux décennies', 'P2DE'],
];

test('the seeds\' time expressions come out with the values of the issue', { skip: needsShared('seeds') }, () => {
  const lang = languageData('fr');
  const grammar = lang.compiled('times', compileTimes);
  const found = new Map<string, Set<string>>();
  for (const seed of readSeeds()) {
    assert.equal(seed.date, '2023-10');
    for (const t of extractTimes({ text: seed.text, sentences: splitSentences(seed.text, lang), date: seed.date, grammar })) {
      const values = found.get(t.text) ?? new Set();
      values.add(t.value);
      found.set(t.text, values);
      if (['mercredi', 'vendredi', 'mardi', 'Mardi', 'mardi soir'].includes(t.text)) {
        assert.deepEqual(t.range, { from: '2023-10-01', to: '2023-10-31' }, `${t.text} ranges over the month`);
      }
    }
  }
  for (const [text, value] of EXPECTED) assert.deepEqual([...(found.get(text) ?? [])], [value], `"${text}"`);
});
