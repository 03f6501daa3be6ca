import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisRecord, EventRecord } from '../../core/record.js';
import { readPaths } from '../../ingest/index.js';
import { toDocument } from '../../text/document.js';
import { assertValidRecord } from '../../../test/support/invariants.js';
import { needsShared, sharedPath } from '../../../test/support/shared.js';
import { eventsPipeline } from '../../../test/fixtures/events/pipeline.js';

/** The two reference articles in ../shared/seeds, read at run time (their text is never copied here). */
const SEEDS = ['000_765f15cef3fb17ec.txt', '001_ebdcce3c0bc7e0c5.txt'];

const codes = (list: EventRecord['actor']): string[] => [...new Set(list.map((p) => p.code ?? '?'))].sort();

/** Whether an event of this category has these actor and recipient codes (recipient null: any). */
function find(record: AnalysisRecord, event: string, actor: string[], recipient: string[] | null, modality?: string): EventRecord | undefined {
  return record.events.find((v) => v.event === event && codes(v.actor).join() === [...actor].sort().join()
    && (recipient === null || codes(v.recipient).join() === [...recipient].sort().join()) && (modality === undefined || v.modality === modality));
}

const country = (record: AnalysisRecord, id: string | null): string | null => record.entities.find((e) => e.id === id)?.country ?? null;

describe('events on the real seeds', { skip: needsShared('seeds', SEEDS[0] as string) }, () => {
  const records: AnalysisRecord[] = [];
  before(async () => {
    const { pipeline } = eventsPipeline();
    for await (const outcome of readPaths(SEEDS.map((s) => sharedPath('seeds', s)))) {
      if (outcome.ok) records.push(pipeline.analyze(toDocument(outcome.doc)));
    }
  });

  test('both records are valid and the same twice', async () => {
    assert.equal(records.length, 2);
    for (const r of records) assertValidRecord(r);
    const { pipeline } = eventsPipeline();
    for await (const outcome of readPaths([sharedPath('seeds', SEEDS[0] as string)])) {
      if (outcome.ok) assert.equal(JSON.stringify(pipeline.analyze(toDocument(outcome.doc))), JSON.stringify(records[0]));
    }
  });

  test("Lavrov's visit: CONSULT visit RUS→PRK, and future (AGREE) where it is announced", () => {
    const [a, b] = records as [AnalysisRecord, AnalysisRecord];
    const visit = find(a, 'CONSULT', ['RUS'], ['PRK'], 'asserted');
    assert.ok(visit && visit.mode.includes('visit') && (visit.mentions?.length ?? 0) >= 2, 'the visit, told several times, is one event');
    const planned = find(b, 'AGREE', ['RUS'], ['PRK'], 'future');
    assert.equal(planned?.recoded_from, 'CONSULT');
  });

  test("Putin's visit to come, accepted invitations and meeting with Kim", () => {
    const [a, b] = records as [AnalysisRecord, AnalysisRecord];
    assert.ok(find(a, 'AGREE', ['RUS'], ['PRK'], 'future'), 'the visit to Pyongyang that is to come');
    assert.ok(find(a, 'AGREE', ['RUS'], ['VNM'], 'asserted'), 'the invitation to Hanoi, accepted');
    assert.ok(find(b, 'AGREE', ['RUS'], ['PRK'], 'asserted'), "Kim's invitation, accepted");
    assert.ok(find(a, 'CONSULT', ['PRK'], ['RUS']) ?? find(a, 'CONSULT', ['PRK', 'RUS'], []), 'the Putin–Kim meeting');
  });

  test('the munitions deliveries are reported AID PRK→RUS, attributed to the United States', () => {
    for (const r of records) {
      const aid = r.events.filter((v) => v.event === 'AID' && codes(v.actor).join() === 'PRK' && codes(v.recipient).join() === 'RUS');
      assert.ok(aid.length > 0);
      for (const v of aid) {
        assert.equal(v.modality, 'reported');
        assert.equal(country(r, v.attributed_to), 'USA');
      }
    }
  });

  test('the US accusation (ACCUSE USA→PRK) and the denials (REJECT PRK and RUS → USA)', () => {
    for (const r of records) {
      assert.ok(find(r, 'ACCUSE', ['USA'], ['PRK']), 'accusation');
      assert.ok(find(r, 'REJECT', ['PRK', 'RUS'], ['USA'], 'asserted'), 'denial');
    }
  });

  test('the Gaza and Zaporizhzhia air strikes, the UN sanctions', () => {
    const [a] = records as [AnalysisRecord];
    const strikes = a.events.filter((v) => v.event === 'ASSAULT' && v.mode.includes('aerial'));
    assert.equal(strikes.length, 2);
    assert.ok(strikes.some((v) => v.event_loc?.code === 'PSE'));
    assert.ok(find(a, 'SANCTION', ['UNO'], ['PRK']));
  });

  test("Choigu's visit, Biden's trip, Lavrov meeting Wang Yi", () => {
    const [, b] = records as [AnalysisRecord, AnalysisRecord];
    assert.ok(b.events.some((v) => v.event === 'CONSULT' && v.mode.includes('visit') && v.actor.some((p) => /Cho[iï]gu?/.test(p.name)) && codes(v.recipient).join() === 'PRK'));
    assert.ok(find(b, 'AGREE', ['USA'], ['ISR'], 'future'));
    assert.ok(find(b, 'CONSULT', ['CHN', 'RUS'], []));
  });

  test('nothing said as possible or denied is coded as asserted', () => {
    const [a, b] = records as [AnalysisRecord, AnalysisRecord];
    assert.ok(find(b, 'AGREE', ['RUS'], ['PRK'], 'hypothetical'), 'aid offered as a possibility is hypothetical');
    for (const r of [a, b]) {
      for (const v of r.events.filter((e) => e.modality === 'asserted')) {
        const before = r.doc.text.slice(v.evidence.start, v.start);
        assert.ok(!/\b(pourrai(en)?t|pourra)\s+\S*$/.test(before), `${v.id} ${v.event_text}: a possibility coded as asserted`);
        assert.ok(!/\bn[e’']\s*\S*\s*pas\s*$/.test(before), `${v.id} ${v.event_text}: a negation coded as asserted`);
      }
    }
  });
});
