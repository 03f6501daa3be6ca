/**
 * The contract every Store backend passes (Hono's common-case suite, Kysely's loop over
 * dialects). `open` must return a new, empty store each time; each test closes its own.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isVeilleError, type ErrorCode } from '../../src/core/errors.js';
import type { AnalysisRecord } from '../../src/core/record.js';
import { hasStories, type Page, type Store, type StoryStore } from '../../src/store/store.js';
import { STORY_RECORDS } from '../fixtures/stories/records.js';
import { CORPUS, CORPUS_RECORDS, bulletins, makeRecord, variant } from './records.js';

/** Rejects with a VeilleError of this code. */
async function rejectsWith(code: ErrorCode, promise: Promise<unknown>): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(isVeilleError(err), `expected a VeilleError, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    return true;
  });
}

/** Reports mentioning a dike 1 to 6 times, with 0 to 4 more words: ranks spread, some tie. */
const dikeReports = (n: number): AnalysisRecord[] => Array.from({ length: n }, (_, i) => makeRecord({
  text: `${'La digue tient. '.repeat(1 + (i % 6))}${'Le vent faiblit. '.repeat(i % 5)}Rapport ${i}.`,
  language: 'fr', origin: `digues/${i}.txt`,
}));

/** Every item of a paged query, following cursors; fails on a loop. */
async function allPages<T>(fetch: (cursor: string | null) => Promise<Page<T>>): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await fetch(cursor);
    pages.push(page.items);
    cursor = page.nextCursor;
    assert.ok(pages.length < 1000, 'pagination does not end');
  } while (cursor !== null);
  return pages;
}

const ids = (items: { id: string }[]): string[] => items.map((d) => d.id);

export function storeContract(name: string, open: () => Promise<Store>): void {
  /** Runs a test on a new store (optionally filled with records), always closing it. */
  const withStore = (records: AnalysisRecord[], fn: (store: Store) => Promise<void>) => async () => {
    const store = await open();
    try {
      for (const r of records) await store.putAnalysis(r);
      await fn(store);
    } finally {
      await store.close();
    }
  };

  describe(`Store contract: ${name}`, () => {
    describe('putAnalysis and reads', () => {
      test('a new document is inserted, the same record again is unchanged', withStore([], async (store) => {
        const a = CORPUS.kremlinFr;
        assert.equal(await store.putAnalysis(a), 'inserted');
        const first = await store.getDocument(a.doc.id);
        assert.equal(await store.putAnalysis(a), 'unchanged');
        assert.equal(await store.putAnalysis(structuredClone(a)), 'unchanged');
        assert.deepEqual(await store.getDocument(a.doc.id), first, 'unchanged writes nothing');
        assert.equal((await store.stats()).documents, 1);
      }));

      test('the same text read from another origin is unchanged and keeps the first origin', withStore([CORPUS.kremlinFr], async (store) => {
        const a = CORPUS.kremlinFr;
        assert.equal(await store.putAnalysis(variant(a, { doc: { origin: 'mirror/a.txt' } })), 'unchanged');
        assert.equal((await store.getDocument(a.doc.id))?.origin, a.doc.origin);
        assert.equal(await store.getAnalysisJson(a.doc.id), JSON.stringify(a));
      }));

      test('a different record for the same text is updated: analysis and entities replaced, first origin kept', withStore([CORPUS.kremlinFr], async (store) => {
        const a = CORPUS.kremlinFr;
        const retitled = variant(a, { doc: { title: 'Titre corrigé' } });
        assert.equal(await store.putAnalysis(retitled), 'updated');
        assert.equal(await store.getAnalysisJson(a.doc.id), JSON.stringify(retitled));
        assert.equal((await store.getDocument(a.doc.id))?.title, 'Titre corrigé');
        assert.deepEqual(ids((await store.search({ query: 'corrigé' })).items), [a.doc.id], 'the index follows the new title');

        const fewer = variant(a, { doc: { origin: 'elsewhere/a.txt' }, entities: [a.entities[0]!] });
        assert.equal(await store.putAnalysis(fewer), 'updated');
        const stored = await store.getAnalysis(a.doc.id);
        assert.equal(stored?.doc.origin, a.doc.origin, 'the stored record keeps the first origin');
        assert.deepEqual(stored?.entities, fewer.entities);
        assert.equal((await store.getDocument(a.doc.id))?.origin, a.doc.origin);
        assert.deepEqual((await store.entityMentions('Q423', { limit: 10 })).items, [], 'entities of the old record are gone');
        assert.equal((await store.stats()).mentions, fewer.entities[0]!.mentions.length, 'and their mentions');
        assert.equal((await store.stats()).documents, 1);
        assert.deepEqual((await store.search({ query: 'corrigé' })).items, [], 'and forgets the replaced one');
      }));

      test('getAnalysis returns the record byte for byte, odd characters and extra fields included', withStore([], async (store) => {
        const extra = { ...structuredClone(CORPUS.unusual), x_extra: { z: 1, a: [1.5, 1e-7, -2, 'ü\u0000'], nested: { b: null } } };
        for (const r of [...CORPUS_RECORDS, extra as AnalysisRecord]) {
          await store.putAnalysis(r);
          assert.equal(await store.getAnalysisJson(r.doc.id), JSON.stringify(r));
          assert.equal(JSON.stringify(await store.getAnalysis(r.doc.id)), JSON.stringify(r));
        }
      }));

      test('getDocument returns the metadata and the text', withStore([CORPUS.kremlinFr, CORPUS.flood], async (store) => {
        const a = CORPUS.kremlinFr.doc;
        const got = await store.getDocument(a.id);
        assert.ok(got);
        assert.deepEqual({ ...got, ingestedAt: undefined }, {
          id: a.id, origin: a.origin, source: a.source, title: a.title, date: a.date, language: a.language, text: a.text, ingestedAt: undefined,
        });
        assert.ok(!Number.isNaN(Date.parse(got.ingestedAt)), 'ingestedAt is an ISO timestamp');
        const flood = await store.getDocument(CORPUS.flood.doc.id);
        assert.deepEqual([flood?.title, flood?.date, flood?.source], [null, null, { name: null, url: null }]);
      }));

      test('unknown and hostile ids read as absent', withStore([CORPUS.kremlinFr], async (store) => {
        for (const id of ['0000000000000000', '', "'; DROP TABLE documents; --", '%', '\u0000', '🙂'.repeat(1000)]) {
          assert.equal(await store.hasDocument(id), false);
          assert.equal(await store.getDocument(id), null);
          assert.equal(await store.getAnalysis(id), null);
          assert.equal(await store.getAnalysisJson(id), null);
        }
        assert.equal(await store.hasDocument(CORPUS.kremlinFr.doc.id), true);
      }));

      test('a record whose id is not the hash of its text is refused', withStore([], async (store) => {
        const bad = variant(CORPUS.kremlinFr, { doc: { id: '0123456789abcdef' } });
        await rejectsWith('STORE', store.putAnalysis(bad));
        assert.equal(await store.hasDocument('0123456789abcdef'), false);
      }));
    });

    describe('atomic writes', () => {
      test('a record that fails mid-write leaves nothing of itself and earlier documents intact', withStore([CORPUS.kremlinFr, CORPUS.kremlinEn], async (store) => {
        const before = await store.stats();
        // Two entities with the same id: the document and first entity are written, then the second fails.
        const dup = makeRecord({ text: 'Un séisme de magnitude 5 a secoué la vallée de Montclar sans faire de victimes.', entities: [
          { type: 'GPE', name: 'Montclar', mentions: ['Montclar'] }, { type: 'LOC', name: 'vallée', mentions: ['vallée'] },
        ] });
        dup.entities[1]!.id = 'e1';
        await rejectsWith('STORE', store.putAnalysis(dup));
        // A mention with a negative start, after the entity row is written.
        const negative = makeRecord({ text: 'La crue de la rivière Lanne a coupé la route départementale.', entities: [
          { type: 'LOC', name: 'Lanne', mentions: ['Lanne'] },
        ] });
        negative.entities[0]!.mentions[0]!.start = -1;
        await rejectsWith('STORE', store.putAnalysis(negative));

        for (const r of [dup, negative]) {
          assert.equal(await store.hasDocument(r.doc.id), false);
          assert.equal(await store.getAnalysis(r.doc.id), null);
        }
        assert.deepEqual((await store.search({ query: 'séisme' })).items, []);
        assert.deepEqual((await store.search({ query: 'Lanne' })).items, []);
        assert.deepEqual((await store.entities({ limit: 50, query: 'Montclar' })).items, []);
        assert.deepEqual({ ...(await store.stats()), bytes: 0 }, { ...before, bytes: 0 });
        for (const r of [CORPUS.kremlinFr, CORPUS.kremlinEn]) assert.equal(await store.getAnalysisJson(r.doc.id), JSON.stringify(r));
        // The store still takes good records afterwards.
        assert.equal(await store.putAnalysis(CORPUS.council), 'inserted');
      }));

      test('putAnalyses: each record its outcome, in order, as one by one; a refused record alone leaves nothing', withStore([CORPUS.kremlinEn], async (store) => {
        const a = CORPUS.kremlinFr;
        const dup = makeRecord({ text: 'Un séisme a secoué la vallée de Montclar sans faire de victimes.', entities: [
          { type: 'GPE', name: 'Montclar', mentions: ['Montclar'] }, { type: 'LOC', name: 'vallée', mentions: ['vallée'] },
        ] });
        dup.entities[1]!.id = 'e1';
        const retitled = variant(a, { doc: { title: 'Titre corrigé' } });
        const badId = variant(CORPUS.council, { doc: { id: '0123456789abcdef' } });
        const results = await store.putAnalyses([a, dup, a, retitled, CORPUS.kremlinEn, badId, CORPUS.council]);
        assert.deepEqual(results.map((r) => (r.ok ? r.outcome : r.error.code)), ['inserted', 'STORE', 'unchanged', 'updated', 'unchanged', 'STORE', 'inserted']);
        assert.match(results[1]!.ok ? '' : results[1]!.error.message, new RegExp(dup.doc.id), 'the error names the document');
        assert.equal(await store.hasDocument(dup.doc.id), false);
        assert.deepEqual((await store.search({ query: 'séisme' })).items, []);
        assert.equal(await store.hasDocument('0123456789abcdef'), false);
        assert.equal(await store.getAnalysisJson(a.doc.id), JSON.stringify(retitled));
        assert.equal(await store.getAnalysisJson(CORPUS.council.doc.id), JSON.stringify(CORPUS.council));
        assert.equal((await store.stats()).documents, 3);
        assert.deepEqual(await store.putAnalyses([]), []);
      }));

      test('a failing update keeps the previous analysis, entities and title', withStore([CORPUS.kremlinFr], async (store) => {
        const a = CORPUS.kremlinFr;
        const bad = variant(a, { doc: { title: 'Ne doit pas rester' } });
        bad.entities[1]!.id = bad.entities[0]!.id;
        await rejectsWith('STORE', store.putAnalysis(bad));
        assert.equal(await store.getAnalysisJson(a.doc.id), JSON.stringify(a));
        assert.equal((await store.getDocument(a.doc.id))?.title, a.doc.title);
        assert.deepEqual(ids((await store.search({ query: 'rester' })).items), []);
        const korea = await store.entityMentions('Q423', { limit: 10 });
        assert.deepEqual(korea.items.map((o) => o.document.id), [a.doc.id]);
      }));
    });

    describe('search', () => {
      test('folds accents and case', withStore(CORPUS_RECORDS, async (store) => {
        assert.deepEqual(ids((await store.search({ query: 'coree du nord' })).items), [CORPUS.kremlinFr.doc.id]);
        const kremlin = ids((await store.search({ query: 'KREMLIN', limit: 10 })).items);
        assert.deepEqual([...kremlin].sort(), [CORPUS.kremlinFr.doc.id, CORPUS.kremlinEn.doc.id, CORPUS.talks.doc.id].sort());
        assert.deepEqual(ids((await store.search({ query: 'NÉGOCIATIONS' })).items), [CORPUS.talks.doc.id]);
      }));

      test('a hit carries the summary, a positive score and a snippet with the matches marked', withStore(CORPUS_RECORDS, async (store) => {
        const [hit] = (await store.search({ query: 'coree' })).items;
        assert.ok(hit);
        const a = CORPUS.kremlinFr.doc;
        assert.deepEqual([hit.id, hit.title, hit.date, hit.source, hit.language, hit.origin], [a.id, a.title, a.date, a.source, a.language, a.origin]);
        assert.ok(Number.isFinite(hit.score) && hit.score > 0);
        assert.ok(hit.snippet.marks.length > 0);
        for (const m of hit.snippet.marks) assert.equal(hit.snippet.text.slice(m.start, m.end), 'Corée');
      }));

      test('a title match ranks above a match in the text only', withStore(CORPUS_RECORDS, async (store) => {
        const hits = (await store.search({ query: 'kremlin' })).items;
        assert.equal(hits[0]?.id, CORPUS.kremlinEn.doc.id);
        for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1]!.score >= hits[i]!.score, 'best first');
      }));

      test('"exact phrase" needs the words in order; words alone do not', withStore(CORPUS_RECORDS, async (store) => {
        assert.deepEqual(ids((await store.search({ query: '"Corée du Nord"' })).items), [CORPUS.kremlinFr.doc.id]);
        assert.deepEqual(ids((await store.search({ query: '"nord du coree"' })).items), []);
        assert.deepEqual(ids((await store.search({ query: 'nord du coree' })).items), [CORPUS.kremlinFr.doc.id]);
        assert.deepEqual(ids((await store.search({ query: '"trade mission' })).items), [CORPUS.kremlinEn.doc.id], 'an unclosed quote ends at the end');
      }));

      test('a trailing * searches a prefix', withStore(CORPUS_RECORDS, async (store) => {
        const nucl = ids((await store.search({ query: 'nucl*' })).items);
        assert.deepEqual([...nucl].sort(), [CORPUS.flood.doc.id, CORPUS.talks.doc.id].sort());
        assert.deepEqual(ids((await store.search({ query: 'nucl' })).items), []);
      }));

      test('a query with no word is refused with BAD_QUERY', withStore(CORPUS_RECORDS, async (store) => {
        for (const query of ['', '   ', '"', '*', '""', '()', '-- ;', '\u0000', '🙂🙂']) {
          await rejectsWith('BAD_QUERY', store.search({ query }));
        }
      }));

      test('hostile queries never crash, never run SQL, never reach the engine raw', withStore(CORPUS_RECORDS, async (store) => {
        const hostile = [
          '"', "'", '*', 'NEAR(', 'NEAR(kremlin moscou)', 'AND OR NOT', 'kremlin AND', 'OR kremlin', 'NOT kremlin', ')(', '(kremlin',
          "'; DROP TABLE documents; --", "kremlin'; DELETE FROM analyses; --", '^kremlin', 'title:kremlin', ':', '{title text}: kremlin',
          'kremlin*"*', '"kremlin', 'kremlin"', '\\', '%', '_', 'a'.repeat(5000), 'kremlin '.repeat(200), 'x '.repeat(40),
          'kremlin\u0000moscou', '\u0000', '🙂 kremlin 🙂', '\ud800', 'kremlin\ud800', '‮kremlin', '\n\t\r', '+-/!@#$%^&*()[]{}|;:,.<>?~`',
        ];
        for (const query of hostile) {
          try {
            const page = await store.search({ query, limit: 5 });
            assert.ok(Array.isArray(page.items));
          } catch (err) {
            assert.ok(isVeilleError(err) && err.code === 'BAD_QUERY', `${JSON.stringify(query.slice(0, 40))}: ${String(err)}`);
          }
        }
        assert.equal((await store.stats()).documents, CORPUS_RECORDS.length);
        assert.equal(await store.getAnalysisJson(CORPUS.kremlinFr.doc.id), JSON.stringify(CORPUS.kremlinFr));
        // SQL operators in a query are words like any other: "table" is not in these texts.
        assert.deepEqual((await store.search({ query: "'; DROP TABLE documents; --" })).items, []);
        assert.equal((await store.search({ query: 'NEAR(kremlin' })).items.length, 0, '"near" is a word too');
        assert.deepEqual(ids((await store.search({ query: 'kremlin\u0000moscou' })).items), [CORPUS.kremlinFr.doc.id]);
      }));

      test('hostile filter values are plain values', withStore(CORPUS_RECORDS, async (store) => {
        for (const value of ["' OR 1=1 --", '%', '*', '\u0000']) {
          assert.deepEqual((await store.search({ query: 'kremlin', source: value })).items, []);
          assert.deepEqual((await store.search({ query: 'kremlin', language: value })).items, []);
          assert.deepEqual((await store.listDocuments({ limit: 10, source: value })).items, []);
          assert.deepEqual((await store.listDocuments({ limit: 10, entity: value })).items, []);
          assert.deepEqual((await store.entities({ limit: 10, query: value })).items, []);
          assert.deepEqual((await store.entityMentions(value, { limit: 10 })).items, []);
          await rejectsWith('BAD_QUERY', store.listDocuments({ limit: 10, dateFrom: value }));
          await rejectsWith('BAD_QUERY', store.listDocuments({ limit: 10, cursor: value }));
        }
        assert.equal((await store.stats()).documents, CORPUS_RECORDS.length);
      }));

      test('filters by language, source and date', withStore(CORPUS_RECORDS, async (store) => {
        const found = async (extra: object): Promise<string[]> =>
          ids((await store.search({ query: 'kremlin', limit: 50, ...extra })).items).sort();
        assert.deepEqual(await found({ language: 'en' }), [CORPUS.kremlinEn.doc.id]);
        assert.deepEqual(await found({ source: "Le Courrier de l'Est" }), [CORPUS.kremlinFr.doc.id]);
        assert.deepEqual(await found({ dateTo: '2023-12-31' }), [CORPUS.talks.doc.id]);
        assert.deepEqual(await found({ dateFrom: '2024-03-15' }), [CORPUS.kremlinEn.doc.id]);
        assert.deepEqual(await found({ language: 'fr', dateFrom: '2024' }), [CORPUS.kremlinFr.doc.id]);
      }));

      test('pages come out the same whether the index ranks alone or every match is joined (a filter)', withStore(dikeReports(45), async (store) => {
        // ranks spread (the word 1–6 times, lengths differ) with ties among copies of a shape:
        // small pages are ranked by the index alone, pages that cut a tie fall back to joining all
        for (const limit of [2, 4, 30]) {
          const plain = (await allPages((cursor) => store.search({ query: 'digue', limit, cursor }))).flat();
          const filtered = (await allPages((cursor) => store.search({ query: 'digue', language: 'fr', limit, cursor }))).flat();
          assert.equal(plain.length, 45);
          assert.ok(plain[0]!.score > plain[44]!.score, 'ranks differ');
          assert.deepEqual(ids(plain), ids(filtered), `limit ${limit}`);
          assert.deepEqual(plain.map((h) => h.score), filtered.map((h) => h.score));
        }
      }));

      test('pages through every hit once, best first, ties broken the same way on every page', withStore(bulletins(25), async (store) => {
        const pages = await allPages((cursor) => store.search({ query: 'préfecture coupure', limit: 4, cursor }));
        const all = pages.flat();
        assert.equal(all.length, 25);
        assert.equal(new Set(ids(all)).size, 25, 'no duplicates');
        assert.ok(pages.slice(0, -1).every((p) => p.length === 4));
        for (let i = 1; i < all.length; i++) assert.ok(all[i - 1]!.score >= all[i]!.score, 'best first across pages');
      }));
    });

    describe('listDocuments', () => {
      test('newest first, undated last, ties by id; cursors give every document once', withStore(bulletins(25), async (store) => {
        const pages = await allPages((cursor) => store.listDocuments({ limit: 7, cursor }));
        assert.deepEqual(pages.map((p) => p.length), [7, 7, 7, 4]);
        const all = pages.flat();
        const expected = bulletins(25).map((r) => r.doc)
          .sort((x, y) => (y.date ?? '').localeCompare(x.date ?? '') || (x.id < y.id ? -1 : 1));
        assert.deepEqual(ids(all), ids(expected));
        assert.equal(all.at(-1)?.date, null);
      }));

      test('a page limit equal to the count has no next cursor; a bad limit or cursor is BAD_QUERY', withStore(CORPUS_RECORDS, async (store) => {
        const page = await store.listDocuments({ limit: CORPUS_RECORDS.length });
        assert.equal(page.items.length, CORPUS_RECORDS.length);
        assert.equal(page.nextCursor, null);
        for (const limit of [0, -1, 1.5, Number.NaN]) await rejectsWith('BAD_QUERY', store.listDocuments({ limit }));
        const first = await store.listDocuments({ limit: 2 });
        assert.ok(first.nextCursor);
        const forged = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
        for (const cursor of ['abc', '!!', forged(['documents', 1, 2]), forged({ a: 1 }), forged(['documents', 'x'])]) {
          await rejectsWith('BAD_QUERY', store.listDocuments({ limit: 2, cursor }));
        }
        await rejectsWith('BAD_QUERY', store.search({ query: 'kremlin', cursor: first.nextCursor })); // another query's cursor
      }));

      test('filters by source, language, date interval and entity', withStore(CORPUS_RECORDS, async (store) => {
        const list = async (filters: object): Promise<string[]> => ids((await store.listDocuments({ limit: 50, ...filters })).items).sort();
        const c = CORPUS;
        assert.deepEqual(await list({ source: "Le Courrier de l'Est" }), [c.kremlinFr.doc.id, c.council.doc.id].sort());
        assert.deepEqual(await list({ language: 'en' }), [c.kremlinEn.doc.id, c.flood.doc.id].sort());
        assert.deepEqual(await list({ dateFrom: '2024-03' }), [c.kremlinFr.doc.id, c.kremlinEn.doc.id, c.unusual.doc.id].sort());
        assert.deepEqual(await list({ dateFrom: '2024-03-15' }), [c.kremlinEn.doc.id]);
        assert.deepEqual(await list({ dateTo: '2024-02-10' }), [c.council.doc.id, c.talks.doc.id].sort(), 'month and year dates overlap the bound');
        assert.deepEqual(await list({ dateFrom: '2024-02-10', dateTo: '2024-02-20' }), [c.council.doc.id]);
        assert.deepEqual(await list({ dateFrom: '2023', dateTo: '2023' }), [c.talks.doc.id]);
        assert.deepEqual(await list({ entity: 'Q159' }), [c.kremlinFr.doc.id, c.kremlinEn.doc.id, c.talks.doc.id].sort());
        assert.deepEqual(await list({ entity: 'Q159', language: 'fr' }), [c.kremlinFr.doc.id, c.talks.doc.id].sort());
        assert.deepEqual(await list({ entity: 'PER:Claire Martin' }), [c.council.doc.id]);
        await rejectsWith('BAD_QUERY', store.listDocuments({ limit: 5, dateFrom: '14/03/2024' }));
        await rejectsWith('BAD_QUERY', store.listDocuments({ limit: 5, dateTo: '2024-13' }));
      }));
    });

    describe('entities', () => {
      test('groups by kb id across names and languages, else by type and name, with counts', withStore(CORPUS_RECORDS, async (store) => {
        const { items, nextCursor } = await store.entities({ limit: 50 });
        assert.equal(nextCursor, null);
        assert.deepEqual(items[0], { key: 'Q159', type: 'GPE', name: 'Russie', kb: 'Q159', country: 'RUS', sector: 'GOV', documents: 3, mentions: 5 });
        assert.deepEqual(items[1], { key: 'Q423', type: 'GPE', name: 'Corée du Nord', kb: 'Q423', country: 'PRK', sector: null, documents: 2, mentions: 2 });
        const martin = items.find((e) => e.key === 'PER:Claire Martin');
        assert.deepEqual(martin, { key: 'PER:Claire Martin', type: 'PER', name: 'Claire Martin', kb: null, country: null, sector: null, documents: 1, mentions: 2 });
        assert.deepEqual(items.map((e) => e.key).sort(), ['GPE:Villeneuve', 'PER:Claire Martin', 'Q159', 'Q423', 'Q71']);
      }));

      test('filters by type and by any name, without regard to case or accents', withStore(CORPUS_RECORDS, async (store) => {
        const keys = async (o: object): Promise<string[]> => (await store.entities({ limit: 50, ...o })).items.map((e) => e.key).sort();
        assert.deepEqual(await keys({ type: 'PER' }), ['PER:Claire Martin']);
        assert.deepEqual(await keys({ query: 'russia' }), ['Q159'], 'found by another of its names');
        assert.deepEqual(await keys({ query: 'COREE' }), ['Q423']);
        assert.deepEqual(await keys({ query: 'geneve', type: 'GPE' }), ['Q71']);
        assert.deepEqual(await keys({ query: 'geneve', type: 'PER' }), []);
      }));

      test('pages through entities once each', withStore(bulletins(25), async (store) => {
        const pages = await allPages((cursor) => store.entities({ limit: 6, cursor }));
        const keys = pages.flat().map((e) => e.key);
        assert.equal(keys.length, 26);
        assert.equal(new Set(keys).size, 26);
        assert.equal(keys[0], 'ORG:préfecture');
        assert.equal(pages[0]![0]!.documents, 25);
      }));

      test('entityMentions gives each document and the exact spans', withStore(CORPUS_RECORDS, async (store) => {
        const page = await store.entityMentions('Q159', { limit: 10 });
        assert.deepEqual(page.items.map((o) => o.document.id), [CORPUS.kremlinEn.doc.id, CORPUS.kremlinFr.doc.id, CORPUS.talks.doc.id]);
        for (const occurrence of page.items) {
          const record = CORPUS_RECORDS.find((r) => r.doc.id === occurrence.document.id)!;
          assert.equal(occurrence.entities.length, 1);
          const [e] = occurrence.entities;
          const original = record.entities.find((x) => x.id === e!.id)!;
          assert.deepEqual(e, { id: original.id, type: original.type, name: original.name, kb: original.kb, country: original.country, sector: original.sector, mentions: original.mentions });
          for (const m of e!.mentions) assert.equal(record.doc.text.slice(m.start, m.end), m.text);
        }
        const first = await store.entityMentions('Q159', { limit: 2 });
        assert.equal(first.items.length, 2);
        const rest = await store.entityMentions('Q159', { limit: 2, cursor: first.nextCursor });
        assert.deepEqual(rest.items.map((o) => o.document.id), [CORPUS.talks.doc.id]);
        assert.equal(rest.nextCursor, null);
        assert.deepEqual((await store.entityMentions('Q0')).items, []);
      }));
    });

    test('stats count documents, languages, sources, entities and mentions', withStore(CORPUS_RECORDS, async (store) => {
      const stats = await store.stats();
      assert.equal(stats.documents, 6);
      assert.deepEqual(stats.languages, [{ language: 'fr', documents: 4 }, { language: 'en', documents: 2 }]);
      const bySource = [...stats.sources].sort((a, b) => String(a.name).localeCompare(String(b.name)));
      assert.deepEqual(bySource, [
        { name: 'Harbour Tribune', documents: 1 }, { name: "Le Courrier de l'Est", documents: 2 }, { name: null, documents: 1 }, { name: 'Radio Plaine', documents: 2 },
      ]);
      assert.deepEqual(stats.sources.slice(0, 2).map((s) => s.documents), [2, 2], 'most documents first');
      assert.equal(stats.entities, 5);
      assert.equal(stats.mentions, CORPUS_RECORDS.flatMap((r) => r.entities.flatMap((e) => e.mentions)).length);
      assert.ok(stats.bytes > 0);
      const empty = await open();
      try {
        assert.deepEqual({ ...(await empty.stats()), bytes: 0 }, { documents: 0, languages: [], sources: [], entities: 0, mentions: 0, bytes: 0 });
      } finally {
        await empty.close();
      }
    }));

    test('exportRecords yields every record once, by id, whatever the order of ingestion', withStore([...bulletins(230), ...CORPUS_RECORDS].reverse(), async (store) => {
      const exported: string[] = [];
      for await (const r of store.exportRecords()) exported.push(JSON.stringify(r));
      const expected = [...bulletins(230), ...CORPUS_RECORDS].sort((a, b) => (a.doc.id < b.doc.id ? -1 : 1)).map((r) => JSON.stringify(r));
      assert.deepEqual(exported, expected);
    }));

    describe('sources', () => {
      const t0 = new Date('2024-03-12T08:00:00.000Z');
      const later = (seconds: number): Date => new Date(t0.getTime() + seconds * 1000);

      test('a new source is stored with its fields, due at once, found by id and by URL', withStore([], async (store) => {
        const a = await store.addSource({ url: 'https://courrier.example/rss.xml', name: 'Le Courrier', everySeconds: 900, at: t0 });
        assert.deepEqual({ ...a, id: 0 }, {
          id: 0, url: 'https://courrier.example/rss.xml', name: 'Le Courrier', everySeconds: 900, etag: null, lastModified: null,
          lastPolledAt: null, nextPollAt: t0.toISOString(), failures: 0, lastError: null, createdAt: t0.toISOString(),
        });
        const b = await store.addSource({ url: 'https://tribune.example/feed', everySeconds: 60, at: t0 });
        assert.equal(b.name, null);
        assert.ok(b.id !== a.id);
        assert.deepEqual(await store.listSources(), [a, b]);
        assert.deepEqual(await store.getSource(a.id), a);
        assert.deepEqual(await store.getSource('https://tribune.example/feed'), b);
        assert.equal(await store.getSource(a.id + b.id + 100), null);
        assert.equal(await store.getSource('https://nowhere.example/'), null);
      }));

      test('the same URL twice is refused with USAGE naming the existing id; a bad interval with USAGE', withStore([], async (store) => {
        const a = await store.addSource({ url: 'https://courrier.example/rss.xml', everySeconds: 900 });
        await assert.rejects(store.addSource({ url: 'https://courrier.example/rss.xml', everySeconds: 60 }), (err: unknown) => {
          assert.ok(isVeilleError(err) && err.code === 'USAGE', String(err));
          assert.match(err.message, new RegExp(`\\b${a.id}\\b`));
          return true;
        });
        for (const everySeconds of [0, -5, 1.5, Number.NaN]) {
          await rejectsWith('USAGE', store.addSource({ url: `https://x.example/${everySeconds}`, everySeconds }));
        }
        assert.equal((await store.listSources()).length, 1);
      }));

      test('dueSources gives those due at a time, the longest overdue first, then by id', withStore([], async (store) => {
        const a = await store.addSource({ url: 'https://a.example/feed', everySeconds: 60, at: later(30) });
        const b = await store.addSource({ url: 'https://b.example/feed', everySeconds: 60, at: t0 });
        const c = await store.addSource({ url: 'https://c.example/feed', everySeconds: 60, at: later(30) });
        const due = async (at: Date): Promise<number[]> => (await store.dueSources(at)).map((s) => s.id);
        assert.deepEqual(await due(later(-1)), []);
        assert.deepEqual(await due(t0), [b.id]);
        assert.deepEqual(await due(later(30)), [b.id, a.id, c.id]);
        await store.recordPoll(b.id, { polledAt: later(31), nextPollAt: later(91), error: null, etag: null, lastModified: null });
        assert.deepEqual(await due(later(60)), [a.id, c.id]);
        assert.deepEqual(await due(later(91)), [a.id, c.id, b.id]);
      }));

      test('recordPoll keeps validators and times; errors count failures, a success resets them', withStore([], async (store) => {
        const a = await store.addSource({ url: 'https://a.example/feed', everySeconds: 60, at: t0 });
        const ok = await store.recordPoll(a.id, { polledAt: later(1), nextPollAt: later(61), error: null, etag: '"v1"', lastModified: 'Tue, 12 Mar 2024 08:00:00 GMT' });
        assert.deepEqual(ok, { ...a, etag: '"v1"', lastModified: 'Tue, 12 Mar 2024 08:00:00 GMT', lastPolledAt: later(1).toISOString(), nextPollAt: later(61).toISOString() });
        await store.recordPoll(a.id, { polledAt: later(61), nextPollAt: later(121), error: 'HTTP 503', etag: '"v1"', lastModified: null });
        const twice = await store.recordPoll(a.id, { polledAt: later(121), nextPollAt: later(361), error: 'timed out', etag: '"v1"', lastModified: null });
        assert.deepEqual([twice?.failures, twice?.lastError, twice?.etag, twice?.nextPollAt], [2, 'timed out', '"v1"', later(361).toISOString()]);
        const back = await store.recordPoll(a.id, { polledAt: later(361), nextPollAt: later(421), error: null, etag: null, lastModified: null });
        assert.deepEqual([back?.failures, back?.lastError, back?.etag], [0, null, null]);
        assert.deepEqual(await store.getSource(a.id), back);
        assert.equal(await store.recordPoll(a.id + 1000, { polledAt: t0, nextPollAt: t0, error: null, etag: null, lastModified: null }), null);
      }));

      test('removeSource by id or URL; false when absent; ids are not given again; documents stay', withStore([CORPUS.flood], async (store) => {
        const a = await store.addSource({ url: 'https://a.example/feed', everySeconds: 60 });
        const b = await store.addSource({ url: 'https://b.example/feed', everySeconds: 60 });
        assert.equal(await store.removeSource(b.id), true);
        assert.equal(await store.removeSource(b.id), false);
        assert.equal(await store.removeSource('https://a.example/feed'), true);
        assert.equal(await store.removeSource('https://a.example/feed'), false);
        assert.deepEqual(await store.listSources(), []);
        const c = await store.addSource({ url: 'https://b.example/feed', everySeconds: 60 });
        assert.ok(c.id > b.id && c.id > a.id, 'a removed id is not reused');
        assert.equal(await store.hasDocument(CORPUS.flood.doc.id), true);
      }));

      test('seenItems tells the keys remembered, by any source; a key keeps its first document', withStore([], async (store) => {
        const a = await store.addSource({ url: 'https://a.example/feed', everySeconds: 60 });
        assert.deepEqual(await store.seenItems([]), new Set());
        await store.rememberItems([
          { key: 'link:https://a.example/1', docId: '0123456789abcdef', sourceId: a.id },
          { key: 'guid:1:x', docId: '0123456789abcdef', sourceId: null },
        ]);
        await store.rememberItems([{ key: 'link:https://a.example/1', docId: 'fedcba9876543210', sourceId: null }]);
        const keys = ['link:https://a.example/1', 'link:https://a.example/2', 'guid:1:x', "'; DROP TABLE sources; --", '%', '\u0000'];
        assert.deepEqual(await store.seenItems(keys), new Set(['link:https://a.example/1', 'guid:1:x']));
        const many = Array.from({ length: 1200 }, (_, i) => ({ key: `k${i}`, docId: '0123456789abcdef', sourceId: a.id }));
        await store.rememberItems(many);
        assert.equal((await store.seenItems(many.map((m) => m.key).concat('absent'))).size, 1200, 'more keys than one query binds');
        assert.equal(await store.removeSource(a.id), true);
        assert.equal((await store.seenItems(['link:https://a.example/1', 'k7'])).size, 2, 'items stay known after their source goes');
        await store.rememberItems([{ key: 'late', docId: '0123456789abcdef', sourceId: a.id }]);
        assert.deepEqual(await store.seenItems(['late']), new Set(['late']), 'an item of a source removed meanwhile is still remembered');
      }));

      test('hostile URLs and names are plain values', withStore([], async (store) => {
        const url = "https://x.example/'; DROP TABLE sources; --";
        const a = await store.addSource({ url, name: '%\u0000🙂', everySeconds: 60 });
        assert.deepEqual(await store.getSource(url), a);
        assert.equal(await store.getSource('%'), null);
        assert.equal(await store.removeSource('%'), false);
        assert.deepEqual((await store.listSources()).map((s) => s.name), ['%\u0000🙂']);
      }));
    });

    describe('stories (StoryStore)', () => {
      /** Runs a story test on a new store filled with records; skipped, saying so, where the backend does not cluster yet. */
      const withStories = (records: AnalysisRecord[], fn: (store: Store & StoryStore) => Promise<void>) => async (t: { skip(message?: string): void }) => {
        const store = await open();
        try {
          if (!hasStories(store)) {
            t.skip(`${name} does not implement StoryStore yet`);
            return;
          }
          for (const r of records) await store.putAnalysis(r);
          await fn(store);
        } finally {
          await store.close();
        }
      };
      const { visitFr, visitEn, reprintFr, harvest } = STORY_RECORDS;
      const storiesOf = (store: StoryStore, records: AnalysisRecord[]) => Promise.all(records.map((r) => store.storyOf(r.doc.id)));

      test('each stored document joins a story: reports of one story across languages together, the unrelated apart, named after the oldest', withStories([visitFr, visitEn, reprintFr, harvest], async (store) => {
        const [fr, en, copy, other] = await storiesOf(store, [visitFr, visitEn, reprintFr, harvest]);
        assert.equal(fr, `s${visitFr.doc.id}`);
        assert.deepEqual([en, copy], [fr, fr]);
        assert.equal(other, `s${harvest.doc.id}`);
        assert.deepEqual((await store.getStory(fr as string))?.documents, [
          { id: visitFr.doc.id, duplicateOf: null }, { id: visitEn.doc.id, duplicateOf: null }, { id: reprintFr.doc.id, duplicateOf: visitFr.doc.id },
        ], 'members in stored order, the reprint marked as a copy');
        assert.equal(await store.getStory(`s${visitEn.doc.id}`), null);
        assert.equal(await store.storyOf('0123456789abcdef'), null);
      }));

      test('listStories: newest first, sizes and dates, keyset pages; bad cursors refused', withStories([visitEn, harvest, visitFr, ...CORPUS_RECORDS], async (store) => {
        const pages = await allPages((cursor) => store.listStories({ limit: 2, cursor }));
        const stories = pages.flat();
        assert.equal(stories.reduce((n, s) => n + s.documents, 0), 3 + CORPUS_RECORDS.length);
        assert.deepEqual(stories.map((s) => s.lastDate ?? ''), stories.map((s) => s.lastDate ?? '').sort().reverse());
        const visit = stories.find((s) => s.id === `s${visitEn.doc.id}`);
        assert.deepEqual(visit, { id: `s${visitEn.doc.id}`, documents: 2, firstDate: '2024-06-11', lastDate: '2024-06-12' });
        await rejectsWith('BAD_QUERY', store.listStories({ limit: 2, cursor: 'not a cursor' }));
        await rejectsWith('BAD_QUERY', store.listStories({ limit: 0 }));
      }));

      test('recluster gives the stories incremental ingestion gave', withStories([harvest, visitEn, ...bulletins(20), visitFr, reprintFr, ...CORPUS_RECORDS], async (store) => {
        const all = [harvest, visitEn, ...bulletins(20), visitFr, reprintFr, ...CORPUS_RECORDS];
        const before = await storiesOf(store, all);
        const listed = (await store.listStories({ limit: 1000 })).items;
        assert.deepEqual(await store.recluster(), { documents: all.length, stories: listed.length });
        assert.deepEqual(await storiesOf(store, all), before);
        assert.deepEqual((await store.listStories({ limit: 1000 })).items, listed);
      }));

      test('putAnalyses gives the stories that putAnalysis one by one gives', async () => {
        const all = [harvest, visitEn, ...bulletins(12), visitFr, reprintFr, ...CORPUS_RECORDS];
        const one = await open();
        const batched = await open();
        try {
          for (const r of all) await one.putAnalysis(r);
          assert.ok(hasStories(one) && hasStories(batched));
          assert.ok((await batched.putAnalyses(all.slice(0, 9))).every((r) => r.ok));
          assert.ok((await batched.putAnalyses(all.slice(9))).every((r) => r.ok));
          assert.deepEqual(await storiesOf(batched, all), await storiesOf(one, all));
          assert.deepEqual((await batched.listStories({ limit: 1000 })).items, (await one.listStories({ limit: 1000 })).items);
        } finally {
          await one.close();
          await batched.close();
        }
      });

      test('an updated record is clustered again; an unchanged one changes nothing', withStories([visitFr, visitEn], async (store) => {
        assert.equal(await store.putAnalysis(visitFr), 'unchanged');
        assert.equal(await store.putAnalysis(variant(visitEn, { doc: { title: 'Scholz lands in Warsaw' } })), 'updated');
        assert.deepEqual(await storiesOf(store, [visitFr, visitEn]), [`s${visitFr.doc.id}`, `s${visitFr.doc.id}`]);
        assert.deepEqual((await store.listStories({ limit: 10 })).items.map((s) => s.documents), [2]);
      }));
    });

    test('a closed store refuses calls with STORE; closing twice is harmless', async () => {
      const store = await open();
      await store.putAnalysis(CORPUS.flood);
      await store.close();
      await store.close();
      await rejectsWith('STORE', store.hasDocument(CORPUS.flood.doc.id));
      await rejectsWith('STORE', store.putAnalysis(CORPUS.council));
      await rejectsWith('STORE', store.putAnalyses([CORPUS.council]));
      await rejectsWith('STORE', (async () => { for await (const _ of store.exportRecords()) break; })());
      await rejectsWith('STORE', store.listSources());
      await rejectsWith('STORE', store.addSource({ url: 'https://a.example/feed', everySeconds: 60 }));
    });
  });
}
