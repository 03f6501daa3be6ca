import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TimeExpression } from '../../core/record.js';
import { languageData } from '../../lang/load.js';
import { extractTimes } from './extract.js';
import { compileTimes } from './grammar.js';

const runTimes = (text: string, date: string | null) =>
  extractTimes({ text, sentences: [{ start: 0, end: text.length }], date, grammar: languageData('fr').compiled('times', compileTimes) });

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2}(T[0-9:.]+)?)?)?$/;
const DATE_VALUE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$/;

/** Every range is two valid ISO dates, in order; every date-like value is a real date in years 1–9999. */
function assertSound(times: TimeExpression[]): void {
  for (const t of times) {
    if (t.range) {
      assert.match(t.range.from, ISO_DATE, `${t.text}: range.from`);
      assert.match(t.range.to, ISO_DATE, `${t.text}: range.to`);
      assert.ok(t.range.from <= t.range.to, `${t.text}: range in order`);
      assert.ok(t.range.from >= '0001' && t.range.to <= '9999-12-31', `${t.text}: range years`);
    }
    const m = DATE_VALUE.exec(t.value);
    if (m) {
      const [y, mo, d] = [Number(m[1]), m[2] && Number(m[2]), m[3] && Number(m[3])];
      assert.ok(y >= 1 && y <= 9999, `${t.text}: value year ${t.value}`);
      if (mo) assert.ok(mo >= 1 && mo <= 12, `${t.text}: value month ${t.value}`);
      if (mo && d) assert.ok(d >= 1 && d <= new Date(Date.UTC(2000, mo, 0)).getUTCDate(), `${t.text}: value day ${t.value}`);
    }
  }
}

describe('bad input never crashes and never yields an invalid ISO value', () => {
  test('impossible dates', () => {
    const times = runTimes('Le décret du 31 février 2023 et celui du 30 février ont été annulés le 29 février 2023.', '2023-10-18');
    assertSound(times);
    assert.ok(!times.some((t) => /-02-3[01]|2023-02-29/.test(t.value)));
  });

  test('offsets that leave years 1–9999 are dropped', () => {
    const times = runTimes('Il y a 99999 ans, la région était sous la mer. Dans 99999 ans, elle le sera encore. Il y a 2030 ans.', '2023-10-18');
    assertSound(times);
    assert.deepEqual(times.filter((t) => t.granularity !== 'duration').map((t) => t.value), []);
  });

  test('document dates at the ends of the calendar', () => {
    assertSound(runTimes('Le mois prochain, l\'an prochain, demain et dans 3 jours.', '9999-12-31'));
    assertSound(runTimes('Le mois dernier, l\'an dernier, hier et il y a 3 jours.', '0001-01-01'));
  });

  test('digit runs of thousands of characters', () => {
    const text = `Le code ${'7'.repeat(20000)} a été publié en 2018, puis ${'1 000 '.repeat(3000)}fois.`;
    const times = runTimes(text, '2023-10-18');
    assertSound(times);
    assert.deepEqual(times.map((t) => t.value), ['2018']);
  });

  test('empty and odd text', () => {
    assert.deepEqual(runTimes('', '2023-10'), []);
    assertSound(runTimes('\u0000\uFFFF mercredi \uD800 hier \u202f 12\u00a0h\u202f30', '2023-10'));
    assertSound(runTimes('mardi '.repeat(5000), '2023-10-18'));
  });
});
