import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { assertValidRecord } from '../../../test/support/invariants.js';
import { analyzeText } from './test-support.js';

const DIR = new URL('../../../test/fixtures/entities/', import.meta.url);

interface Fixture {
  about: string;
  lang: string;
  date: string | null;
  text: string;
  entities: { type: string; name: string; kb: string | null; country: string | null; sector: string | null; roles: string[]; mentions: string[] }[];
}

describe('entities: golden fixtures (test/fixtures/entities)', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()) {
    const fx = JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) as Fixture;
    test(`${file}: ${fx.about.slice(0, 80)}`, () => {
      const record = analyzeText(fx.text, fx.lang, fx.date);
      assertValidRecord(record);
      const got = record.entities.map((e) => ({
        type: e.type, name: e.name, kb: e.kb, country: e.country, sector: e.sector, roles: e.roles, mentions: e.mentions.map((m) => m.text),
      }));
      assert.deepEqual(got, fx.entities);
      record.entities.forEach((e, i) => {
        assert.equal(e.id, `e${i + 1}`);
        assert.ok(e.rule && e.rule.length > 0, `${e.name} has a rule`);
      });
    });
  }
});
