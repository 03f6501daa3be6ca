/**
 * `npm run bench -- api [--docs N] [--seed S] [--db FILE] [--seconds T] [--json]`: the HTTP
 * server under load, on a store of N generated documents (default 10,000; bench/generate.ts,
 * analyzed by the real pipeline). The issue's targets: search p95 < 50 ms, document page p95
 * < 100 ms, 200 concurrent clients with zero errors.
 *
 * The server runs in a child process (this file with `--serve`), so that autocannon's load
 * generation does not share its event loop. Latencies are every response's, collected from
 * autocannon's `response` events (its own histogram has no p95).
 *
 * Building the store costs minutes (analysis and clustering, ~70 ms a document), so it is
 * kept: `--db FILE`, or by default a file in the temp directory named after N and the seed,
 * reused while it holds N documents.
 *
 * @example const result = await benchApi({ documents: 10_000 }); // ApiBenchResult
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPipeline } from '../src/analyzers/index.js';
import { createServer } from '../src/api/server.js';
import { VERSION } from '../src/core/version.js';
import { openStore } from '../src/store/open.js';
import { hasStories, type Store } from '../src/store/store.js';
import { toDocument } from '../src/text/document.js';
import { generateCorpus, searchNames } from './generate.js';
import { round } from './support.js';

export interface ApiBenchOptions {
  /** Documents in the store (default 10,000). */
  documents?: number;
  seed?: number;
  /** The store to use or build; default: a kept file in the temp directory. */
  db?: string | null;
  /** Seconds each measurement runs (default 10). */
  seconds?: number;
  /** Progress lines (default: stderr). */
  log?: (line: string) => void;
}

export interface Latency {
  requests: number;
  errors: number;
  non2xx: number;
  rps: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
}

export interface ApiBenchResult {
  documents: number;
  /** Story pages in the concurrent mix (null: the store does not cluster). */
  stories: number | null;
  db: string;
  /** Seconds spent building the store in this run (0 when an existing one was reused). */
  build_seconds: number;
  /** Full-text search, GET /api/search, one client at a time. */
  search: Latency;
  /** The document page (HTML with every span highlighted), GET /documents/:id, one client at a time. */
  document_page: Latency;
  /** 200 clients at once over a mix of search, document pages, records and story pages. */
  concurrent: Latency & { connections: number };
  targets: { search_p95_ms: number; document_page_p95_ms: number; concurrent_errors: number };
  pass: { search: boolean; document_page: boolean; concurrent: boolean };
}

export const TARGETS = { search_p95_ms: 50, document_page_p95_ms: 100, concurrent_errors: 0 } as const;
const CONCURRENT_CLIENTS = 200;
/** Latency targets are per request: one client at a time, so no time is spent queueing behind others. */
const SINGLE_CLIENTS = 1;

// autocannon ships no types: the part used here.
interface AutocannonResult { errors: number; timeouts: number; non2xx: number; requests: { total: number; average: number } }
interface AutocannonInstance { on(event: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void }
interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  timeout?: number;
  requests: { method: 'GET'; setupRequest: (req: Record<string, unknown>) => Record<string, unknown> }[];
}
type Autocannon = ((options: AutocannonOptions, done: (error: Error | null, result: AutocannonResult) => void) => AutocannonInstance);
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;

/** Runs autocannon on `paths` (taken in turn) and collects every response time. */
function load(base: string, paths: readonly string[], connections: number, seconds: number): Promise<Latency> {
  let next = 0;
  const times: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon({
      url: base, connections, duration: seconds, timeout: 30,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }],
    }, (error, result) => {
      if (error) return reject(error);
      times.sort((a, b) => a - b);
      resolve({
        requests: result.requests.total, errors: result.errors + result.timeouts, non2xx: result.non2xx,
        rps: round(result.requests.average), p50_ms: round(percentile(times, 50)), p95_ms: round(percentile(times, 95)),
        p99_ms: round(percentile(times, 99)), max_ms: round(times[times.length - 1] ?? 0),
      });
    });
    instance.on('response', (_client, _status, _bytes, ms) => { times.push(ms); });
  });
}

/** Fills the store with generated documents up to `documents` (analysis by the real pipeline). */
async function buildStore(store: Store, documents: number, seed: number, log: (line: string) => void): Promise<number> {
  const have = (await store.stats()).documents;
  if (have >= documents) return 0;
  const began = performance.now();
  const pipeline = createPipeline();
  let i = 0;
  for (const doc of generateCorpus(documents, seed)) {
    if (i++ < have) continue;
    await store.putAnalysis(pipeline.analyze(toDocument(doc)));
    if (i % 500 === 0) log(`bench api: stored ${i}/${documents} documents (${Math.round((performance.now() - began) / 1000)} s)`);
  }
  return (performance.now() - began) / 1000;
}

/** Every document id, in pages. */
async function documentIds(store: Store): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.listDocuments({ limit: 1000, cursor });
    ids.push(...page.items.map((d) => d.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

/** A reproducible shuffle (the same seed gives the same order). */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let a = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    a = (Math.imul(a ^ (a >>> 15), a | 1) + 0x6d2b79f5) >>> 0;
    const j = a % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The search mix: names from the corpus, words, a phrase, prefixes, and filters. */
function searchPaths(seed: number): string[] {
  const q = (query: string, extra = ''): string => `/api/search?q=${encodeURIComponent(query)}&limit=10${extra}`;
  return [
    ...searchNames(30, seed).map((n) => q(n)),
    ...['gouvernement', 'accord', 'manifestants', 'election', 'police', 'inflation'].map((w) => q(w)),
    q('"banque centrale"'), q('négoci*'), q('manifest*'), q('accord', '&language=fr'), q('protesters', '&language=en&date_to=2022-06'),
  ];
}

/** Starts the server on `db` in a child process; resolves with its base URL and a stop function. */
async function startChild(db: string): Promise<{ base: string; stop: () => Promise<void> }> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', db], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port?: number; error?: string }) => (m.port ? resolve(m.port) : reject(new Error(m.error ?? 'server failed'))));
    child.once('exit', (code) => reject(new Error(`the bench server exited (${code})`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

/** The server process: `bench/api.ts --serve DB` listens on a free loopback port and tells its parent. */
async function serveChild(db: string): Promise<void> {
  const store = await openStore(db);
  const app = await createServer({ store, host: '127.0.0.1', log: (line) => process.stderr.write(`${line}\n`) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  process.send?.({ port: (app.server.address() as { port: number }).port });
  process.once('SIGTERM', () => {
    void app.close().then(() => store.close()).then(() => process.exit(0));
  });
}

/** Builds (or reuses) the store, then measures search, document pages and 200 concurrent clients. */
export async function benchApi(options: ApiBenchOptions = {}): Promise<ApiBenchResult> {
  const documents = options.documents ?? 10_000;
  const seed = options.seed ?? 1;
  const seconds = options.seconds ?? 10;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const db = options.db ?? join(tmpdir(), `veille-bench-api-${documents}-seed${seed}-v${VERSION}.db`);
  if (!options.db && existsSync(db)) log(`bench api: reusing ${db} (delete it to rebuild)`);

  const store = await openStore(db);
  let build: number;
  let ids: string[];
  let storyIds: string[] = [];
  try {
    build = await buildStore(store, documents, seed, log);
    ids = shuffled(await documentIds(store), seed).slice(0, 2000);
    if (hasStories(store)) storyIds = (await store.listStories({ limit: 200 })).items.map((s) => s.id);
  } finally {
    await store.close();
  }
  const stories = storyIds.length ? storyIds.length : null;

  const server = await startChild(db);
  try {
    const search = searchPaths(seed);
    const pages = ids.map((id) => `/documents/${id}`);
    // Warm-up: the first requests compile schemas and fill SQLite's page cache.
    await load(server.base, [...search, ...pages.slice(0, 50)], 4, 2);
    log('bench api: search…');
    const searchResult = await load(server.base, search, SINGLE_CLIENTS, seconds);
    log('bench api: document pages…');
    const pageResult = await load(server.base, pages, SINGLE_CLIENTS, seconds);
    log(`bench api: ${CONCURRENT_CLIENTS} concurrent clients…`);
    const mix: string[] = [];
    for (let i = 0; i < pages.length; i++) {
      mix.push(pages[i] as string, search[i % search.length] as string, `/api/documents/${ids[i]}/analysis`);
      if (storyIds.length && i % 4 === 0) mix.push(`/stories/${storyIds[i % storyIds.length]}`);
    }
    const concurrent = await load(server.base, mix, CONCURRENT_CLIENTS, seconds);
    return {
      documents, stories, db, build_seconds: round(build), search: searchResult, document_page: pageResult,
      concurrent: { ...concurrent, connections: CONCURRENT_CLIENTS },
      targets: { ...TARGETS },
      pass: {
        search: searchResult.p95_ms < TARGETS.search_p95_ms,
        document_page: pageResult.p95_ms < TARGETS.document_page_p95_ms,
        concurrent: concurrent.errors + concurrent.non2xx === TARGETS.concurrent_errors,
      },
    };
  } finally {
    await server.stop();
  }
}

export function printApiBench(r: ApiBenchResult, write: (line: string) => void = console.log): void {
  const row = (cells: (string | number)[]): string => cells.map((c, i) => (i === 0 ? String(c).padEnd(30) : String(c).padStart(9))).join(' ');
  write(`HTTP API on ${r.documents} documents${r.stories !== null ? ` (${r.stories} story pages in the mix)` : ''}; store ${r.db}`);
  write(row(['measure', 'clients', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'target', 'ok']));
  const line = (name: string, clients: number, l: Latency, target: string, ok: boolean): void =>
    write(row([name, clients, l.rps, l.p50_ms, l.p95_ms, l.p99_ms, l.errors + l.non2xx, target, ok ? 'yes' : 'NO']));
  line('search (GET /api/search)', SINGLE_CLIENTS, r.search, `p95<${r.targets.search_p95_ms}`, r.pass.search);
  line('document page (/documents/:id)', SINGLE_CLIENTS, r.document_page, `p95<${r.targets.document_page_p95_ms}`, r.pass.document_page);
  line('mixed, concurrent', r.concurrent.connections, r.concurrent, '0 errors', r.pass.concurrent);
}

function option(args: string[], name: string): string | null {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? null) : null;
}

/** `npm run bench -- api …`: for bench/run.ts. */
export async function runApi(args: string[]): Promise<void> {
  const number = (name: string, fallback: number): number => {
    const v = Number(option(args, name) ?? fallback);
    if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a positive whole number`);
    return v;
  };
  const result = await benchApi({ documents: number('--docs', 10_000), seed: number('--seed', 1), seconds: number('--seconds', 10), db: option(args, '--db') });
  if (args.includes('--json')) console.log(JSON.stringify(result));
  else printApiBench(result);
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--serve') {
  serveChild(process.argv[3] as string).catch((e: unknown) => {
    process.send?.({ error: e instanceof Error ? e.message : String(e) });
    process.exit(1);
  });
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runApi(process.argv.slice(2)).catch((e: unknown) => {
    console.error(`bench api: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
