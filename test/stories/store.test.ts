import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisRecord } from '../../src/core/record.js';
import { openSqliteStore } from '../../src/store/sqlite/store.js';
import type { Store, StoryStore } from '../../src/store/store.js';
import { allStories, loadStory } from '../../src/stories/load.js';
import { storyProblems } from '../../src/stories/validate.js';
import { annotatedRecord } from '../fixtures/stories/annotated.js';
import { STORY_RECORDS } from '../fixtures/stories/records.js';
import { CORPUS_RECORDS, bulletins, variant } from '../store/records.js';

const { visitFr, visitEn, reprintFr, harvest } = STORY_RECORDS;

async function withStore(records: AnalysisRecord[], fn: (store: Store & StoryStore) => Promise<void>): Promise<void> {
  const store = await openSqliteStore(':memory:');
  try {
    for (const r of records) await store.putAnalysis(r);
    await fn(store);
  } finally {
    await store.close();
  }
}

/** Every document's story, in the order of the records. */
const assignment = async (store: StoryStore, records: AnalysisRecord[]): Promise<(string | null)[]> =>
  Promise.all(records.map((r) => store.storyOf(r.doc.id)));

/** Three reports that share nothing but what a third one bridges: entities named in lower case, no numbers, three languages. */
function bridge(): { a: AnalysisRecord; b: AnalysisRecord; c: AnalysisRecord } {
  const org = (id: string, kb: string, mention: string) => ({ id, type: 'ORG' as const, name: mention, kb, mentions: [mention] });
  const a = annotatedRecord({ id: 'a', language: 'fr', text: 'la coopérative du nord et la coopérative du sud ont signé un accord de vente.',
    entities: [org('e1', 'veille:test/north', 'coopérative du nord'), org('e2', 'veille:test/south', 'coopérative du sud')] });
  const b = annotatedRecord({ id: 'b', language: 'en', text: 'the eastern union and the western union welcomed the arrangement.',
    entities: [org('e1', 'veille:test/east', 'eastern union'), org('e2', 'veille:test/west', 'western union')] });
  const c = annotatedRecord({ id: 'c', language: 'de', text: 'nord, süd, ost und west: alle vier gruppen sind beteiligt.',
    entities: [org('e1', 'veille:test/north', 'nord'), org('e2', 'veille:test/south', 'süd'), org('e3', 'veille:test/east', 'ost'), org('e4', 'veille:test/west', 'west')] });
  return { a, b, c };
}

describe('stories in the SQLite store', () => {
  test('reports of one story meet across languages; a copy is marked; an unrelated report is its own story', () => withStore([visitFr, visitEn, reprintFr, harvest], async (store) => {
    const [fr, en, copy, other] = await assignment(store, [visitFr, visitEn, reprintFr, harvest]);
    assert.equal(fr, `s${visitFr.doc.id}`, 'named after its oldest document');
    assert.equal(en, fr);
    assert.equal(copy, fr);
    assert.equal(other, `s${harvest.doc.id}`);
    const membership = await store.getStory(fr as string);
    assert.deepEqual(membership?.documents, [
      { id: visitFr.doc.id, duplicateOf: null }, { id: visitEn.doc.id, duplicateOf: null }, { id: reprintFr.doc.id, duplicateOf: visitFr.doc.id },
    ]);
    const story = await loadStory(store, fr as string);
    assert.equal(story?.article_count, 3);
    assert.equal(story?.independent_source_count, 2, 'the reprint is counted once');
    const records = new Map([visitFr, visitEn, reprintFr, harvest].map((r) => [r.doc.id, r]));
    for await (const s of allStories(store)) assert.deepEqual(storyProblems(s, (id) => records.get(id) ?? null), [], s.id);
    assert.equal(await store.getStory('s0000000000000000'), null);
    assert.equal(await store.storyOf('0000000000000000'), null);
  }));

  test('the story id follows the oldest document', () => withStore([visitEn, visitFr], async (store) => {
    assert.deepEqual(await assignment(store, [visitEn, visitFr]), [`s${visitEn.doc.id}`, `s${visitEn.doc.id}`]);
  }));

  test('stories are listed newest first, then by id, page by page', () => withStore([harvest, visitEn, visitFr, ...CORPUS_RECORDS], async (store) => {
    const all = [];
    let cursor: string | null = null;
    do {
      const page = await store.listStories({ limit: 2, cursor });
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    const keys = all.map((s) => [s.lastDate ?? '', s.id]);
    assert.deepEqual(keys, [...keys].sort((x, y) => (x[0] === y[0] ? (x[1] as string).localeCompare(y[1] as string) : (y[0] as string).localeCompare(x[0] as string))));
    assert.equal(all.reduce((n, s) => n + s.documents, 0), 3 + CORPUS_RECORDS.length);
    const visit = all.find((s) => s.id === `s${visitEn.doc.id}`);
    assert.deepEqual([visit?.documents, visit?.firstDate, visit?.lastDate], [2, '2024-06-11', '2024-06-12']);
  }));

  test('stories merge when a report bridges them, and split when it no longer does', () => {
    const { a, b, c } = bridge();
    return withStore([a, b], async (store) => {
      assert.deepEqual(await assignment(store, [a, b]), [`s${a.doc.id}`, `s${b.doc.id}`], 'apart at first');
      await store.putAnalysis(c);
      assert.deepEqual(await assignment(store, [a, b, c]), [`s${a.doc.id}`, `s${a.doc.id}`, `s${a.doc.id}`], 'merged under the oldest id');
      assert.equal(await store.putAnalysis({ ...c, entities: [] }), 'updated');
      assert.deepEqual(await assignment(store, [a, b, c]), [`s${a.doc.id}`, `s${b.doc.id}`, `s${c.doc.id}`], 'split again');
      const listed = (await store.listStories({ limit: 10 })).items;
      assert.deepEqual(listed.map((s) => s.documents), [1, 1, 1]);
    });
  });

  test('recluster rebuilds the same stories as incremental ingestion, in any ingestion order', async () => {
    const records = [...Object.values(STORY_RECORDS), ...CORPUS_RECORDS, ...bulletins(25), ...Object.values(bridge())];
    for (const order of [records, [...records].reverse()]) {
      await withStore(order, async (store) => {
        const before = await assignment(store, order);
        const listed = (await store.listStories({ limit: 1000 })).items;
        assert.deepEqual(await store.recluster(), { documents: order.length, stories: listed.length });
        assert.deepEqual(await assignment(store, order), before);
        assert.deepEqual((await store.listStories({ limit: 1000 })).items, listed);
      });
    }
  });

  test('deterministic: the same documents in the same order give the same stories', async () => {
    const records = [...Object.values(STORY_RECORDS), ...bulletins(12)];
    const runs: (string | null)[][] = [];
    for (let i = 0; i < 2; i++) await withStore(records, async (store) => { runs.push(await assignment(store, records)); });
    assert.deepEqual(runs[0], runs[1]);
  });

  test('an unchanged record moves nothing; an updated one stays in its story', () => withStore([visitFr, visitEn], async (store) => {
    const before = await assignment(store, [visitFr, visitEn]);
    assert.equal(await store.putAnalysis(visitEn), 'unchanged');
    assert.equal(await store.putAnalysis(variant(visitEn, { doc: { title: 'Scholz in Warsaw' } })), 'updated');
    assert.deepEqual(await assignment(store, [visitFr, visitEn]), before);
    assert.deepEqual((await store.listStories({ limit: 10 })).items.map((s) => s.documents), [2]);
  }));

  test('hostile ids are plain values', () => withStore([visitFr], async (store) => {
    assert.equal(await store.getStory("s'; DROP TABLE stories; --"), null);
    assert.equal(await store.storyOf('%'), null);
    assert.equal((await store.listStories({ limit: 5 })).items.length, 1);
  }));
});
