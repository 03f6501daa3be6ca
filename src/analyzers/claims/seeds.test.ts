import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisRecord, Claim } from '../../core/record.js';
import { entityOf, mentions, SEEDS_SKIP, seedsBeforeAll } from '../../../test/support/seed-records.js';

// Sources and the countries the denials name come from the entities layer: every test here needs it.
describe('claims on the seed articles (../shared/seeds), real pipeline', { skip: SEEDS_SKIP }, () => {
  const { all, seed } = seedsBeforeAll();
  const country = (r: AnalysisRecord, c: Claim): string | null => entityOf(r, c.source)?.country ?? null;
  const denialsOf = (r: AnalysisRecord, text: string): Claim[] => r.claims.filter((c) => c.stance === 'deny' && c.text === text);

  test('the US claim of the container deliveries: assert, source Washington (United States)', () => {
    const r = seed('000_');
    const us = r.claims.find((c) => c.stance === 'assert' && c.text.includes('1 000 conteneurs'));
    assert.ok(us, 'no claim of the deliveries');
    assert.equal(us.cue?.text, 'a affirmé');
    assert.equal(country(r, us), 'USA');
    assert.ok(mentions(entityOf(r, us.source), 'Washington'));
  });

  test('the North Korean and Kremlin denials: one deny claim each, about the US claim', () => {
    const r = seed('000_');
    const us = r.claims.find((c) => c.stance === 'assert' && c.text.includes('1 000 conteneurs'))!;
    const denials = denialsOf(r, 'Les allégations américaines');
    assert.deepEqual(denials.map((d) => country(r, d)).sort(), ['PRK', 'RUS']);
    assert.ok(denials.some((d) => mentions(entityOf(r, d.source), 'Kremlin')));
    for (const d of denials) {
      assert.equal(d.about, us.id);
      assert.equal(d.cue?.text, 'ont été démenties');
    }
  });

  test('second text: the US accusations, Kirby\'s claim of the deliveries, and the two denials', () => {
    const r = seed('001_');
    const accusations = r.claims.find((c) => c.stance === 'assert' && c.cue?.text.startsWith('accusations'));
    assert.ok(accusations);
    assert.equal(country(r, accusations), 'USA');
    const kirby = r.claims.find((c) => c.stance === 'assert' && c.text.includes('1 000 conteneurs'));
    assert.ok(kirby);
    assert.ok(mentions(entityOf(r, kirby.source), 'Kirby'));
    assert.equal(country(r, kirby), 'USA');
    const denials = denialsOf(r, 'les accusations américaines');
    assert.deepEqual(denials.map((d) => country(r, d)).sort(), ['PRK', 'RUS']);
    // the denial comes before Kirby's statement: it answers the accusations made earlier
    for (const d of denials) assert.equal(d.about, accusations.id);
  });

  test('claims carry their rule', () => {
    for (const r of all().values()) for (const c of r.claims) assert.match(c.rule ?? '', /^fr\//);
  });
});
