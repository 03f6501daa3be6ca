import { describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Quote } from '../../core/record.js';
import { entityName, fixtureTests, type AttributionFixture } from '../../../test/support/attribution.js';

/** A quote as a fixture states it: the speaker by entity name, the cue by its text. */
type StatedQuote = Pick<Quote, 'text' | 'kind' | 'speaker_text'> & { speaker: string | null; cue: string | null; rule: string };

describe('quotes: golden fixtures (test/fixtures/quotes), hand-built entities', () => {
  fixtureTests<AttributionFixture & { quotes: StatedQuote[] }>('quotes', (r, fx) => {
    const stated = r.quotes.map((q): StatedQuote => ({ text: q.text, kind: q.kind, speaker: entityName(r, q.speaker), speaker_text: q.speaker_text, cue: q.cue?.text ?? null, rule: q.rule ?? '' }));
    assert.deepEqual(stated, fx.quotes);
    r.quotes.forEach((q, i) => assert.equal(q.id, `q${i + 1}`));
  });
});
