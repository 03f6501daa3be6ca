import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Span } from '../core/record.js';
import { languageData } from '../lang/load.js';
import { splitSentences } from './sentences.js';

interface Case { name: string; text: string; sentences?: string[] }
interface Fixture { language: string; cases: Case[] }

function fixture(name: string): Fixture {
  return JSON.parse(readFileSync(new URL(`../../test/fixtures/text/${name}.json`, import.meta.url), 'utf8')) as Fixture;
}

/** Spans are ordered, disjoint, trimmed, and cover every non-space character. */
function assertWellFormed(text: string, spans: Span[]): void {
  let last = 0;
  for (const s of spans) {
    assert.ok(s.start >= last && s.end > s.start && s.end <= text.length, `bad span [${s.start}, ${s.end})`);
    assert.match(text.slice(last, s.start), /^\s*$/u, 'non-space text left outside the sentences');
    assert.doesNotMatch(text[s.start] ?? '', /\s/u);
    assert.doesNotMatch(text[s.end - 1] ?? '', /\s/u);
    last = s.end;
  }
  assert.match(text.slice(last), /^\s*$/u);
}

const texts = (text: string, spans: Span[]): string[] => spans.map((s) => text.slice(s.start, s.end));

for (const name of ['sentences-fr', 'sentences-en']) {
  const { language, cases } = fixture(name);
  describe(`splitSentences: ${name}`, () => {
    for (const c of cases) {
      test(c.name, () => {
        const spans = splitSentences(c.text, languageData(language));
        assertWellFormed(c.text, spans);
        assert.deepEqual(texts(c.text, spans), c.sentences);
      });
    }
  });
}

for (const name of ['sentences-fr-nosplit', 'sentences-en-nosplit']) {
  const { language, cases } = fixture(name);
  describe(`splitSentences keeps one sentence: ${name}`, () => {
    for (const c of cases) {
      test(c.name, () => assert.deepEqual(texts(c.text, splitSentences(c.text, languageData(language))), [c.text]));
    }
  });
}

describe('splitSentences on bad input', () => {
  const fr = languageData('fr');
  test('empty and blank text give no sentence', () => {
    assert.deepEqual(splitSentences('', fr), []);
    assert.deepEqual(splitSentences(' \n\n\t\u00a0 ', fr), []);
  });
  test('1 MB of one character is one sentence', () => {
    const text = 'a'.repeat(1_000_000);
    assert.deepEqual(splitSentences(text, fr), [{ start: 0, end: text.length }]);
  });
  test('a period every other character, and periods only', () => {
    for (const text of ['a.'.repeat(200_000), 'A. '.repeat(200_000), '.'.repeat(500_000), '. '.repeat(200_000), 'x.Yy'.repeat(100_000)]) {
      assertWellFormed(text, splitSentences(text, fr));
    }
  });
  test('glued sentences on 1 MB split everywhere', () => {
    const text = 'fin.Alors'.repeat(100_000);
    assert.equal(splitSentences(text, fr).length, 100_001); // 'fin.', then 'Alorsfin.' × 99,999, then 'Alors'
  });
  test('mixed scripts, CJK full stops and emoji', () => {
    const text = 'Путин прибыл в Пекин. 东京发生地震。大阪也有震感！ Le président 👍🏽 est parti. مرحبا؟ Fin';
    const spans = splitSentences(text, fr);
    assertWellFormed(text, spans);
    assert.deepEqual(texts(text, spans), ['Путин прибыл в Пекин.', '东京发生地震。', '大阪也有震感！', 'Le président 👍🏽 est parti.', 'مرحبا؟', 'Fin']);
  });
  test('raw line ends: CRLF paragraphs and lone CR', () => {
    const text = 'Titre principal\r\n\r\nLe texte suit.';
    assert.deepEqual(texts(text, splitSentences(text, fr)), ['Titre principal', 'Le texte suit.']);
  });
  test('a language without data files falls back without failing', () => {
    const text = 'Der Minister kam. Er sprach.';
    assert.deepEqual(texts(text, splitSentences(text, languageData('de'))), ['Der Minister kam.', 'Er sprach.']);
  });
  test('deterministic', () => {
    const text = fixture('sentences-fr').cases.map((c) => c.text).join('\n\n');
    assert.deepEqual(splitSentences(text, fr), splitSentences(text, fr));
  });
});
