import { describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Claim } from '../../core/record.js';
import { entityName, fixtureTests, type AttributionFixture } from '../../../test/support/attribution.js';

/** A claim as a fixture states it: the source by entity name, the cue by its text, `about` by index in the list. */
type StatedClaim = Pick<Claim, 'text' | 'stance'> & { source: string | null; cue: string | null; about: number | null; rule: string };

describe('claims: golden fixtures (test/fixtures/claims), hand-built entities', () => {
  fixtureTests<AttributionFixture & { claims: StatedClaim[] }>('claims', (r, fx) => {
    const index = (id: string | null): number | null => (id === null ? null : r.claims.findIndex((x) => x.id === id));
    const stated = r.claims.map((c): StatedClaim => ({ text: c.text, stance: c.stance, source: entityName(r, c.source), cue: c.cue?.text ?? null, about: index(c.about), rule: c.rule ?? '' }));
    assert.deepEqual(stated, fx.claims);
    r.claims.forEach((c, i) => {
      assert.equal(c.id, `c${i + 1}`);
      assert.ok(Array.isArray(c.events));
    });
  });
});
