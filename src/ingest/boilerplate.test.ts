import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { availableLanguages, languageData } from '../lang/load.js';
import { cleanBody } from './boilerplate.js';
import { allBoilerplateRules, compileBoilerplate } from './boilerplate-rules.js';

describe('boilerplate rules (lang/*/boilerplate.json)', () => {
  for (const code of ['fr', 'en']) {
    test(`${code}: every rule has an id and matches its own example`, () => {
      assert.ok(availableLanguages().includes(code));
      const rules = languageData(code).compiled('boilerplate', compileBoilerplate);
      assert.ok(rules.lines.length > 0 && rules.outletMarkers.length > 0);
      for (const rule of [...rules.lines, ...rules.outletMarkers]) {
        assert.match(rule.id, new RegExp(`^${code}\\.[a-z-]+$`));
        assert.ok(rule.example, `${rule.id} has no example`);
        assert.match(rule.example, rule.pattern, `${rule.id} does not match its example`);
      }
    });
  }

  test('rule ids are unique across languages', () => {
    const rules = allBoilerplateRules();
    const ids = [...rules.lines, ...rules.outletMarkers].map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
  });

  test('a language without the file has no rules; a bad pattern names its file and id', () => {
    assert.deepEqual(compileBoilerplate(null, 'xx'), { lines: [], outletMarkers: [] });
    assert.throws(() => compileBoilerplate({ lines: [{ id: 'xx.bad', pattern: '(' }] }, 'xx'), /lang\/xx\/boilerplate\.json.*xx\.bad/);
  });
});

describe('cleanBody', () => {
  test('removes lines of either language and reports the rules that fired', () => {
    const body = cleanBody(['(Reuters) - A fire broke out.', 'Read more: Other story', 'Lire aussi : Autre article', 'The fire was put out.']);
    assert.deepEqual(body.paragraphs, ['A fire broke out.', 'The fire was put out.']);
    assert.equal(body.outlet, 'Reuters');
    assert.deepEqual(body.removed, ['en.read-more', 'fr.read-also', 'en.outlet-lead']);
  });

  test('a boilerplate line inside a paragraph goes, the rest of the paragraph stays', () => {
    assert.deepEqual(cleanBody(['The port reopened.\nAdvertisement\nShips came in.']).paragraphs, ['The port reopened.\nShips came in.']);
  });

  test('the outlet marker is looked for in the first two paragraphs only', () => {
    assert.equal(cleanBody(['Headline', '(AFP) - Texte.']).outlet, 'AFP');
    assert.equal(cleanBody(['One.', 'Two.', '(AFP) - Three.']).outlet, null);
  });

  test('things that look alike but are not boilerplate', () => {
    const kept = [
      'Copyright law was reformed in 2019.',
      'Les plus lus des romans ont été primés.',
      '(2024) - a year of change.',
      'Le député Jean Dupont (LR) - absent ce jour-là - a voté contre.',
    ];
    const body = cleanBody(kept);
    assert.deepEqual(body.paragraphs, kept);
    assert.equal(body.outlet, null);
  });
});
