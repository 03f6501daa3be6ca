import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { languageData } from '../../lang/load.js';
import { fitsNarrow, narrowView } from '../../text/narrow-regex.js';
import { compileTimes } from './grammar.js';
import { scanMatches, scanWords } from './scan.js';
import type { Words } from './words.js';

/** The general pass's words, with only the starts the scanner can try (at most 60 before an anchor). */
function reachable(words: Words): Words {
  const keep = words.startPositions.map((p) => words.anchorPositions.some((a) => a >= p && a - p <= 60));
  return {
    startPositions: words.startPositions.filter((_, i) => keep[i]),
    startRules: words.startRules.filter((_, i) => keep[i]),
    anchorPositions: words.anchorPositions,
    anchorMasks: words.anchorMasks,
  };
}

// Invented sentences: accents, capitals, plurals, elisions, digits glued to letters, hyphens.
const TEXTS: Record<string, string[]> = {
  fr: [
    "Le ministre est arrivé MERCREDI soir, deux jours après l'annonce du 12 février 2023.",
    'Tous les jeudis, depuis l’Été dernier, les élèves vont à la piscine ; en Août, jamais.',
    "Il y a à peine un mois, vers 21h45, la veille du lendemain des Années 1990 et du XIXe siècle.",
    'Fevrier, DÉCEMBRE, décembres, semaines-ci, ans, 3e, 20h, mi-octobre, Ñandú, Ærø, Œuvres, ça.',
    '',
    '42',
  ],
  en: [
    'Last Wednesday, two days after May 12, 2023, the mayor said she would return in late 2022.',
    'Every Tuesday since the 1990s; tonight, on the eve of the vote, at 9 p.m. EST.',
  ],
};

describe('the character-table word pass finds what the general one finds', () => {
  for (const [code, texts] of Object.entries(TEXTS)) {
    test(code, () => {
      const grammar = languageData(code).compiled('times', compileTimes);
      for (const text of texts) {
        assert.ok(fitsNarrow(text), text);
        assert.deepEqual(scanWords(text, grammar, true), reachable(scanWords(text, grammar, false)), text);
      }
    });
  }

  test('a character that folds to two letters takes the general pass', () => {
    const grammar = languageData('fr').compiled('times', compileTimes);
    const text = 'Le ǆ de mardi 3 mars.';
    assert.ok(fitsNarrow(text));
    assert.deepEqual(scanWords(text, grammar, true), scanWords(text, grammar, false));
  });
});

describe('a text with stray Greek or Cyrillic letters is scanned on its narrow view, as the full builds scan it', () => {
  test('fr', () => {
    const grammar = languageData('fr').compiled('times', compileTimes);
    const text = 'Le 3 mars, 12 μg de Ωméga livrés mardi soir à Москва ; depuis μars 2020, il y a deux jours, vers 21 h 45.';
    const view = narrowView(text, (code) => grammar.words.letters.has(String.fromCharCode(code)) === false);
    assert.ok(view !== null && view !== text);
    const offered = (scanned: string, narrow: boolean): string[] => {
      const out: string[] = [];
      scanMatches(scanned, grammar, (c) => { out.push(JSON.stringify([c.rule.id, c.start, c.end, c.text, c.groups])); return false; }, narrow, text);
      return out;
    };
    const full = offered(text, false);
    assert.ok(full.length > 5);
    assert.deepEqual(offered(view, true), full);
  });
});
