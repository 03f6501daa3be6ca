/**
 * PostgreSQL clusters stories in rounds over an in-memory overlay (src/store/postgres/
 * story-index.ts); SQLite runs the same clustering straight on its tables. Fed the same
 * records in the same order, both must give the same stories, members, copies and listings,
 * including large stories (sampled, renamed) and updated records (taken out, split). And
 * writers clustering at once must leave what a recluster in their order gives.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisRecord } from '../../src/core/record.js';
import { openPostgresStore } from '../../src/store/postgres/store.js';
import { openSqliteStore } from '../../src/store/sqlite/store.js';
import type { Store, StoryStore } from '../../src/store/store.js';
import { storyRecords } from '../../bench/story-records.js';
import { STORY_RECORDS } from '../fixtures/stories/records.js';
import { testDatabaseSuite } from '../support/postgres.js';
import { CORPUS_RECORDS, bulletins, makeRecord, variant } from './records.js';

const { skip, freshUrl } = await testDatabaseSuite('stories');

/** Reports of one event, more than LARGE_STORY of them: a story that is sampled, not split again. */
function floodReports(n: number): AnalysisRecord[] {
  return Array.from({ length: n }, (_, i) => makeRecord({
    text: `Crue de la Vaudrenne : le barrage de Montclar déborde, la préfète Lise Aubrac évacue ${i + 3} hameaux près de Lanne.`,
    title: `Montclar : crue de la Vaudrenne (${i})`,
    date: `2024-03-${String(10 + (i % 3)).padStart(2, '0')}`,
    language: 'fr', source: i % 2 ? 'Le Courrier' : 'La Dépêche', origin: `flood/${i}.txt`,
    entities: [
      { type: 'LOC', name: 'Vaudrenne', mentions: ['Vaudrenne'] },
      { type: 'LOC', name: 'Montclar', mentions: ['Montclar'] },
      { type: 'PER', name: 'Lise Aubrac', mentions: ['Lise Aubrac'] },
      { type: 'LOC', name: 'Lanne', mentions: ['Lanne'] },
    ],
  }));
}

/** Everything a store says about its stories, in a comparable form. */
async function storyState(store: StoryStore, records: AnalysisRecord[]): Promise<unknown> {
  const listed = (await store.listStories({ limit: 1000 })).items;
  const members = await Promise.all(listed.map((s) => store.getStory(s.id)));
  const of = await Promise.all(records.map((r) => store.storyOf(r.doc.id)));
  return { listed, members, of };
}

async function putAll(store: Store, records: AnalysisRecord[]): Promise<void> {
  for (const r of records) await store.putAnalysis(r);
}

describe('PostgreSQL stories equal SQLite\'s', { skip }, () => {
  const generated = [...storyRecords(120, 7)].map((g) => g.record);
  const flood = floodReports(40);
  const { visitFr, visitEn, reprintFr, harvest } = STORY_RECORDS;
  // Interleaved: the large story grows among others; then some records are updated.
  const first = [visitFr, ...flood.slice(0, 20), ...generated.slice(0, 60), harvest, ...flood.slice(20), visitEn, ...bulletins(12), ...CORPUS_RECORDS, reprintFr, ...generated.slice(60)];
  const updates = [
    variant(visitEn, { doc: { title: 'Scholz lands in Warsaw' } }),
    variant(flood[0] as AnalysisRecord, { entities: [] }),              // the large story's oldest leaves it: renamed
    variant(generated[3] as AnalysisRecord, { doc: { title: 'Autre titre' }, entities: [] }),
    variant(flood[25] as AnalysisRecord, { doc: { date: '2024-05-01' } }),
  ];
  const all = [...first];

  test('same records, same order: same stories, members, copies and listing, after updates and reclusters', { timeout: 600_000 }, async () => {
    const sqlite = await openSqliteStore(':memory:');
    const pg = await openPostgresStore(freshUrl());
    try {
      await putAll(sqlite, first);
      await putAll(pg, first);
      assert.deepEqual(await storyState(pg, all), await storyState(sqlite, all), 'after ingestion');
      const big = (await pg.listStories({ limit: 1000 })).items.reduce((m, s) => Math.max(m, s.documents), 0);
      assert.ok(big > 32, `a story larger than LARGE_STORY (largest: ${big})`);
      const ingested = await storyState(pg, all);
      assert.deepEqual(await pg.recluster(), await sqlite.recluster());
      assert.deepEqual(await storyState(pg, all), ingested, 'recluster gives what incremental ingestion gave');
      for (const u of updates) {
        assert.equal(await sqlite.putAnalysis(u), 'updated');
        assert.equal(await pg.putAnalysis(u), 'updated');
        assert.deepEqual(await storyState(pg, all), await storyState(sqlite, all), `after updating ${u.doc.origin}`);
      }
      // Updates are not a replay (a document left its story and came back): both engines recluster alike.
      assert.deepEqual(await pg.recluster(), await sqlite.recluster());
      assert.deepEqual(await storyState(pg, all), await storyState(sqlite, all), 'after reclustering the updates');
    } finally {
      await sqlite.close();
      await pg.close();
    }
  });

  test('writers clustering at once: every document in one story, the same as a recluster in their order', { timeout: 300_000 }, async () => {
    const url = freshUrl();
    const writers = await Promise.all([1, 2, 3].map(() => openPostgresStore(url)));
    try {
      const records = [...generated.slice(0, 60), ...flood.slice(0, 36)];
      await Promise.all(writers.map(async (w, k) => putAll(w, records.filter((_, i) => i % 3 === k))));
      const store = writers[0] as Store & StoryStore;
      const incremental = await storyState(store, records);
      const total = (await store.listStories({ limit: 1000 })).items.reduce((n, s) => n + s.documents, 0);
      assert.equal(total, records.length, 'each document counted in exactly one story');
      assert.deepEqual(await store.recluster(), { documents: records.length, stories: (await store.listStories({ limit: 1000 })).items.length });
      assert.deepEqual(await storyState(store, records), incremental);
    } finally {
      for (const w of writers) await w.close();
    }
  });
});
