/**
 * Stories: clustering of reports into stories (B-cubed and pairwise P/R/F1) on the ECB+
 * development topics (../shared/data/stories-en, English, two events of one kind per topic)
 * and on the own French/English set (eval/gold/stories-own.jsonl: near-duplicates,
 * cross-lingual pairs, same-kind different events); near-duplicate detection on the own set;
 * fact alignment on hand-annotated records (eval/gold/stories-facts.jsonl). Documents are
 * analyzed by the registered pipeline and stored, in file order, in a fresh store: the
 * clustering measured is the one `veille ingest` does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createPipeline } from '../../src/analyzers/index.js';
import type { AnalysisRecord } from '../../src/core/record.js';
import { openSqliteStore } from '../../src/store/sqlite/store.js';
import { bcubed, pairwise, type ClusterScore } from '../../src/stories/cluster-metrics.js';
import { toDocument } from '../../src/text/document.js';
import { buildStory } from '../../src/stories/build.js';
import type { Fact } from '../../src/stories/story.js';
import { annotatedRecord, type AnnotatedDoc } from '../../test/fixtures/stories/annotated.js';
import { sharedPath } from '../../test/support/shared.js';
import { readGold } from '../gold-file.js';
import { score, scoreRow } from '../scorer.js';
import type { Evaluation, EvaluationResult, MeasureRow, ScoreRow } from '../types.js';

interface GoldDoc {
  id: string;
  story: string;
  language: string;
  text: string;
  date?: string | null;
  source?: string | null;
  title?: string | null;
  copy_of?: string | null;
}

const isGoldDoc = (v: unknown): v is GoldDoc => {
  const o = v as GoldDoc;
  return typeof o?.id === 'string' && typeof o.story === 'string' && typeof o.text === 'string' && typeof o.language === 'string';
};

const ECB_DEV = sharedPath('data', 'stories-en', 'ecbplus-dev.jsonl');

function analyze(docs: readonly GoldDoc[]): AnalysisRecord[] {
  const pipeline = createPipeline();
  return docs.map((d) => pipeline.analyze(toDocument({
    origin: d.id, text: d.text, title: d.title ?? null, date: d.date ?? null,
    source: { name: d.source ?? null, url: null }, language: d.language,
  })));
}

interface SetResult {
  bcubed: ClusterScore;
  pairwise: ClusterScore;
  stories: Map<string, string>;
  msPerDoc: number;
  reclusterSame: boolean;
  duplicates: Map<string, string | null>;
}

/** Stores the records in order in a fresh store; reads back each document's story. */
async function clusterSet(docs: readonly GoldDoc[], records: readonly AnalysisRecord[]): Promise<SetResult> {
  const store = await openSqliteStore(':memory:');
  try {
    const began = performance.now();
    for (const r of records) await store.putAnalysis(r);
    const msPerDoc = (performance.now() - began) / Math.max(1, records.length);
    const stories = new Map<string, string>();
    const duplicates = new Map<string, string | null>();
    for (const r of records) {
      const story = await store.storyOf(r.doc.id);
      stories.set(r.doc.id, story ?? `none:${r.doc.id}`);
      const members = story ? await store.getStory(story) : null;
      duplicates.set(r.doc.id, members?.documents.find((m) => m.id === r.doc.id)?.duplicateOf ?? null);
    }
    await store.recluster();
    let reclusterSame = true;
    for (const r of records) if ((await store.storyOf(r.doc.id)) !== stories.get(r.doc.id)) reclusterSame = false;
    const gold = docs.map((d) => d.story);
    const predicted = records.map((r) => stories.get(r.doc.id) as string);
    return { bcubed: bcubed(gold, predicted), pairwise: pairwise(gold, predicted), stories, msPerDoc, reclusterSame, duplicates };
  } finally {
    await store.close();
  }
}

function rows(set: string, r: SetResult): ScoreRow[] {
  const b = r.bcubed;
  const p = r.pairwise;
  return [
    { set, metric: 'B-cubed (gold/predicted: stories)', gold: b.goldClusters, predicted: b.predictedClusters, precision: b.precision, recall: b.recall, f1: b.f1 },
    { set, metric: 'pairwise (gold/predicted: pairs)', gold: p.tp + p.fn, predicted: p.tp + p.fp, precision: p.precision, recall: p.recall, f1: p.f1 },
  ];
}

/** Gold stories split or merged, for the notes: which gold stories ended up where. */
function confusions(docs: readonly GoldDoc[], records: readonly AnalysisRecord[], stories: Map<string, string>, max: number): string[] {
  const byGold = new Map<string, Set<string>>();
  const byPredicted = new Map<string, Set<string>>();
  docs.forEach((d, i) => {
    const s = stories.get((records[i] as AnalysisRecord).doc.id) as string;
    byGold.set(d.story, (byGold.get(d.story) ?? new Set()).add(s));
    byPredicted.set(s, (byPredicted.get(s) ?? new Set()).add(d.story));
  });
  const notes: string[] = [];
  for (const [s, golds] of byPredicted) if (golds.size > 1) notes.push(`merged: ${[...golds].sort().join(' + ')} (${s})`);
  for (const [g, predicted] of byGold) if (predicted.size > 1) notes.push(`split: ${g} into ${predicted.size} stories`);
  return notes.slice(0, max);
}

/** A story of the fact gold: annotations of own-set documents (their text is in stories-own.jsonl) and the facts. */
interface FactGoldStory {
  story: string;
  docs: Omit<AnnotatedDoc, 'text' | 'language'>[];
  facts: { kind: Fact['kind']; status: Fact['status']; reports: string[] }[];
}

const isFactStory = (v: unknown): v is FactGoldStory => {
  const o = v as FactGoldStory;
  return typeof o?.story === 'string' && Array.isArray(o.docs) && Array.isArray(o.facts);
};

/** Unordered pairs of reports (`doc|text`) of different documents told as one fact. */
function reportPairs(facts: readonly { reports: readonly string[] }[]): Set<string> {
  const pairs = new Set<string>();
  for (const f of facts) {
    for (const a of f.reports) for (const b of f.reports) {
      if (a < b && a.split('|')[0] !== b.split('|')[0]) pairs.add(`${a}\u0000${b}`);
    }
  }
  return pairs;
}

/**
 * Fact alignment on hand-annotated records: pairwise P/R over reports put in one fact (each
 * report is a document and the text of its item), status agreement on gold facts with two
 * or more reports, and conflict detection. Measures alignment alone, whatever the analyzers.
 */
function factAlignment(own: readonly GoldDoc[]): Required<EvaluationResult> {
  const result: Required<EvaluationResult> = { scores: [], measures: [], notes: [] };
  const texts = new Map(own.map((d) => [d.id, d]));
  let tp = 0, fp = 0, fn = 0, statusSeen = 0, statusRight = 0, ctp = 0, cfp = 0, cfn = 0;
  for (const gold of readGold('stories-facts.jsonl', isFactStory)) {
    const docs = gold.docs.map((a) => {
      const base = texts.get(a.id);
      if (!base) throw new Error(`eval/gold/stories-facts.jsonl: ${a.id} is not in stories-own.jsonl`);
      return { gold: base, record: annotatedRecord({ ...a, text: base.text, language: base.language, date: base.date ?? null, source: base.source ?? null, title: base.title ?? null }) };
    });
    const goldIdOf = new Map(docs.map((d) => [d.record.doc.id, d.gold.id]));
    const hashOf = new Map(docs.map((d) => [d.gold.id, d.record.doc.id]));
    const story = buildStory(`s${docs[0]?.record.doc.id ?? ''}`, docs.map((d) => ({ record: d.record, duplicateOf: d.gold.copy_of ? (hashOf.get(d.gold.copy_of) ?? null) : null })));
    const predicted = story.facts.map((f) => ({ ...f, keys: f.reports.map((r) => `${goldIdOf.get(r.doc)}|${r.span.text}`) }));
    const [g, p] = [reportPairs(gold.facts), reportPairs(predicted.map((f) => ({ reports: f.keys })))];
    const hits = [...p].filter((x) => g.has(x)).length;
    tp += hits; fp += p.size - hits; fn += g.size - hits;
    for (const f of gold.facts) {
      const match = predicted.find((q) => q.keys.includes(f.reports[0] as string));
      if (f.reports.length >= 2) {
        statusSeen++;
        if (match?.status === f.status) statusRight++;
        else result.notes.push(`facts ${gold.story}: ${f.kind} [${f.reports.join(' ; ')}] is ${f.status}, predicted ${match ? `${match.status} with [${match.keys.join(' ; ')}]` : 'nothing'}`);
      }
      if (f.status === 'conflict') { if (match?.status === 'conflict') ctp++; else cfn++; }
    }
    for (const q of predicted) {
      if (q.status === 'conflict' && !gold.facts.some((f) => f.status === 'conflict' && f.reports.some((r) => q.keys.includes(r)))) {
        cfp++;
        result.notes.push(`facts ${gold.story}: predicted conflict not in gold: ${q.key} — ${q.conflict ?? ''}`);
      }
    }
  }
  result.scores.push(scoreRow('facts/own (annotated)', 'aligned report pairs', score(tp, fp, fn)));
  result.scores.push(scoreRow('facts/own (annotated)', 'conflicts found', score(ctp, cfp, cfn)));
  result.measures.push({ set: 'facts/own (annotated)', metric: 'status agreement (facts told twice or more)', n: statusSeen, value: statusSeen ? statusRight / statusSeen : 0 });
  return result;
}

const evaluation: Evaluation = {
  name: 'stories',
  description: 'Story clustering (B-cubed, pairwise) on ECB+ dev and the own fr/en set; near-duplicates; fact alignment on annotated records.',
  async run(): Promise<EvaluationResult> {
    const result: Required<EvaluationResult> = { scores: [], measures: [], notes: [] };
    const measure = (set: string, metric: string, n: number, value: number): void => { result.measures.push({ set, metric, n, value } satisfies MeasureRow); };

    const own = readGold('stories-own.jsonl', isGoldDoc);
    const ownRecords = analyze(own);
    const o = await clusterSet(own, ownRecords);
    result.scores.push(...rows('own/fr+en', o));
    const ids = new Map(own.map((d, i) => [d.id, (ownRecords[i] as AnalysisRecord).doc.id]));
    let tp = 0, fp = 0, fn = 0;
    own.forEach((d, i) => {
      const found = o.duplicates.get((ownRecords[i] as AnalysisRecord).doc.id) ?? null;
      const want = d.copy_of ? (ids.get(d.copy_of) ?? null) : null;
      if (found && want && found === want) tp++;
      else {
        if (found) fp++;
        if (want) fn++;
      }
    });
    const dupP = tp + fp > 0 ? tp / (tp + fp) : 1;
    const dupR = tp + fn > 0 ? tp / (tp + fn) : 1;
    result.scores.push({ set: 'own/fr+en', metric: 'near-duplicate of (copies)', gold: tp + fn, predicted: tp + fp, precision: dupP, recall: dupR, f1: dupP + dupR > 0 ? (2 * dupP * dupR) / (dupP + dupR) : 0 });
    measure('own/fr+en', 'recluster = incremental (1 = yes)', own.length, o.reclusterSame ? 1 : 0);
    measure('own/fr+en', 'putAnalysis ms per document (store + clustering)', own.length, o.msPerDoc);
    result.notes.push(...confusions(own, ownRecords, o.stories, 10).map((n) => `own: ${n}`));

    if (existsSync(ECB_DEV)) {
      const ecb = readFileSync(ECB_DEV, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as GoldDoc);
      const ecbRecords = analyze(ecb);
      const e = await clusterSet(ecb, ecbRecords);
      result.scores.push(...rows('ecb+/dev', e));
      measure('ecb+/dev', 'recluster = incremental (1 = yes)', ecb.length, e.reclusterSame ? 1 : 0);
      measure('ecb+/dev', 'putAnalysis ms per document (store + clustering)', ecb.length, e.msPerDoc);
      // Incremental clustering depends on order (what IDF knows, which story forms first): the
      // same documents in another fixed order, interleaving topics as a feed would.
      const shuffled = ecb.map((d, i) => ({ d, r: ecbRecords[i] as AnalysisRecord })).sort((x, y) => (x.r.doc.id < y.r.doc.id ? -1 : 1));
      const s = await clusterSet(shuffled.map((x) => x.d), shuffled.map((x) => x.r));
      measure('ecb+/dev', 'B-cubed F1, documents in document-id order', ecb.length, s.bcubed.f1);
      result.notes.push(...confusions(ecb, ecbRecords, e.stories, 12).map((n) => `ecb+/dev: ${n}`));
      result.notes.push('ECB+ (Cybulska & Vossen 2014, CC BY 3.0): odd topics only; even topics are a held-out test, not used here.');
    } else {
      result.notes.push(`ecb+/dev skipped: ${ECB_DEV} is absent (../shared beside the checkout)`);
    }

    const facts = factAlignment(own);
    result.scores.push(...facts.scores);
    result.measures.push(...facts.measures);
    result.notes.push(...facts.notes);
    return result;
  },
};

export default evaluation;
