import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertValidRecord } from '../../../test/support/invariants.js';
import { nameKey } from '../../kb/name-key.js';
import { analyzeText } from './test-support.js';

describe('entities: bad input never crashes', () => {
  test('empty text and whitespace give no entity', () => {
    for (const text of ['', '   \n\n  ']) {
      const r = analyzeText(text);
      assertValidRecord(r);
      assert.deepEqual(r.entities, []);
    }
  });

  test('no capital letters: no name is guessed, demonyms and roles are not entities', () => {
    const r = analyzeText("le ministre russe a rencontré le président américain à la frontière, selon l'agence nord-coréenne.");
    assertValidRecord(r);
    assert.deepEqual(r.entities, []);
  });

  test('all capitals: valid record, KB names still found', () => {
    const r = analyzeText('LE MINISTRE RUSSE SERGUEÏ LAVROV EST ARRIVÉ EN CORÉE DU NORD. WASHINGTON A RÉAGI.');
    assertValidRecord(r);
    const kb = r.entities.map((e) => e.kb);
    assert.ok(kb.includes('veille:person/sergey-lavrov'), JSON.stringify(r.entities.map((e) => e.name)));
    assert.ok(kb.includes('Q423'));
  });

  test('thousands of names: one entity per distinct name (spellings that fold alike are one)', () => {
    const c = 'bdflmnprtv';
    const v = 'aio';
    const names = Array.from({ length: 3000 }, (_, i) => `${c[i % 10]!.toUpperCase()}${v[i % 3]}${c[Math.floor(i / 10) % 10]}${v[Math.floor(i / 30) % 3]}${c[Math.floor(i / 90) % 10]}ardet`);
    const r = analyzeText(names.map((n) => `M. ${n} a parlé.`).join(' '));
    assertValidRecord(r);
    assert.equal(r.entities.length, new Set(names.map(nameKey)).size);
    assert.ok(r.entities.every((e) => e.type === 'PER' && e.kb === null && e.mentions.every((m) => m.text.startsWith('M. '))));
  });

  test('Cyrillic, Korean and Arabic text: valid record, unknown names stay kb null', () => {
    const text = 'Сергей Лавров прибыл в Пхеньян. 김정은 위원장이 말했다. قال وزير الخارجية الروسي سيرغي لافروف. Puis Jean Valcourt est arrivé à Pyongyang.';
    const r = analyzeText(text);
    assertValidRecord(r);
    const valcourt = r.entities.find((e) => e.name === 'Jean Valcourt');
    assert.ok(valcourt);
    assert.equal(valcourt.kb, null);
    assert.ok(r.entities.some((e) => e.kb === 'veille:capital/PRK'));
  });

  test('an unknown language falls back to French data and still works', () => {
    const r = analyzeText('Emmanuel Macron est à Berlin.', 'und');
    assertValidRecord(r);
    assert.ok(r.entities.some((e) => e.kb === 'Q3052772'));
  });

  test('odd punctuation, hyphens and apostrophes do not break spans', () => {
    const r = analyzeText("«Washington»—Kim-Jong-Un… l'ONU's (Pyongyang)!!! -Moscou- 'Lavrov'");
    assertValidRecord(r);
  });
});
