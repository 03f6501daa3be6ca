/**
 * The worker part of the scale bench: `count` real `veille worker` processes on a new
 * PostgreSQL database, fed by the code of `veille ingest --queue` running in this process at
 * the same time (read JSONL, normalize, enqueue). Measured from the first enqueue to the last
 * job completed: the end-to-end rate of the full pipeline on French text. Each worker first
 * takes WARMUP_PER_WORKER other documents, untimed, as `npm run bench` warms up before its
 * timed pass: a worker runs for hours, and its first documents (V8 compiling the code and the
 * rules' regexes) run at half speed.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { readInput } from '../src/ingest/index.js';
import { openQueue } from '../src/queue/boss.js';
import { enqueueDocument } from '../src/queue/enqueue.js';
import { queueStatus } from '../src/queue/status.js';
import { toDocument } from '../src/text/document.js';
import { createTestDatabase, type TestServer } from '../test/support/postgres.js';
import { generateCorpus } from './generate.js';
import { round } from './support.js';

/** Documents each worker is given before the clock starts. */
const WARMUP_PER_WORKER = 100;

export interface WorkersResult {
  workers: number;
  /** Analysed and stored before the timed batch, untimed. */
  warmup_docs: number;
  docs: number;
  mb: number;
  seconds: number;
  mb_per_s: number;
  docs_per_s: number;
  /** Of the enqueuing alone (read, normalize, send), which runs beside the workers. */
  enqueue_docs_per_s: number;
  peak_rss_mb: number[];
}


/** `count` French documents of the generator (another seed than the growth corpus). */
function frenchLines(count: number, seed: number): Buffer[] {
  const lines: Buffer[] = [];
  for (const doc of generateCorpus(count * 3, seed)) {
    if (doc.language === 'fr') lines.push(Buffer.from(JSON.stringify(doc)));
    if (lines.length === count) break;
  }
  return lines;
}

/** `concurrency`: jobs in flight in each worker (`veille worker --concurrency`; null: the worker's default). */
export async function measureWorkers(server: TestServer, count: number, docs: number, seed: number, root: string, concurrency: number | null = null): Promise<WorkersResult> {
  const database = await createTestDatabase(server);
  const warmup = count * WARMUP_PER_WORKER;
  const all = frenchLines(warmup + docs, seed);
  const early = all.slice(0, warmup);
  const lines = all.slice(warmup);
  const queue = await openQueue(database.url);
  const workers = Array.from({ length: count }, () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test', 'queue', 'cli-entry.ts'), '--db', database.url, 'worker', '--poll', '0.2', ...(concurrency ? ['--concurrency', String(concurrency)] : [])], {
      cwd: root, stdio: ['ignore', 'ignore', 'pipe'],
    });
    let out = '';
    child.stderr.on('data', (c: Buffer) => { out += c.toString(); });
    const exited = new Promise<void>((res) => child.on('exit', () => res()));
    return { child, output: () => out, exited };
  });
  try {
    while (!workers.every((w) => /started on/.test(w.output()))) {
      if (workers.some((w) => w.child.exitCode !== null)) throw new Error(`a worker did not start:\n${workers.map((w) => w.output()).join('\n')}`);
      await sleep(100);
    }
    const enqueue = async (batch: Buffer[], from: number): Promise<number> => {
      let bytes = 0;
      for (const [i, line] of batch.entries()) {
        const [outcome] = readInput({ origin: `bench/workers#L${from + i + 1}`, bytes: line, contentType: 'application/jsonl' });
        if (!outcome?.ok) throw new Error('a generated document did not read');
        const doc = toDocument(outcome.doc);
        bytes += Buffer.byteLength(doc.text);
        await enqueueDocument(queue.boss, doc);
      }
      return bytes;
    };
    await enqueue(early, 0);
    while ((await queueStatus(queue, 1)).completed < early.length) await sleep(100);
    const started = performance.now();
    const bytes = await enqueue(lines, early.length);
    const enqueued = performance.now();
    while ((await queueStatus(queue, 1)).completed < all.length) await sleep(100);
    const seconds = (performance.now() - started) / 1000;
    for (const w of workers) w.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => w.exited));
    return {
      workers: count,
      warmup_docs: early.length,
      docs: lines.length,
      mb: round(bytes / 1e6),
      seconds: round(seconds),
      mb_per_s: round(bytes / 1e6 / seconds),
      docs_per_s: round(lines.length / seconds),
      enqueue_docs_per_s: round(lines.length / ((enqueued - started) / 1000)),
      peak_rss_mb: workers.map((w) => Number(/peak RSS (\d+) MB/.exec(w.output())?.[1] ?? 0)),
    };
  } finally {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await queue.stop();
    await database.drop();
  }
}
