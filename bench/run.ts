/**
 * `npm run bench [-- --mb N] [-- --json]`: throughput of each stage of Veille on real French
 * news text (the OrangeSum sample in ../shared), with peer libraries run on the same texts in
 * the same process as reference ratios, and the peak memory. The first 100 documents are
 * analysed once before timing (ours and the peers'), and that cold rate is printed apart. Our
 * documents go through the pipeline in batches of BATCH_SIZE, as ingest runs them; the peers
 * have no batch mode and take one text at a time, as their users run them. `npm run bench -- scale …` runs
 * the growth benchmark instead (bench/scale.ts), `stories …` the clustering cost, `api …` the
 * HTTP latencies.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPipeline } from '../src/analyzers/index.js';
import { BATCH_SIZE } from '../src/core/pipeline.js';
import type { Doc } from '../src/core/record.js';
import { readInput } from '../src/ingest/index.js';
import type { IngestedDocument } from '../src/ingest/types.js';
import { openStore } from '../src/store/open.js';
import { toDocument } from '../src/text/document.js';
import { frenchNewsSample } from './corpus.js';
import { compromisePeer, winkPeer, type Peer } from './peers.js';
import { collectGarbage, round } from './support.js';

interface Rate {
  mb_per_s: number;
  docs_per_s: number;
}

interface BenchResult {
  corpus: { name: string; docs: number; mb: number };
  stages: Record<string, Rate>;
  pipeline: Rate;
  /** One-time loading of the KB, the NER model and the lexicons, kept out of the stage rates. */
  load_s: number;
  /** The analysis rate of the first WARMUP_DOCS documents, before V8 has optimised the code (all analyzers). */
  cold_analysis: Rate;
  /** Resident memory once the KB, model and lexicons are loaded, before the peers load theirs. */
  rss_after_load_mb: number;
  peers: { name: string; mb_per_s: number; ratio: number }[];
  peak_rss_mb: number;
}

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const mbArg = args.indexOf('--mb');
const megabytes = mbArg >= 0 ? Number(args[mbArg + 1]) : 2;

/** Documents analysed once before the timed pass (see main). */
const WARMUP_DOCS = 100;

const rate = (ms: number, bytes: number, docs: number): Rate => ({
  mb_per_s: round(bytes / 1e6 / (ms / 1000)),
  docs_per_s: round(docs / (ms / 1000)),
});

async function main(): Promise<void> {
  const sample = frenchNewsSample(megabytes);
  const { bytes } = sample;
  const docsCount = sample.texts.length;
  const stagesMs: Record<string, number> = {};
  const add = (stage: string, ms: number): void => { stagesMs[stage] = (stagesMs[stage] ?? 0) + ms; };

  // read: the JSONL reader over the sample, one line at a time as `veille ingest` reads a file.
  let began = performance.now();
  const ingested: IngestedDocument[] = [];
  for (const [i, line] of sample.lines.entries()) {
    for (const outcome of readInput({ origin: `orangesum.jsonl#L${i + 1}`, bytes: Buffer.from(line), contentType: 'application/jsonl' })) {
      if (outcome.ok) ingested.push(outcome.doc);
    }
  }
  add('read', performance.now() - began);

  began = performance.now();
  const docs: Doc[] = ingested.map(toDocument);
  add('text (normalize+language)', performance.now() - began);

  // The first document loads the KB, the model and every lexicon: timed apart, once.
  const pipeline = createPipeline();
  began = performance.now();
  if (docs[0]) pipeline.analyze(docs[0]);
  const loadSeconds = (performance.now() - began) / 1000;
  collectGarbage(); // what loading keeps, not the corpus file's garbage still awaiting collection
  const rssAfterLoad = Math.round(process.memoryUsage().rss / 2 ** 20);

  // Warm-up: the first documents analysed once, untimed in the stage rates, so that these
  // measure a running ingest rather than V8 compiling the code and the rules' regexes; the
  // rate of this cold pass is printed apart.
  const warmup = docs.slice(0, WARMUP_DOCS);
  began = performance.now();
  for (let i = 0; i < warmup.length; i += BATCH_SIZE) pipeline.analyzeBatch(warmup.slice(i, i + BATCH_SIZE));
  const coldRate = rate(performance.now() - began, warmup.reduce((n, d) => n + Buffer.byteLength(d.text), 0), warmup.length);

  // Documents are analysed then stored in batches, as `veille ingest` does: records are not
  // kept, so the stage rates are not charged for collecting a heap only a benchmark would hold.
  const dir = mkdtempSync(join(tmpdir(), 'veille-bench-'));
  try {
    const store = await openStore(join(dir, 'bench.db'));
    for (let i = 0; i < docs.length; i += BATCH_SIZE) {
      const outcomes = pipeline.analyzeBatch(docs.slice(i, i + BATCH_SIZE), (analyzer, ms) => add(analyzer.name, ms));
      const records = outcomes.map((outcome) => {
        if (!outcome.ok) throw outcome.error;
        return outcome.record;
      });
      began = performance.now();
      for (const result of await store.putAnalyses(records)) if (!result.ok) throw result.error;
      add('store (sqlite, stories included)', performance.now() - began);
    }
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const totalMs = Object.values(stagesMs).reduce((a, b) => a + b, 0);
  const pipelineRate = rate(totalMs, bytes, docsCount);
  const peers: BenchResult['peers'] = [];
  for (const peer of [winkPeer(), compromisePeer()] satisfies Peer[]) {
    for (const text of sample.texts.slice(0, WARMUP_DOCS)) peer.run(text); // the same warm-up as ours
    const t0 = performance.now();
    for (const text of sample.texts) peer.run(text);
    const mbs = rate(performance.now() - t0, bytes, docsCount).mb_per_s;
    peers.push({ name: peer.name, mb_per_s: mbs, ratio: round(pipelineRate.mb_per_s / mbs) });
  }
  const result: BenchResult = {
    corpus: { name: 'news-fr/orangesum (first articles)', docs: docsCount, mb: round(bytes / 1e6) },
    stages: Object.fromEntries(Object.entries(stagesMs).map(([k, ms]) => [k, rate(ms, bytes, docsCount)])),
    pipeline: pipelineRate,
    load_s: round(loadSeconds),
    cold_analysis: coldRate,
    rss_after_load_mb: rssAfterLoad,
    peers,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  if (asJson) console.log(JSON.stringify(result));
  else printTable(result);
}

function printTable(r: BenchResult): void {
  const row = (cells: (string | number)[]): string => cells.map((c, i) => (i === 0 ? String(c).padEnd(34) : String(c).padStart(10))).join(' ');
  console.log(`corpus: ${r.corpus.name}, ${r.corpus.docs} docs, ${r.corpus.mb} MB of text`);
  console.log(row(['stage', 'MB/s', 'docs/s']));
  for (const [name, s] of Object.entries(r.stages)) console.log(row([name, s.mb_per_s, s.docs_per_s]));
  console.log(row(['pipeline (all stages)', r.pipeline.mb_per_s, r.pipeline.docs_per_s]));
  console.log(`load (KB, NER model, lexicons; once, not in the rates): ${r.load_s} s, RSS then ${r.rss_after_load_mb} MB`);
  console.log(`warm-up (first ${WARMUP_DOCS} documents analysed once before the timed pass): ${r.cold_analysis.mb_per_s} MB/s for all analyzers`);
  console.log('');
  console.log(row(['peer (same texts, same run)', 'MB/s', 'veille ×']));
  for (const p of r.peers) console.log(row([p.name, p.mb_per_s, p.ratio]));
  console.log(`\npeak RSS (peers loaded): ${r.peak_rss_mb} MB`);
}

// Sub-commands: `npm run bench -- scale …` runs the growth benchmark (bench/scale.ts);
// `npm run bench -- stories …` the story clustering cost per document (bench/stories.ts);
// `npm run bench -- api …` the HTTP latencies with 10k documents stored (bench/api.ts);
// `npm run bench -- search …` search latency from 1k to 100k documents (bench/search.ts).
const run = args[0] === 'scale' ? async (): Promise<void> => (await import('./scale.js')).runScale(args.slice(1))
  : args[0] === 'stories' ? async (): Promise<void> => (await import('./stories.js')).runStories(args.slice(1))
  : args[0] === 'api' ? async (): Promise<void> => (await import('./api.js')).runApi(args.slice(1))
  : args[0] === 'search' ? async (): Promise<void> => (await import('./search.js')).runSearch(args.slice(1))
  : main;

run().catch((e: unknown) => {
  console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
