import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisRecord } from '../../src/core/record.js';
import { buildStory } from '../../src/stories/build.js';
import { compareRecords } from '../../src/stories/load.js';
import { storyProblems } from '../../src/stories/validate.js';
import { STORY_RECORDS } from '../fixtures/stories/records.js';

const { visitFr, visitEn, reprintFr, harvest } = STORY_RECORDS;
const byId = new Map([visitFr, visitEn, reprintFr, harvest].map((r) => [r.doc.id, r]));
const getRecord = (id: string): AnalysisRecord | null => byId.get(id) ?? null;
const members = [
  { record: visitFr, duplicateOf: null },
  { record: visitEn, duplicateOf: null },
  { record: reprintFr, duplicateOf: visitFr.doc.id },
];
const story = buildStory(`s${visitFr.doc.id}`, members);

describe('the story record', () => {
  test('is valid: schema, and every span resolves in its document', () => {
    assert.deepEqual(storyProblems(story, getRecord), []);
  });

  test('counts articles, and copies once among independent sources', () => {
    assert.equal(story.article_count, 3);
    assert.equal(story.independent_source_count, 2);
    assert.deepEqual(story.documents.map((d) => d.id), [visitEn.doc.id, visitFr.doc.id, reprintFr.doc.id], 'by date, then stored order');
    assert.equal(story.documents[2]?.duplicate_of, visitFr.doc.id);
    assert.equal(story.first_seen, '2024-06-11');
    assert.equal(story.last_seen, '2024-06-12');
    assert.equal(story.title, 'Scholz to visit Warsaw', 'the first document’s title');
  });

  test('the same outlet twice is one source', () => {
    const sameOutlet = { ...visitEn, doc: { ...visitEn.doc, source: { name: 'Le Courrier de la Plaine', url: null } } };
    assert.equal(buildStory('s', [{ record: visitFr, duplicateOf: null }, { record: sameOutlet, duplicateOf: null }]).independent_source_count, 1);
  });

  test('the soldiers: "plus de 1 000" vs "1,000" is a conflict that says what differs', () => {
    const f = story.facts.find((x) => x.kind === 'quantity' && x.status === 'conflict');
    assert.ok(f, JSON.stringify(story.facts.map((x) => [x.kind, x.key, x.status])));
    assert.match(f.conflict ?? '', /1000 exact vs 1000 more_than/);
    assert.deepEqual(f.reports.map((r) => r.span.text).sort(), ['1,000 soldiers', 'plus de 1 000 soldats', 'plus de 1 000 soldats']);
  });

  test('the visit: done in one report, to come in the other, explained by publication time', () => {
    const f = story.facts.find((x) => x.kind === 'event' && x.key.startsWith('CONSULT'));
    assert.equal(f?.status, 'conflict');
    assert.match(f?.conflict ?? '', /modality differs: "will land" \(future, Harbour Tribune\) vs "est arrivé" \(asserted/);
    assert.match(f?.conflict ?? '', /published earlier \(2024-06-11 vs 2024-06-12\): publication time explains it/);
  });

  test('agreed facts: the tanks across languages, the date, the aid', () => {
    const agreed = story.facts.filter((x) => x.status === 'agreed');
    assert.ok(agreed.some((x) => x.kind === 'quantity' && x.reports.some((r) => r.span.text === '120 tanks') && x.reports.some((r) => r.span.text === '120 chars')));
    assert.ok(agreed.some((x) => x.kind === 'time' && x.key === '2024-06-12'));
    assert.ok(agreed.some((x) => x.kind === 'event' && x.key.startsWith('AID')));
    assert.deepEqual(story.facts.map((x) => x.id), story.facts.map((_, i) => `f${i + 1}`));
  });

  test('a fact told only by a document and its copy is single-source', () => {
    const copies = buildStory('s', [{ record: visitFr, duplicateOf: null }, { record: reprintFr, duplicateOf: visitFr.doc.id }]);
    assert.equal(copies.independent_source_count, 1);
    assert.ok(copies.facts.length > 0);
    assert.ok(copies.facts.every((f) => f.status === 'single_source'));
  });

  test('summary: whole sentences, agreed facts first, no sentence twice; timeline by date; graph of the events', () => {
    assert.ok(story.summary.length >= 2 && story.summary.length <= 5);
    for (const s of story.summary) assert.match(s.text, /[.!?]$/);
    assert.equal(new Set(story.summary.map((s) => s.text)).size, story.summary.length);
    const dates = story.timeline.map((t) => t.range?.from ?? t.date);
    assert.deepEqual(dates, [...dates].sort());
    assert.ok(story.timeline.some((t) => t.kind === 'event' && t.event === 'CONSULT'));
    assert.ok(story.graph.nodes.some((n) => n.code === 'POL'));
    const aid = story.graph.edges.find((e) => e.event === 'AID');
    assert.equal(aid?.count, 3);
    assert.deepEqual(aid?.modality, ['asserted']);
  });

  test('deterministic: the same members give the same record', () => {
    assert.deepEqual(buildStory(`s${visitFr.doc.id}`, structuredClone(members)), story);
  });

  test('compare: two documents of different stories share little', () => {
    const c = compareRecords(visitFr, harvest);
    assert.deepEqual(storyProblems(c, getRecord), []);
    assert.equal(c.facts.filter((f) => f.status !== 'single_source').length, 0);
  });

  test('the validator finds a span that does not resolve, and a wrong count', () => {
    const broken = structuredClone(story);
    (broken.summary[0] as { text: string }).text = 'invented';
    broken.article_count = 9;
    const problems = storyProblems(broken, getRecord);
    assert.ok(problems.some((p) => p.startsWith('summary[0]')), problems.join('\n'));
    assert.ok(problems.some((p) => p.startsWith('article_count')));
  });
});
