import { test } from 'node:test';
import assert from 'node:assert/strict';
import { languageData } from '../../lang/load.js';
import { extractQuantities } from './extract.js';
import { compileQuantities } from './grammar.js';

const runQuantities = (text: string) =>
  extractQuantities({ text, sentences: [{ start: 0, end: text.length }], grammar: languageData('fr').compiled('quantities', compileQuantities) });

test('huge numbers and digit runs never crash nor give non-finite values', () => {
  const text = [
    `Le code ${'9'.repeat(20000)} personnes.`,
    `${'1 000 '.repeat(2000)}soldats.`,
    'Il y avait 999 999 999 999 999 999 999 soldats.',
    '1,5 milliard de milliards de milliards de milliards de dollars.',
    `${'1'.repeat(400)},${'5'.repeat(400)} euros.`,
    '0,000000001 % des voix.',
  ].join(' ');
  const got = runQuantities(text);
  for (const q of got) {
    assert.ok(Number.isFinite(q.value), `${q.text}: ${q.value}`);
    assert.ok(q.value <= 1e18, `${q.text}: ${q.value}`);
    assert.equal(text.slice(q.start, q.end), q.text);
  }
});

test('empty and odd text', () => {
  assert.deepEqual(runQuantities(''), []);
  assert.doesNotThrow(() => runQuantities('\u0000\uFFFF 12 \uD800 soldats \u202f 3'));
  assert.doesNotThrow(() => runQuantities('plus de '.repeat(5000)));
});
