import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import type { AnalysisRecord, Entity } from '../../core/record.js';
import { assertValidRecord } from '../../../test/support/invariants.js';
import { needsShared, sharedPath } from '../../../test/support/shared.js';
import { analyzeText } from './test-support.js';

const skip = needsShared('seeds');

/** A seed: its first line starts with a ` date YYYY-MM ` header (until the ingest reader strips it). */
function readSeed(name: string): { text: string; date: string | null } {
  const raw = readFileSync(sharedPath('seeds', name), 'utf8');
  const m = raw.match(/^ date (\S+) /);
  return m ? { text: raw.slice(m[0].length), date: m[1] ?? null } : { text: raw, date: null };
}

function entitiesMentioning(r: AnalysisRecord, surface: string): Entity[] {
  return r.entities.filter((e) => e.mentions.some((m) => m.text === surface || m.text.endsWith(` ${surface}`)));
}

/** The "Done when": who carries which country, which capitals and seats stand for governments. */
const PEOPLE: [string, string][] = [
  ['Lavrov', 'RUS'], ['Poutine', 'RUS'], ['Kim', 'PRK'], ['Peskov', 'RUS'], ['Burmistrov', 'RUS'], ['Kirby', 'USA'],
  ['Biden', 'USA'], ['Wang Yi', 'CHN'], ['Choïgu', 'RUS'], ['Hecker', 'USA'], ['Lee', 'USA'],
];
const GOVERNMENTS: [string, string][] = [['Washington', 'USA'], ['Kremlin', 'RUS'], ['Pyongyang', 'PRK'], ['Moscou', 'RUS']];

describe('entities on the seed articles (../shared/seeds)', { skip }, () => {
  const seeds = skip ? [] : readdirSync(sharedPath('seeds')).filter((f) => f.endsWith('.txt')).sort();
  const records = new Map<string, AnalysisRecord>();
  const recordOf = (name: string): AnalysisRecord => {
    let r = records.get(name);
    if (!r) {
      const { text, date } = readSeed(name);
      r = analyzeText(text, 'fr', date);
      records.set(name, r);
    }
    return r;
  };

  test('records are valid', () => {
    for (const s of seeds) assertValidRecord(recordOf(s));
  });

  test('people carry their country (Done when)', () => {
    for (const [surface, country] of PEOPLE) {
      const found = seeds.flatMap((s) => entitiesMentioning(recordOf(s), surface));
      assert.ok(found.length > 0, `${surface}: no entity`);
      for (const e of found) {
        assert.equal(e.type, 'PER', `${surface}: ${e.name} is ${e.type}`);
        assert.equal(e.country, country, `${surface}: ${e.name} has country ${e.country}`);
      }
    }
  });

  test('capitals and seats of power resolve to their country with GOV in political uses', () => {
    for (const [surface, country] of GOVERNMENTS) {
      const found = seeds.flatMap((s) => entitiesMentioning(recordOf(s), surface));
      assert.ok(found.some((e) => e.country === country && e.sector === 'GOV' && e.type === 'GPE'), `${surface}: ${JSON.stringify(found.map((e) => [e.name, e.country, e.sector]))}`);
    }
  });

  test('mentions of one person are grouped (partial names, role mentions)', () => {
    for (const s of seeds) {
      const r = recordOf(s);
      for (const surface of ['Lavrov', 'Poutine', 'Kim']) {
        const found = entitiesMentioning(r, surface);
        assert.ok(found.length <= 1, `${s}: ${surface} split over ${found.map((e) => e.name).join(', ')}`);
      }
    }
  });

  test('"la Ceinture et la Route" is never a place', () => {
    for (const s of seeds) {
      for (const e of recordOf(s).entities) {
        if (e.mentions.some((m) => m.text.includes('Ceinture'))) assert.equal(e.type, 'MISC', `${s}: ${e.name} is ${e.type}`);
        if (e.mentions.some((m) => /^Route$/.test(m.text))) assert.fail(`${s}: "Route" alone is an entity`);
      }
    }
  });

  test('demonyms are never entities of their own', () => {
    for (const s of seeds) {
      for (const e of recordOf(s).entities) {
        for (const m of e.mentions) assert.ok(!/^(Russes?|Nord-Coréens?|nord-coréen(ne)?s?|russes?|américaine?s?|chinoise?s?)$/.test(m.text), `${s}: ${m.text}`);
      }
    }
  });
});
