/**
 * `npm run bench -- scale [--max N] [--workers-docs M] [--worker-concurrency C] [--seed S] [--no-postgres] [--no-workers] [--json]`:
 * how Veille grows. On a generated corpus (bench/generate.ts) it measures, in one pass:
 * - each stage of the pipeline (read, text, each analyzer, each store): MB/s and docs/s;
 * - SQLite against PostgreSQL, at checkpoints from 1k to N documents (default 10,000; 100,000
 *   with --max 100000): ingest rate of the last increment, search p50/p95 (a fixed mix of
 *   names, words, phrases, prefixes and filters), database size; the ratio of the largest
 *   checkpoint to 1k shows growth;
 * - 1 and 2 `veille worker` processes on PostgreSQL, fed by `ingest --queue`'s code: end-to-end
 *   MB/s of French text, once each worker has taken 100 documents (bench/scale-workers.ts);
 * - peak memory (this process, and each worker).
 * PostgreSQL is VEILLE_BENCH_PG (a URL to a database it may create databases from), else a
 * throwaway cluster with PostgreSQL's default durability (fsync on), else skipped. Results
 * are printed as tables and written to bench/results/scale-<N>.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createPipeline } from '../src/analyzers/index.js';
import type { AnalysisRecord } from '../src/core/record.js';
import { readInput } from '../src/ingest/index.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';
import { toDocument } from '../src/text/document.js';
import { createTestDatabase, findPgBin, startThrowawayCluster, type TestServer } from '../test/support/postgres.js';
import { generateCorpus } from './generate.js';
import { measureWorkers, type WorkersResult } from './scale-workers.js';
import { measureSearch, searchMix, type SearchQuery } from './search-mix.js';
import { round, wholeOption as option } from './support.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHECKPOINTS = [1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000];

interface Rate { mb_per_s: number; docs_per_s: number }
interface Checkpoint {
  docs: number;
  mb: number;
  stores: Record<string, { ingest: Rate; cpu_ms_per_doc: number; search_p50_ms: number; search_p95_ms: number; search_p95_by_kind_ms: Record<string, number>; db_mb: number }>;
}
interface ScaleResult {
  date: string;
  machine: { cpus: number; model: string; node: string; postgres: string | null };
  corpus: { generator: string; seed: number; docs: number; mb: number; french_share: number };
  pipeline: { stages: Record<string, Rate>; analysis: Rate };
  growth: Checkpoint[];
  ratios: Record<string, { ingest_cost: number; ingest_cpu: number; search_p95: number }>;
  workers: WorkersResult[];
  stories: string;
  peak_rss_mb: number;
}

const rate = (ms: number, bytes: number, docs: number): Rate => ({ mb_per_s: round(bytes / 1e6 / (ms / 1000)), docs_per_s: round(docs / (ms / 1000), 1) });

/** The search mix with names taken from the first documents' entities. */
function mixOf(records: AnalysisRecord[]): SearchQuery[] {
  const names = new Map<string, boolean>();
  for (const r of records) for (const e of r.entities) if (e.name.length > 4 && !names.has(e.name) && e.type !== 'MISC') names.set(e.name, e.type === 'GPE' || e.type === 'LOC');
  return searchMix([...names].map(([name, place]) => ({ name, place })));
}

/** A PostgreSQL server for the bench: VEILLE_BENCH_PG, else a throwaway cluster (durable), else null. */
export async function benchServer(): Promise<TestServer | null> {
  if (process.env.VEILLE_BENCH_PG) return { adminUrl: process.env.VEILLE_BENCH_PG, owned: false, restart: () => undefined, stop: () => undefined };
  const bin = findPgBin();
  return bin ? startThrowawayCluster(bin, { durable: true }) : null;
}

export async function runScale(args: string[]): Promise<void> {
  const max = option(args, '--max', 10_000);
  const seed = option(args, '--seed', 1);
  const workersDocs = option(args, '--workers-docs', 2_000);
  const workerConcurrency = args.includes('--worker-concurrency') ? option(args, '--worker-concurrency', 2) : null;
  const withPostgres = !args.includes('--no-postgres');
  const asJson = args.includes('--json');
  const log = (line: string): void => { if (!asJson) process.stderr.write(`${line}\n`); };

  const server = withPostgres ? await benchServer() : null;
  const database = server ? await createTestDatabase(server) : null;
  const dir = mkdtempSync(join(tmpdir(), 'veille-scale-'));
  const targets: { name: string; store: Store }[] = [{ name: 'sqlite', store: await openStore(join(dir, 'scale.db')) }];
  if (database) targets.push({ name: 'postgres', store: await openStore(database.url) });
  let postgresVersion: string | null = null;
  if (database) {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    postgresVersion = (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? null;
    await client.end();
  }

  const stagesMs: Record<string, number> = {};
  const add = (stage: string, ms: number): void => { stagesMs[stage] = (stagesMs[stage] ?? 0) + ms; };
  const pipeline = createPipeline();
  const checkpoints = [...CHECKPOINTS.filter((c) => c < max), max];
  const growth: Checkpoint[] = [];
  const firstRecords: AnalysisRecord[] = [];
  let mix: SearchQuery[] = [];
  let bytes = 0;
  let french = 0;
  const zero = (): Record<string, number> => Object.fromEntries(targets.map((t) => [t.name, 0]));
  // CPU time of this process beside wall time: steadier on a shared machine (PostgreSQL's own work is not in it)
  let increment = { bytes: 0, docs: 0, ms: zero(), cpuMs: zero() };
  try {
    let i = 0;
    for (const generated of generateCorpus(max, seed)) {
      const line = Buffer.from(JSON.stringify(generated));
      let t0 = performance.now();
      const [outcome] = readInput({ origin: generated.origin, bytes: line, contentType: 'application/jsonl' });
      add('read (jsonl)', performance.now() - t0);
      if (!outcome?.ok) throw new Error(`generated document ${i} did not read: ${outcome?.ok === false ? outcome.error.message : 'nothing'}`);
      t0 = performance.now();
      const doc = toDocument(outcome.doc);
      add('text (normalize+language)', performance.now() - t0);
      const record = pipeline.analyze(doc, (analyzer, ms) => add(analyzer.name, ms));
      for (const t of targets) {
        t0 = performance.now();
        const cpu0 = process.cpuUsage();
        await t.store.putAnalysis(record);
        const cpu = process.cpuUsage(cpu0);
        const ms = performance.now() - t0;
        add(`store (${t.name})`, ms);
        increment.ms[t.name]! += ms;
        increment.cpuMs[t.name]! += (cpu.user + cpu.system) / 1000;
      }
      const size = Buffer.byteLength(doc.text);
      bytes += size;
      if (doc.language === 'fr') french++;
      increment.bytes += size;
      increment.docs++;
      if (firstRecords.length < 1000) firstRecords.push(record);
      i++;
      if (i % 1000 === 0) log(`scale: ${i}/${max} documents`);
      if (checkpoints.includes(i)) {
        if (mix.length === 0) mix = mixOf(firstRecords);
        const point: Checkpoint = { docs: i, mb: round(bytes / 1e6), stores: {} };
        for (const t of targets) {
          const search = await measureSearch(t.store, mix);
          point.stores[t.name] = {
            ingest: rate(increment.ms[t.name]!, increment.bytes, increment.docs),
            cpu_ms_per_doc: round(increment.cpuMs[t.name]! / increment.docs),
            search_p50_ms: search.p50,
            search_p95_ms: search.p95,
            search_p95_by_kind_ms: search.byKind,
            db_mb: round((await t.store.stats()).bytes / 1e6, 1),
          };
        }
        growth.push(point);
        log(`scale: checkpoint ${i}: ${JSON.stringify(point.stores)}`);
        increment = { bytes: 0, docs: 0, ms: zero(), cpuMs: zero() };
      }
    }
  } finally {
    for (const t of targets) await t.store.close();
    rmSync(dir, { recursive: true, force: true });
  }

  const workers: WorkersResult[] = [];
  if (server && database && !args.includes('--no-workers')) {
    for (const count of [1, 2]) {
      log(`scale: ${count} worker(s) on ${workersDocs} French documents`);
      workers.push(await measureWorkers(server, count, workersDocs, seed + 1000, ROOT, workerConcurrency));
    }
  }
  await database?.drop();
  server?.stop();

  const analysisMs = Object.entries(stagesMs).filter(([k]) => !k.startsWith('store') && !k.startsWith('read') && !k.startsWith('text')).reduce((a, [, ms]) => a + ms, 0);
  const first = growth[0];
  const last = growth[growth.length - 1];
  const ratios: ScaleResult['ratios'] = {};
  for (const t of targets) {
    const a = first?.stores[t.name];
    const b = last?.stores[t.name];
    if (a && b) ratios[t.name] = { ingest_cost: round(a.ingest.docs_per_s / b.ingest.docs_per_s), ingest_cpu: round(b.cpu_ms_per_doc / Math.max(a.cpu_ms_per_doc, 0.01)), search_p95: round(b.search_p95_ms / Math.max(a.search_p95_ms, 0.01)) };
  }
  const result: ScaleResult = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '?', node: process.version, postgres: postgresVersion },
    corpus: { generator: 'bench/generate.ts (templates + kb names)', seed, docs: max, mb: round(bytes / 1e6), french_share: round(french / max) },
    pipeline: { stages: Object.fromEntries(Object.entries(stagesMs).map(([k, ms]) => [k, rate(ms, bytes, max)])), analysis: rate(analysisMs, bytes, max) },
    growth,
    ratios,
    workers,
    stories: 'included in each store\'s ingest cost above; the clustering alone, per document from 1k to N: `npm run bench -- stories --max N`',
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  const out = join(ROOT, 'bench', 'results', `scale-${max}.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  if (asJson) console.log(JSON.stringify(result));
  else printTables(result, out);
}

function printTables(r: ScaleResult, out: string): void {
  const row = (cells: (string | number)[], first = 30): string => cells.map((c, i) => (i === 0 ? String(c).padEnd(first) : String(c).padStart(11))).join(' ');
  console.log(`corpus: ${r.corpus.docs} generated documents, ${r.corpus.mb} MB of text (${Math.round(r.corpus.french_share * 100)}% French), seed ${r.corpus.seed}`);
  console.log(`machine: ${r.machine.cpus} × ${r.machine.model}, node ${r.machine.node}, PostgreSQL ${r.machine.postgres ?? 'none'}\n`);
  console.log(row(['stage (one process)', 'MB/s', 'docs/s']));
  for (const [name, s] of Object.entries(r.pipeline.stages)) console.log(row([name, s.mb_per_s, s.docs_per_s]));
  console.log(row(['analysis (all analyzers)', r.pipeline.analysis.mb_per_s, r.pipeline.analysis.docs_per_s]));
  const names = Object.keys(r.growth[0]?.stores ?? {});
  console.log(`\n${row(['documents', ...names.flatMap((n) => [`${n} docs/s`, `${n} cpu ms`, `${n} p95 ms`, `${n} MB`])], 10)}`);
  for (const p of r.growth) console.log(row([p.docs, ...names.flatMap((n) => [p.stores[n]!.ingest.docs_per_s, p.stores[n]!.cpu_ms_per_doc, p.stores[n]!.search_p95_ms, p.stores[n]!.db_mb])], 10));
  for (const [n, ratio] of Object.entries(r.ratios)) {
    console.log(`${n}: per-document ingest cost ×${ratio.ingest_cost} (CPU ×${ratio.ingest_cpu}), search p95 ×${ratio.search_p95} from ${r.growth[0]?.docs} to ${r.growth.at(-1)?.docs} documents`);
  }
  const last = r.growth.at(-1);
  if (last) {
    console.log(`\nsearch p95 by kind at ${last.docs} documents (ms):`);
    for (const n of names) console.log(`  ${n}: ${Object.entries(last.stores[n]!.search_p95_by_kind_ms).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
  if (r.workers.length > 0) {
    console.log(`\n${row(['workers (PostgreSQL, French, warmed)', 'docs', 'MB', 'seconds', 'MB/s', 'docs/s', 'worker RSS'])}`);
    for (const w of r.workers) console.log(row([`${w.workers} worker(s) + enqueuer`, w.docs, w.mb, w.seconds, w.mb_per_s, w.docs_per_s, w.peak_rss_mb.join('/')]));
  }
  console.log(`\nclustering: ${r.stories}`);
  console.log(`peak RSS of this process: ${r.peak_rss_mb} MB\nwritten: ${out}`);
}
