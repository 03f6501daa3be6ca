/**
 * The two seed reports (../shared/seeds) ingested through the registered pipeline form one
 * story; an unrelated report beside them forms its own. The facts come from the registered
 * quantities, claims, quotes, times and events analyzers (issue 8, "Done when").
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createPipeline } from '../../src/analyzers/index.js';
import type { AnalysisRecord } from '../../src/core/record.js';
import { readPaths } from '../../src/ingest/index.js';
import { openSqliteStore } from '../../src/store/sqlite/store.js';
import { loadStory } from '../../src/stories/load.js';
import { storyProblems } from '../../src/stories/validate.js';
import { toDocument } from '../../src/text/document.js';
import { needsShared, sharedPath } from '../support/shared.js';

const SEEDS = [sharedPath('seeds', '000_765f15cef3fb17ec.txt'), sharedPath('seeds', '001_ebdcce3c0bc7e0c5.txt')];
const UNRELATED = 'Les vendanges ont commencé avec dix jours d’avance dans le Bordelais, où la chaleur de juillet a accéléré la maturation du raisin. '
  + 'Les viticulteurs s’attendent à une récolte peu abondante mais de bonne qualité.';

async function records(): Promise<AnalysisRecord[]> {
  const pipeline = createPipeline();
  const out: AnalysisRecord[] = [];
  for await (const o of readPaths(SEEDS)) if (o.ok) out.push(pipeline.analyze(toDocument(o.doc)));
  out.push(pipeline.analyze(toDocument({ origin: 'unrelated.txt', text: UNRELATED, title: null, date: '2023-10', source: { name: null, url: null }, language: 'fr' })));
  return out;
}

describe('the seeds as a story', { skip: needsShared('seeds') }, () => {
  test('two seeds, one story of two independent sources; the unrelated report apart; every span resolves', async () => {
    const recs = await records();
    assert.equal(recs.length, 3);
    const store = await openSqliteStore(':memory:');
    try {
      for (const r of recs) await store.putAnalysis(r);
      const [a, b, other] = await Promise.all(recs.map((r) => store.storyOf(r.doc.id)));
      assert.ok(a && a === b, 'the seeds are one story');
      assert.ok(other && other !== a, 'the unrelated report is in a story of its own');
      assert.deepEqual((await store.getStory(other))?.documents.map((d) => d.id), [recs[2]?.doc.id]);
      const story = await loadStory(store, a);
      assert.ok(story);
      assert.equal(story.article_count, 2);
      assert.equal(story.independent_source_count, 2);
      const byId = new Map(recs.map((r) => [r.doc.id, r]));
      assert.deepEqual(storyProblems(story, (id) => byId.get(id) ?? null), []);

      const containers = story.facts.find((f) => f.kind === 'quantity' && f.status === 'conflict' && /conteneur/.test(f.key));
      assert.ok(containers, 'the container deliveries are a conflict');
      assert.match(containers.conflict ?? '', /1000 more_than vs 1000 exact/);
      assert.ok(story.facts.some((f) => f.status === 'single_source' && f.kind === 'quantity' && f.reports.some((r) => /500 civils/.test(r.span.text))), 'the Gaza strike toll is single-source');
      assert.ok(story.timeline.length > 0);

      for (const r of recs.slice(0, 2)) {
        for (const layer of ['quotes', 'claims', 'events', 'times'] as const) assert.ok(r[layer].length > 0, `${r.doc.origin}: no ${layer}`);
      }
      const denial = story.facts.find((f) => f.kind === 'claim' && f.status === 'agreed' && f.reports.every((r) => /américaines/.test(r.span.text)));
      assert.ok(denial, 'the denial is agreed');
      assert.deepEqual(new Set(denial.reports.map((r) => r.doc)), new Set(recs.slice(0, 2).map((r) => r.doc.id)), 'both seeds report the denial');
      assert.ok(story.facts.some((f) => f.kind === 'event' && f.status === 'agreed' && f.key.startsWith('REJECT')), 'the denial as an event is agreed too');
      const visit = story.facts.find((f) => f.kind === 'event' && f.status === 'conflict' && /Lavrov/.test(f.key));
      assert.ok(visit, 'Lavrov’s visit: landed vs will land');
      assert.match(visit.conflict ?? '', /"a atterri" \(asserted.*"atterrira" \(future/);
      assert.match(visit.conflict ?? '', /publication time/);
      assert.ok(story.facts.some((f) => f.status === 'single_source' && f.kind === 'event'), 'single-source events are listed');
      assert.ok(story.graph.nodes.length > 0 && story.graph.edges.length > 0, 'the actor graph has nodes and edges');
      assert.ok(story.timeline.some((t) => t.kind === 'event'), 'the timeline holds events');
      assert.ok(story.summary.length > 0, 'the summary has sentences');
      assert.ok(new Set(story.summary.map((s) => s.doc)).size === 2, 'the summary draws on both sources');
    } finally {
      await store.close();
    }
  });
});
