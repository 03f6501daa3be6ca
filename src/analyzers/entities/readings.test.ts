import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Entity } from '../../core/record.js';
import { loadKnowledgeBase } from '../../kb/knowledge-base.js';
import { languageData } from '../../lang/load.js';
import { splitSentences } from '../../text/sentences.js';
import { tokenize } from '../../text/tokens.js';
import { extractEntities } from './extract.js';
import { entityLexicon } from './lexicon.js';
import { analyzeText } from './test-support.js';

function entityOf(entities: readonly Entity[], surface: string, nth = 0): Entity | undefined {
  const all = entities.flatMap((e) => e.mentions.filter((m) => m.text === surface).map((m) => ({ e, start: m.start })));
  return all.sort((a, b) => a.start - b.start)[nth]?.e;
}

describe('metonymy: a capital is a government or a place by its context', () => {
  const cases: [string, string, string, number, boolean][] = [
    ['fr', 'Washington a affirmé que la trêve tenait.', 'Washington', 0, true],
    ['fr', "Les efforts déployés par Moscou n'ont rien changé.", 'Moscou', 0, true],
    ['fr', "L'action diplomatique de Pékin inquiète.", 'Pékin', 0, true],
    ['fr', 'Le pays fournirait des armes à Moscou.', 'Moscou', 0, true],
    ['fr', 'Il a effectué une visite à Pyongyang.', 'Pyongyang', 0, false],
    ['fr', "L'aéroport de Moscou est fermé.", 'Moscou', 0, false],
    ['fr', 'Le ministre doit visiter Téhéran.', 'Téhéran', 0, false],
    ['en', 'Washington said the talks had failed.', 'Washington', 0, true],
    ['en', 'The country shipped arms to Moscow.', 'Moscow', 0, true],
    ['en', 'The minister flew to Moscow on Monday.', 'Moscow', 0, false],
    ['en', 'Reporters in Beijing were briefed.', 'Beijing', 0, false],
  ];
  for (const [lang, text, surface, nth, political] of cases) {
    test(`${text} → ${surface} ${political ? 'government' : 'place'}`, () => {
      const e = entityOf(analyzeText(text, lang, '2023-10').entities, surface, nth);
      assert.ok(e, 'an entity');
      assert.equal(e.sector, political ? 'GOV' : null);
      assert.equal(e.rule?.startsWith('metonym:'), political);
    });
  }
  test('a seat of power is a government in every use', () => {
    const e = entityOf(analyzeText('Une réunion a eu lieu au Kremlin.', 'fr').entities, 'Kremlin');
    assert.equal(e?.country, 'RUS');
    assert.equal(e?.sector, 'GOV');
    assert.equal(e?.type, 'GPE');
  });
});

describe('roles: before the name, in apposition, role-only mentions', () => {
  test('demonyms and country complements fill the country, not the role text', () => {
    const r = analyzeText("L'ambassadeur itinérant de Russie Ivan Korolev a démenti. Le président gabonais Paul Ndong a réagi.", 'fr', '2023-10');
    const korolev = entityOf(r.entities, 'Ivan Korolev');
    assert.deepEqual([korolev?.country, korolev?.sector, korolev?.roles], ['RUS', 'GOV', ['ambassadeur itinérant']]);
    assert.equal(entityOf(r.entities, 'Russie')?.country, 'RUS');
    const ndong = entityOf(r.entities, 'Paul Ndong');
    assert.deepEqual([ndong?.country, ndong?.roles], ['GAB', ['président']]);
  });

  test('an apposition after the name, cut at a locative preposition', () => {
    const r = analyzeText("Anne Morel, professeure à l'Université de Stanford, a témoigné.", 'fr');
    const e = entityOf(r.entities, 'Anne Morel');
    assert.deepEqual([e?.type, e?.sector, e?.roles], ['PER', 'EDU', ['professeure']]);
  });

  test('a name after de is the complement of the role, not its holder', () => {
    const r = analyzeText('Le juge du Nouveau-Brunswick a statué.', 'fr');
    assert.ok(r.entities.every((e) => e.roles.length === 0));
  });

  test('English word order: demonym and role before the name', () => {
    const r = analyzeText('Chinese Defense Minister Li Shangfu met Kremlin spokesman Dmitry Peskov.', 'en', '2023-04');
    const li = entityOf(r.entities, 'Li Shangfu');
    assert.deepEqual([li?.country, li?.sector, li?.roles], ['CHN', 'GOV', ['Defense Minister']]);
    assert.equal(entityOf(r.entities, 'Dmitry Peskov')?.roles[0], 'Kremlin spokesman');
  });

  test('a role-only mention without a named holder is dropped', () => {
    const r = analyzeText('Le président russe a parlé.', 'fr');
    assert.deepEqual(r.entities, []);
  });
});

describe('linking: dates, transliterations, candidates', () => {
  test("a person's sector follows the document's date", () => {
    assert.equal(entityOf(analyzeText('Joe Biden a parlé.', 'fr', '2023-10').entities, 'Joe Biden')?.sector, 'GOV');
    assert.equal(entityOf(analyzeText('Joe Biden a parlé.', 'fr', '2019-05').entities, 'Joe Biden')?.sector, 'ELI');
  });

  test('French transliterations link to the English KB spelling', () => {
    const r = analyzeText('Sergueï Choïgou et Dmitri Medvedev ont parlé avec Alexandre Loukachenko.', 'fr', '2023-10');
    assert.equal(entityOf(r.entities, 'Sergueï Choïgou')?.kb, 'veille:person/sergey-shoigu');
    assert.equal(entityOf(r.entities, 'Dmitri Medvedev')?.kb, 'veille:person/dmitry-medvedev');
    assert.equal(entityOf(r.entities, 'Alexandre Loukachenko')?.country, 'BLR');
  });

  test('two entries fit: candidates are kept, the text decides the best', () => {
    const dir = mkdtempSync(join(tmpdir(), 'veille-kb-amb-'));
    writeFileSync(join(dir, 'kb.json'), JSON.stringify({ entries: [
      { id: 'veille:country/FRA', type: 'GPE', kind: 'country', names: { fr: ['France'] }, country: 'FRA', demonyms: { fr: ['français'] } },
      { id: 'veille:country/BEL', type: 'GPE', kind: 'country', names: { fr: ['Belgique'] }, country: 'BEL', demonyms: { fr: ['belge'] } },
      { id: 'veille:test/jean-martin-fr', type: 'PER', kind: 'person', names: { any: ['Jean Martin'] }, country: 'FRA', sector: 'GOV' },
      { id: 'veille:test/jean-martin-be', type: 'PER', kind: 'person', names: { any: ['Jean Martin'] }, country: 'BEL', sector: 'GOV' },
    ] }));
    const kb = loadKnowledgeBase({ dir, userDir: null });
    const run = (text: string): Entity[] => {
      const lang = languageData('fr');
      return extractEntities({ text, lang: 'fr', date: null, tokens: tokenize(text, lang), sentences: splitSentences(text, lang) }, kb, entityLexicon(lang));
    };
    const plain = run('Jean Martin a parlé.')[0]!;
    assert.equal(plain.candidates?.length, 2);
    assert.ok(Math.abs(plain.candidates!.reduce((n, c) => n + c.score, 0) - 1) < 0.01);
    const belgian = run('Le ministre belge Jean Martin a parlé.')[0]!;
    assert.equal(belgian.kb, 'veille:test/jean-martin-be');
    assert.equal(belgian.country, 'BEL');
    // the demonym settles it: the French entry falls below the candidate floor
    assert.equal(belgian.candidates, undefined);
  });
});

describe('KB names and case', () => {
  test('a name the KB writes in lower case matches from its lower-case word; a capitalized one does not', () => {
    const e = analyzeText('Des navires ont croisé en mer Noire, puis la flotte a gagné la mer du Japon.', 'fr', '2023-05').entities;
    assert.equal(entityOf(e, 'mer Noire')?.kb, 'veille:place/black-sea');
    assert.equal(entityOf(e, 'mer du Japon')?.type, 'LOC');
    // "flotte", "la" start no KB name in lower case
    assert.deepEqual(e.map((x) => x.mentions[0]?.text), ['mer Noire', 'mer du Japon']);
  });
});
