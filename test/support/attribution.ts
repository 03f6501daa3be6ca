import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Analyzer } from '../../src/core/analyzer.js';
import { documentId } from '../../src/core/ids.js';
import { Pipeline } from '../../src/core/pipeline.js';
import type { AnalysisRecord, Doc, Entity, EntityType } from '../../src/core/record.js';
import { claimsAnalyzer } from '../../src/analyzers/claims/index.js';
import { ANALYZERS, createPipeline } from '../../src/analyzers/index.js';
import { sentencesAnalyzer } from '../../src/analyzers/sentences/index.js';
import { tokensAnalyzer } from '../../src/analyzers/tokens/index.js';
import { quotesAnalyzer } from '../../src/analyzers/quotes/index.js';
import { assertValidRecord } from './invariants.js';

/** A document as the pipeline receives it, for tests. */
export function testDoc(text: string, language = 'fr', date: string | null = null): Doc {
  return { id: documentId(text), origin: 'test', source: { name: null, url: null }, title: null, date, language, text };
}

/** An entity of a fixture, its mentions given as the texts they cover, found in order (`"Lee#2"`: the second "Lee" after the previous mention). */
export interface HandEntity {
  type: EntityType;
  name: string;
  country?: string | null;
  sector?: string | null;
  roles?: string[];
  mentions: string[];
}

/** The entities layer of a text from hand-written entities: ids e1, e2… in the given order. */
export function handEntities(text: string, spec: readonly HandEntity[]): Entity[] {
  return spec.map((e, i) => {
    let from = 0;
    const mentions = e.mentions.map((m) => {
      const [needle, nth] = m.includes('#') ? [m.slice(0, m.lastIndexOf('#')), Number(m.slice(m.lastIndexOf('#') + 1))] : [m, 1];
      let start = from - 1;
      for (let k = 0; k < nth; k++) {
        start = text.indexOf(needle, start + 1);
        if (start < 0) throw new Error(`fixture entity ${e.name}: mention ${JSON.stringify(m)} not found in order`);
      }
      from = start + needle.length;
      return { start, end: start + needle.length, text: needle };
    });
    mentions.sort((a, b) => a.start - b.start);
    return { id: `e${i + 1}`, type: e.type, name: e.name, kb: null, country: e.country ?? null, sector: e.sector ?? null, roles: e.roles ?? [], mentions, rule: 'test/hand' };
  });
}

/** An analyzer that assigns a fixed entities layer: quotes and claims tested apart from entity recognition. */
function fixedEntities(entities: Entity[]): Analyzer {
  return { name: 'entities', version: 'hand', requires: ['sentences', 'tokens'], assigns: ['entities'], run: () => ({ entities }) };
}

/** The record of a text through sentences, tokens, the given entities, quotes and claims. */
export function analyzeWithEntities(text: string, language: string, spec: readonly HandEntity[]): AnalysisRecord {
  return analyzeWithEntityLayer(text, language, handEntities(text, spec));
}

/** The record of a text through sentences, tokens, this entities layer (as given, even malformed), quotes and claims. */
export function analyzeWithEntityLayer(text: string, language: string, entities: Entity[]): AnalysisRecord {
  return new Pipeline([sentencesAnalyzer, tokensAnalyzer, fixedEntities(entities), quotesAnalyzer, claimsAnalyzer]).analyze(testDoc(text, language));
}

/** Whether the registry has an entities analyzer (the real pipeline tests need one). */
export const ENTITIES_REGISTERED = ANALYZERS.some((a) => a.assigns.includes('entities'));

/** The real pipeline: every registered analyzer. */
export function realPipeline(): Pipeline {
  return createPipeline();
}

/** What every quotes or claims fixture holds: a text with its language and hand-written entities. */
export interface AttributionFixture {
  about: string;
  lang: string;
  text: string;
  entities: HandEntity[];
}

/** The fixtures of test/fixtures/<folder>/*.json, sorted by file name. */
export function readFixtures<F extends AttributionFixture>(folder: string): { file: string; fx: F }[] {
  const dir = new URL(`../fixtures/${folder}/`, import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, fx: JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as F }));
}

/** The record of a fixture, through its hand-written entities. */
export function analyzeFixture(fx: AttributionFixture): AnalysisRecord {
  return analyzeWithEntities(fx.text, fx.lang, fx.entities);
}

/** The name of the entity of an id in a record (`?id` when the record has none), or null. */
export function entityName(r: AnalysisRecord, id: string | null): string | null {
  return id === null ? null : (r.entities.find((e) => e.id === id)?.name ?? `?${id}`);
}

/**
 * The tests of the fixtures of test/fixtures/<folder>: one a fixture — its record is valid and
 * passes `check` — and one that the same text gives the same record, byte for byte.
 */
export function fixtureTests<F extends AttributionFixture>(folder: string, check: (r: AnalysisRecord, fx: F) => void): void {
  const fixtures = readFixtures<F>(folder);
  for (const { file, fx } of fixtures) {
    test(`${file}: ${fx.about.slice(0, 80)}`, () => {
      const r = analyzeFixture(fx);
      assertValidRecord(r);
      check(r, fx);
    });
  }
  test('the same text gives the same record, byte for byte', () => {
    for (const { file, fx } of fixtures) assert.equal(JSON.stringify(analyzeFixture(fx)), JSON.stringify(analyzeFixture(fx)), file);
  });
}
