import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import type { AnalysisRecord, EventParticipant } from '../../core/record.js';
import { assertValidRecord } from '../../../test/support/invariants.js';
import { analyzeEvents } from '../../../test/fixtures/events/pipeline.js';

const DIR = new URL('../../../test/fixtures/events/', import.meta.url);

interface Fixture {
  about: string;
  lang: string;
  date: string | null;
  text: string;
  events: Record<string, unknown>[];
  uncoded: { trigger: string; rule: string; reason: string }[];
}

const who = (p: EventParticipant): string => `${p.name}/${p.code ?? 'null'}/${p.sector ?? 'null'}`;

/** The fields a fixture states, in its words: participants as name/code/sector, references as names. */
function project(record: AnalysisRecord): { events: Record<string, unknown>[]; uncoded: Fixture['uncoded'] } {
  const name = (id: string | null): string | null => (id ? (record.entities.find((e) => e.id === id)?.name ?? id) : null);
  return {
    events: record.events.map((v) => ({
      event: v.event, mode: v.mode, actor: v.actor.map(who), recipient: v.recipient.map(who), modality: v.modality,
      modality_cue: v.modality_cue?.text ?? null, attributed_to: name(v.attributed_to), date: v.date, event_text: v.event_text,
      rule: v.rule, mentions: v.mentions?.length ?? 1,
    })),
    uncoded: (record.uncoded ?? []).map((u) => ({ trigger: u.trigger.text, rule: u.rule, reason: u.reason })),
  };
}

describe('events: golden fixtures (test/fixtures/events)', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()) {
    const fx = JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) as Fixture;
    test(`${file}: ${fx.about.slice(0, 90)}`, () => {
      const record = analyzeEvents(fx.text, fx.lang, fx.date);
      assertValidRecord(record);
      assert.deepEqual(project(record), { events: fx.events, uncoded: fx.uncoded });
      record.events.forEach((v, i) => {
        assert.equal(v.id, `v${i + 1}`);
        assert.equal(record.doc.text.slice(v.evidence.start, v.evidence.end).includes(v.event_text), true, `${v.id} evidence holds its trigger`);
      });
    });
  }

  test('the same text gives the same record, byte for byte', () => {
    const fx = JSON.parse(readFileSync(new URL('fr-modality.json', DIR), 'utf8')) as Fixture;
    const a = JSON.stringify(analyzeEvents(fx.text, fx.lang, fx.date));
    const b = JSON.stringify(analyzeEvents(fx.text, fx.lang, fx.date));
    assert.equal(a, b);
  });
});
