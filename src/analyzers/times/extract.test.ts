import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Span } from '../../core/record.js';
import { languageData } from '../../lang/load.js';
import { extractTimes } from './extract.js';
import { compileTimes } from './grammar.js';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test', 'fixtures', 'times');

interface Fixture {
  description: string;
  language: string;
  date: string | null;
  text: string;
  times: { text: string; value: string; granularity: string; range: [string, string] | null; anchor: string | null; rule?: string }[];
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

function runTimes(text: string, date: string | null, language = 'fr') {
  const grammar = languageData(language).compiled('times', compileTimes);
  return extractTimes({ text, sentences: naiveSentences(text), date, grammar });
}

describe('extractTimes on hand-written golden fixtures', () => {
  for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort()) {
    const fixture = JSON.parse(readFileSync(resolve(FIXTURES, file), 'utf8')) as Fixture;
    test(`${file}: ${fixture.description}`, () => {
      const got = runTimes(fixture.text, fixture.date, fixture.language);
      const simplified = got.map((t) => ({
        text: t.text,
        value: t.value,
        granularity: t.granularity,
        range: t.range ? [t.range.from, t.range.to] : null,
        anchor: t.anchor,
        rule: t.rule,
      }));
      const expected = fixture.times.map((t, i) => ({ ...t, rule: t.rule ?? simplified[i]?.rule }));
      assert.deepEqual(simplified, expected);
      for (const t of got) assert.equal(fixture.text.slice(t.start, t.end), t.text);
      assert.deepEqual(got.map((t) => t.id), got.map((_, i) => `t${i + 1}`));
    });
  }
});

describe('tense and context', () => {
  test('the same weekday resolves to the past or the future by the verb', () => {
    const [past] = runTimes('Lavrov a atterri mercredi à Pyongyang.', '2023-10-20');
    const [future] = runTimes('Lavrov atterrira mercredi à Pyongyang.', '2023-10-20');
    assert.equal(past?.value, '2023-10-18');
    assert.equal(future?.value, '2023-10-25');
  });

  test('"dernier" wins over the tense and excludes the document day', () => {
    const [t] = runTimes('Il a démissionné mercredi dernier.', '2023-10-18');
    assert.equal(t?.value, '2023-10-11');
  });

  test('a clock time before its day in the sentence is put on that day', () => {
    const times = runTimes('Vers 0 h 40, jeudi, une voiture a quitté la route.', '2023-10-21');
    assert.deepEqual(times.map((t) => [t.text, t.value, t.anchor]), [['0 h 40', '2023-10-19T00:40', 't2'], ['jeudi', '2023-10-19', 'doc']]);
  });

  test('a clock time with no day in context is on the document day', () => {
    const [t] = runTimes('Le conseil se réunira à 15 h.', '2023-10-18');
    assert.deepEqual([t?.value, t?.anchor], ['2023-10-18T15:00', 'doc']);
  });

  test('a day-month without year takes the year the tense points to', () => {
    assert.equal(runTimes('Le texte a été adopté le 20 décembre.', '2023-10-18')[0]?.value, '2022-12-20');
    assert.equal(runTimes('Le texte sera adopté le 20 décembre.', '2023-10-18')[0]?.value, '2023-12-20');
  });

  test('a stated weekday picks the year where the date falls on it', () => {
    assert.equal(runTimes('La réunion aura lieu le mercredi 3 avril.', '2023-10-18')[0]?.value, '2024-04-03');
  });

  test('"ce même lundi" is the Monday just mentioned', () => {
    const times = runTimes('Les portes ouvriront lundi 6 novembre. Les inscriptions se feront ce même lundi après-midi.', '2023-10-18');
    assert.deepEqual(times.map((t) => [t.value, t.anchor]), [['2023-11-06', 'doc'], ['2023-11-06TAF', 't1']]);
  });

  test('without a document date a weekday is XXXX-WXX-n', () => {
    assert.equal(runTimes('Il est arrivé vendredi.', null)[0]?.value, 'XXXX-WXX-5');
  });

  test('an invalid document date counts as no date', () => {
    const [t] = runTimes('Il est arrivé vendredi.', '2023-02-30');
    assert.deepEqual([t?.value, t?.range, t?.anchor], ['XXXX-WXX-5', null, null]);
  });

  test('numeric dates are read by chrono-node, day first in French and month first in English', () => {
    assert.equal(runTimes('Le scrutin du 12/10/2023 a été annulé.', '2023-10-18')[0]?.value, '2023-10-12');
    assert.equal(runTimes('The vote of 10/12/2023 was annulled.', '2023-10-18', 'en')[0]?.value, '2023-10-12');
    assert.equal(runTimes('The vote of 2023-10-12 was annulled.', '2023-10-18', 'en')[0]?.value, '2023-10-12');
  });
});
