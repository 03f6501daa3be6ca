import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isVeilleError } from '../core/errors.js';
import { affiliationAt } from './affiliation.js';
import { keysOf, loadKnowledgeBase, type KbEntry } from './knowledge-base.js';

function kbDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'veille-kb-'));
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), typeof data === 'string' ? data : JSON.stringify(data));
  return dir;
}

const SHIPPED = {
  '_gen.json': { entries: [
    { id: 'veille:phoenix/JOHN_DOE', type: 'PER', kind: 'person', names: { any: ['John Doe'] }, country: 'USA', sector: 'ELI', source: 'phoenix:x' },
    { id: 'veille:country/FRA', type: 'GPE', kind: 'country', names: { fr: ['France'], en: ['France'] }, country: 'FRA', demonyms: { fr: ['français', 'françaises'] } },
  ], given_names: ['John'] },
  'people.json': { entries: [
    { id: 'veille:person/ana-lopez', type: 'PER', kind: 'person', names: { any: ['Ana López'] }, country: 'ESP', sector: 'GOV' },
    { id: 'veille:person/john-doe', type: 'PER', kind: 'person', names: { any: ['John Doe', 'Doe'] }, country: 'USA', sector: 'GOV', replaces: ['veille:phoenix/JOHN_DOE'] },
  ] },
};

function lookup(kb: ReturnType<typeof loadKnowledgeBase>, name: string): KbEntry[] {
  const out: KbEntry[] = [];
  kb.names.walk((i) => keysOf(name)[i] ?? null, 0, (len, values) => {
    if (len === keysOf(name).length) out.push(...values.map((v) => v.entry));
  });
  return out;
}

describe('loadKnowledgeBase: files, overrides, user directory', () => {
  test('reads generated then hand files; "replaces" drops generated entries', () => {
    const kb = loadKnowledgeBase({ dir: kbDir(SHIPPED), userDir: null });
    assert.equal(kb.entries.has('veille:phoenix/JOHN_DOE'), false);
    assert.deepEqual(lookup(kb, 'John Doe').map((e) => e.id), ['veille:person/john-doe']);
    assert.deepEqual(lookup(kb, 'Ana Lopez').map((e) => e.id), ['veille:person/ana-lopez']); // accents fold
    assert.equal(kb.country('FRA')?.id, 'veille:country/FRA');
    assert.ok(kb.givenNames.has(keysOf('John')[0]!));
  });

  test('a user directory adds entries, overrides fields, adds names and drops entries', () => {
    const user = kbDir({
      'mine.json': { entries: [
        { id: 'veille:person/ana-lopez', sector: 'MIL', names: { fr: ['la générale López'] } },
        { id: 'veille:person/john-doe', drop: true },
        { id: 'veille:user/zed', type: 'ORG', kind: 'org', names: { any: ['Zed Industries'] }, country: 'CAN', sector: 'BUS' },
      ] },
    });
    const kb = loadKnowledgeBase({ dir: kbDir(SHIPPED), userDir: user });
    const ana = kb.entries.get('veille:person/ana-lopez')!;
    assert.equal(ana.sector, 'MIL');
    assert.equal(ana.country, 'ESP');
    assert.equal(ana.priority, 2);
    assert.deepEqual(ana.names.any, ['Ana López']);
    assert.deepEqual(ana.names.fr, ['la générale López']);
    assert.equal(kb.entries.has('veille:person/john-doe'), false);
    assert.equal(kb.entries.get('veille:user/zed')?.country, 'CAN');
  });

  test('bad files fail with a VeilleError naming the file', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ 'a.json': '{ not json' }, 'MALFORMED'],
      [{ 'a.json': { entries: {} } }, 'MALFORMED'],
      [{ 'a.json': { entries: [{ names: { any: ['X'] } }] } }, 'MALFORMED'],
      [{ 'a.json': { entries: [{ id: 'x', country: 'France' }] } }, 'MALFORMED'],
      [{ 'a.json': { entries: [{ id: 'x', type: 'PERSON' }] } }, 'MALFORMED'],
      [{ 'a.json': { entries: [{ id: 'x', names: ['X'] }] } }, 'MALFORMED'],
    ];
    for (const [files, code] of cases) {
      const dir = kbDir(files);
      assert.throws(() => loadKnowledgeBase({ dir, userDir: null }), (e: unknown) => isVeilleError(e) && e.code === code && e.message.includes(join(dir, 'a.json')));
    }
  });

  test('a missing user directory is an UNREADABLE error naming it', () => {
    const missing = join(tmpdir(), 'veille-kb-does-not-exist');
    assert.throws(() => loadKnowledgeBase({ dir: kbDir(SHIPPED), userDir: missing }), (e: unknown) => isVeilleError(e) && e.code === 'UNREADABLE' && e.message.includes(missing));
  });

  test('a user directory named by VEILLE_KB_DIR is read by default', () => {
    const user = kbDir({ 'x.json': { entries: [{ id: 'veille:user/q', type: 'PER', kind: 'person', names: { any: ['Quentin Zorglub'] }, country: 'BEL' }] } });
    const dir = kbDir(SHIPPED);
    mkdirSync(join(dir, 'sub'));
    const before = process.env['VEILLE_KB_DIR'];
    process.env['VEILLE_KB_DIR'] = user;
    try {
      assert.equal(loadKnowledgeBase({ dir }).entries.get('veille:user/q')?.country, 'BEL');
    } finally {
      if (before === undefined) delete process.env['VEILLE_KB_DIR'];
      else process.env['VEILLE_KB_DIR'] = before;
    }
  });
});

describe('the shipped knowledge base', () => {
  const kb = loadKnowledgeBase({ userDir: null });
  test('countries have French and English names, articles, demonyms and Wikidata ids', () => {
    const prk = kb.country('PRK')!;
    assert.ok(prk.names.fr?.includes('Corée du Nord'));
    assert.ok(prk.names.en?.includes('North Korea'));
    assert.equal(prk.kb, 'Q423');
    assert.deepEqual(lookup(kb, 'les États-Unis').length, 0); // articles are not part of names
    assert.equal(lookup(kb, 'États-Unis')[0]?.country, 'USA');
    for (const d of ['nord-coréen', 'nord-coréenne', 'nord-coréens', 'Nord-Coréennes']) {
      let found = '';
      kb.demonyms.walk((i) => keysOf(d)[i] ?? null, 0, (len, v) => {
        if (len === keysOf(d).length) found = v[0]!.country;
      });
      assert.equal(found, 'PRK', d);
    }
  });

  test('seats of power and capitals stand for their government', () => {
    assert.deepEqual(lookup(kb, 'Kremlin').find((e) => e.kind === 'seat')?.metonym, { country: 'RUS', sector: 'GOV', always: true });
    assert.equal(lookup(kb, 'Maison Blanche').find((e) => e.kind === 'seat')?.metonym?.country, 'USA');
    const moscow = lookup(kb, 'Moscou').find((e) => e.kind === 'capital');
    assert.equal(moscow?.metonym?.country, 'RUS');
    assert.equal(lookup(kb, 'Pyongyang').find((e) => e.kind === 'capital')?.country, 'PRK');
  });

  test('international organizations carry PLOVER codes', () => {
    assert.equal(lookup(kb, 'ONU')[0]?.country, 'UNO');
    assert.equal(lookup(kb, 'OTAN')[0]?.country, 'IGO');
    assert.equal(lookup(kb, 'Union européenne')[0]?.country, 'EUR');
    assert.equal(lookup(kb, 'CPI')[0]?.kb, 'Q47488');
  });

  test('people: transliterations by rule, Phoenix dates, newer office holders by hand', () => {
    assert.equal(lookup(kb, 'Sergueï Lavrov')[0]?.id, 'veille:person/sergey-lavrov');
    assert.equal(lookup(kb, 'Sergueï Choïgu')[0]?.id, 'veille:person/sergey-shoigu');
    assert.equal(lookup(kb, 'Poutine')[0]?.kb, 'Q7747');
    assert.equal(lookup(kb, 'Kim Jong Un')[0]?.country, 'PRK');
    const biden = lookup(kb, 'Joe Biden')[0]!;
    assert.deepEqual(affiliationAt(biden, '2023-10'), { country: 'USA', sector: 'GOV' });
    assert.deepEqual(affiliationAt(biden, '2019'), { country: 'USA', sector: 'ELI' });
    const yeltsin = lookup(kb, 'Boris Yeltsin')[0]!;
    assert.equal(yeltsin.source.startsWith('phoenix'), true);
    assert.deepEqual(affiliationAt(yeltsin, '1995-06-01'), { country: 'RUS', sector: 'GOV' });
    assert.deepEqual(affiliationAt(yeltsin, '2005'), { country: 'RUS', sector: 'ELI' });
  });
});

describe('affiliationAt', () => {
  const entry: KbEntry = {
    id: 'x', kb: 'x', type: 'PER', kind: 'person', names: {}, country: 'FRA', sector: 'ELI', metonym: null, roles: {}, priority: 1, source: 'hand',
    periods: [{ sector: 'GOV', from: '2010-01-01', to: '2015-01-01' }, { country: 'BEL', sector: 'LEG', from: '2014-06-01' }],
  };
  test('the period holding the date, the latest-starting when several do', () => {
    assert.deepEqual(affiliationAt(entry, '2012-03-04'), { country: 'FRA', sector: 'GOV' });
    assert.deepEqual(affiliationAt(entry, '2014-10'), { country: 'BEL', sector: 'LEG' });
    assert.deepEqual(affiliationAt(entry, '2005'), { country: 'FRA', sector: 'ELI' });
  });
  test('without a date: the latest period still open', () => {
    assert.deepEqual(affiliationAt(entry, null), { country: 'BEL', sector: 'LEG' });
  });
});

describe('loadKnowledgeBase: names a lower-case word may start', () => {
  test('lowerNames holds the names written in lower case, names holds every name', () => {
    const kb = loadKnowledgeBase({ dir: kbDir({ 'places.json': { entries: [
      { id: 'veille:place/etang-bleu', type: 'LOC', kind: 'place', names: { fr: ['étang Bleu'] } },
      { id: 'veille:place/val-clair', type: 'LOC', kind: 'place', names: { fr: ['Val Clair'] } },
    ] } }), userDir: null });
    const first = (trie: typeof kb.names, name: string): boolean => trie.first(keysOf(name)[0] ?? '') !== null;
    assert.equal(first(kb.lowerNames, 'étang Bleu'), true);
    assert.equal(first(kb.lowerNames, 'Val Clair'), false);
    assert.equal(first(kb.names, 'étang Bleu'), true);
    assert.equal(first(kb.names, 'Val Clair'), true);
  });
});

describe('loadKnowledgeBase: rules over the old dictionaries', () => {
  const kb = loadKnowledgeBase({ dir: kbDir({
    '_countries.json': { entries: [
      { id: 'veille:country/BIH', type: 'GPE', kind: 'country', names: { en: ['Bosnia and Herzegovina'] }, country: 'BIH', demonyms: { en: ['Bosnian, Herzegovinian'] } },
      { id: 'veille:country/PSE', type: 'GPE', kind: 'country', names: { en: ['Palestine'] }, country: 'PSE', demonyms: { en: ['Palestinian'] } },
      { id: 'veille:country/FJI', type: 'GPE', kind: 'country', names: { en: ['Fiji'] }, country: 'FJI' },
      { id: 'veille:country/PHL', type: 'GPE', kind: 'country', names: { en: ['Philippines'] }, country: 'PHL', demonyms: { en: ['Philippine'] } },
    ] },
    '_phoenix.json': { entries: [
      { id: 'veille:phoenix/NORTH_FRONT_NF', type: 'ORG', kind: 'org', names: { en: ['Northern Liberation Front (nlf)'] }, country: 'PHL', sector: 'REB', source: 'phoenix:x' },
      { id: 'veille:phoenix/NORTH_FRONT', type: 'ORG', kind: 'org', names: { en: ['Northern Liberation Front'] }, country: 'IMG', sector: 'REB', source: 'phoenix:x' },
      { id: 'veille:phoenix/BLUE_HAND', type: 'ORG', kind: 'org', names: { en: ['Blue Hand'] }, country: 'IMG', sector: 'REB', source: 'phoenix:x' },
      { id: 'veille:phoenix/AMERICAN_X', type: 'GPE', kind: 'place', names: { en: ['Westland (us)'] }, country: 'PHL', source: 'phoenix:x' },
      { id: 'veille:phoenix/PAL_FRONT', type: 'ORG', kind: 'org', names: { en: ['Palestinian Struggle Front', 'Jabhat Fi Filastin'] }, country: 'MEA', sector: 'REB', source: 'phoenix:x' },
      { id: 'veille:phoenix/SEA_GROUP', type: 'ORG', kind: 'org', names: { en: ['Latin Palestinian Union'] }, country: 'MEA', source: 'phoenix:x' },
    ] },
  }), userDir: null });
  const nationality = (word: string): string[] => {
    const out: string[] = [];
    kb.demonyms.walk((i) => keysOf(word)[i] ?? null, 0, (_, hits) => out.push(...hits.map((h) => h.country)));
    return out;
  };

  test('a demonym written as a comma list is each of its forms', () => {
    assert.deepEqual(nationality('Bosnian'), ['BIH']);
    assert.deepEqual(nationality('Herzegovinian'), ['BIH']);
  });
  test('a name ending with its acronym in parentheses also matches without it; a place in parentheses does not', () => {
    assert.deepEqual(lookup(kb, 'Northern Liberation Front').map((e) => e.id).sort(), ['veille:phoenix/NORTH_FRONT', 'veille:phoenix/NORTH_FRONT_NF']);
    assert.deepEqual(lookup(kb, 'Westland'), []);
  });
  test('a group placed in a region takes the one country its names spell, a nationality only as first word', () => {
    assert.equal(kb.entries.get('veille:phoenix/PAL_FRONT')?.country, 'PSE');
    assert.equal(kb.entries.get('veille:phoenix/SEA_GROUP')?.country, 'MEA');
  });
  test('an IMG group every name of which is a group of one country is of that country', () => {
    assert.equal(kb.entries.get('veille:phoenix/NORTH_FRONT')?.country, 'PHL');
    assert.equal(kb.entries.get('veille:phoenix/BLUE_HAND')?.country, 'IMG');
  });
});
