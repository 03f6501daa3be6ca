import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Span } from '../../core/record.js';
import { languageData } from '../../lang/load.js';
import { extractQuantities } from './extract.js';
import { compileQuantities } from './grammar.js';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test', 'fixtures', 'quantities');

interface Fixture {
  description: string;
  language: string;
  text: string;
  quantities: { text: string; value: number; approx: string; unit: string | null; of: string | null }[];
}

/** Sentences for the fixtures: a full stop, then a space and a capital, ends one. */
function naiveSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?](?=\s+\p{Lu})/gu)) {
    spans.push({ start, end: m.index + 1 });
    start = m.index + 1;
    while (/\s/.test(text[start] ?? '')) start++;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

function runQuantities(text: string, language = 'fr') {
  const grammar = languageData(language).compiled('quantities', compileQuantities);
  return extractQuantities({ text, sentences: naiveSentences(text), grammar });
}

describe('extractQuantities on hand-written golden fixtures', () => {
  for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort()) {
    const fixture = JSON.parse(readFileSync(resolve(FIXTURES, file), 'utf8')) as Fixture;
    test(`${file}: ${fixture.description}`, () => {
      const got = runQuantities(fixture.text, fixture.language);
      assert.deepEqual(got.map(({ text, value, approx, unit, of }) => ({ text, value, approx, unit, of })), fixture.quantities);
      for (const q of got) assert.equal(fixture.text.slice(q.start, q.end), q.text);
      assert.deepEqual(got.map((q) => q.id), got.map((_, i) => `n${i + 1}`));
      for (const q of got) assert.match(q.rule ?? '', new RegExp(`^${fixture.language}/(count|percent|money|number)/(digits|words|approx-noun)$`));
    });
  }
});

describe('separators and number words', () => {
  test('space, NBSP and narrow NBSP group thousands in French', () => {
    const got = runQuantities('1 000 soldats, 2\u00a0500 soldats, 3\u202f000\u202f000 soldats et 1,5 million de soldats.');
    assert.deepEqual(got.map((q) => q.value), [1000, 2500, 3000000, 1500000]);
  });

  test('compound French number words', () => {
    const got = runQuantities('quatre-vingt-dix-sept soldats, soixante et onze soldats, deux cent mille soldats, trois millions de soldats');
    assert.deepEqual(got.map((q) => q.value), [97, 71, 200000, 3000000]);
  });

  test('an approximation after the number', () => {
    const [q] = runQuantities('Ils étaient 500 personnes environ.');
    assert.deepEqual([q?.value, q?.approx, q?.text], [500, 'about', '500 personnes environ']);
  });

  test('plural units are singularized by the data rules', () => {
    const got = runQuantities('trois hôpitaux, deux bateaux, quatre pays, deux journaux, trois États');
    assert.deepEqual(got.map((q) => q.unit), ['hôpital', 'bateau', 'pays', 'journal', 'état']);
  });
});
