import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalyzerInput } from '../../core/analyzer.js';
import type { Layers } from '../../core/layers.js';
import type { Claim, Doc, Entity } from '../../core/record.js';
import { languageData } from '../../lang/load.js';
import { splitSentences } from '../../text/sentences.js';
import { tokenize } from '../../text/tokens.js';
import { createEventsAnalyzer, linkClaimEvents } from './index.js';

/** Entities as the entities analyzer would give them: each name with its country, found in the text. */
function entitiesOf(text: string, names: [string, string, string | null, Entity['type']][]): Entity[] {
  return names.map(([name, country, sector, type], i) => {
    const mentions = [];
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) mentions.push({ start: at, end: at + name.length, text: name });
    return { id: `e${i + 1}`, type, name, kb: null, country, sector, roles: [], mentions };
  });
}

function input(text: string, entities: Entity[], claims: Claim[] = []): AnalyzerInput {
  const lang = languageData('fr');
  const sentences = splitSentences(text, lang);
  const doc: Doc = { id: '0123456789abcdef', origin: 'test', source: { name: null, url: null }, title: null, date: '2023-10', language: 'fr', text };
  const layers: Partial<Layers> = { sentences, tokens: sentences.flatMap((s) => tokenize(text, lang, s)), entities, times: [], claims };
  return { doc, layers, lang };
}

const events = createEventsAnalyzer({ patternsDir: null });

describe('events from hand-built layers (entities and claims given)', () => {
  const text = 'Kiev assure que la Russie a bombardé Odessa. Moscou dément que la Russie a bombardé Odessa.';
  const entities = entitiesOf(text, [['Kiev', 'UKR', 'GOV', 'GPE'], ['Russie', 'RUS', null, 'GPE'], ['Odessa', 'UKR', null, 'GPE'], ['Moscou', 'RUS', 'GOV', 'GPE']]);
  const claimAt = (id: string, sentence: number, stance: Claim['stance'], source: string, cue: string): Claim => {
    const from = sentence === 0 ? 0 : text.indexOf('Moscou');
    const start = text.indexOf('la Russie', from);
    const end = text.indexOf('.', start);
    const cueAt = text.indexOf(cue, from);
    return { id, start, end, text: text.slice(start, end), stance, source, cue: { start: cueAt, end: cueAt + cue.length, text: cue }, about: null, events: [] };
  };
  const claims = [claimAt('c1', 0, 'assert', 'e1', 'assure'), claimAt('c2', 1, 'deny', 'e4', 'dément')];

  test("a claim's stance sets the modality of what it states: asserted by another → reported, denied → negated", () => {
    const out = events.run(input(text, entities, claims));
    assert.deepEqual(out.events?.map((v) => [v.event, v.actor.map((a) => a.code), v.recipient.map((r) => r.code), v.modality, v.attributed_to, v.modality_cue?.text ?? null]), [
      ['ASSAULT', ['RUS'], ['UKR'], 'reported', 'e1', 'assure'],
      ['REJECT', ['RUS'], [], 'asserted', null, null],
      ['ASSAULT', ['RUS'], ['UKR'], 'negated', null, 'dément'],
    ]);
  });

  test('the claim-events refiner lists in each claim the events its content states', () => {
    const out = events.run(input(text, entities, claims));
    const linked = linkClaimEvents(claims, out.events ?? []);
    assert.deepEqual(linked.map((c) => c.events), [['v1'], ['v3']]);
  });

  test('without claims, the coder reads the reporting and denying verbs itself', () => {
    const out = events.run(input(text, entities));
    assert.deepEqual(out.events?.map((v) => [v.event, v.modality, v.attributed_to]), [['ASSAULT', 'reported', 'e1'], ['REJECT', 'asserted', null], ['ASSAULT', 'negated', null]]);
  });

  test('no entities: triggers are listed as uncoded, no event is invented', () => {
    const out = events.run(input(text, []));
    assert.deepEqual(out.events, []);
    assert.ok((out.uncoded ?? []).length >= 2);
    assert.ok(out.uncoded?.every((u) => (u.reason === 'no_actor' || u.reason === 'negated') && text.slice(u.trigger.start, u.trigger.end) === u.trigger.text));
  });
});
