/**
 * `npm run bench -- stories [--max N] [--seed S] [--json]`: what story clustering costs per
 * document as the corpus grows, from 1,000 to N documents (default 10,000; 100,000 with
 * --max 100000). Synthetic records (bench/story-records.ts: our templates, never article
 * text) are clustered one by one in a SQLite file store, each in its own transaction as
 * `putAnalysis` does; the time of the clustering alone is measured (the document row is
 * written outside the clock). At each checkpoint: mean wall and CPU milliseconds per document
 * over the last 1,000, the CPU ratio to the first checkpoint (target: ≤ 1.5 at 100,000), stories,
 * database size and memory. B-cubed against the generator's stories is printed as a sanity check.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalysisRecord } from '../src/core/record.js';
import { openDatabase } from '../src/store/sqlite/connection.js';
import { clusterWrittenDocument } from '../src/store/sqlite/stories.js';
import { bcubed } from '../src/stories/cluster-metrics.js';
import { storyRecords } from './story-records.js';
import { collectGarbage as collect, wholeOption as option } from './support.js';

const CHECKPOINTS = [1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000];
/** Documents per timing window: the mean of the last WINDOW before each checkpoint. */
const WINDOW = 1_000;

interface Checkpoint {
  docs: number;
  /** Wall-clock and CPU milliseconds per document (CPU is steadier on a shared machine). */
  ms_per_doc: number;
  cpu_ms_per_doc: number;
  ratio: number;
  stories: number;
  db_mb: number;
  /** Heap in use after a full collection: what clustering keeps (bounded), not garbage. */
  heap_mb: number;
  rss_mb: number;
}


const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;
const mb = (bytes: number): number => round(bytes / 1e6, 1);

export async function runStories(args: string[]): Promise<void> {
  const max = option(args, '--max', 10_000);
  const seed = option(args, '--seed', 1);
  const dir = mkdtempSync(join(tmpdir(), 'veille-bench-stories-'));
  const path = join(dir, 'stories.db');
  const db = openDatabase(path);
  const checkpoints: Checkpoint[] = [];
  const gold: string[] = [];
  const ids: string[] = [];
  const insertDoc = db.prepare(`INSERT INTO documents (id, origin, source_name, source_url, title, date, language, text, ingested_at)
    VALUES (?, ?, ?, NULL, NULL, ?, ?, ?, '2024-01-01T00:00:00Z')`);
  const cluster = db.transaction((record: AnalysisRecord) => clusterWrittenDocument(db, record, null));
  const times = new Float64Array(WINDOW);
  const cpu = new Float64Array(WINDOW);
  let done = 0;
  try {
    for (const { record, story } of storyRecords(Number.MAX_SAFE_INTEGER, seed)) {
      if (done >= max) break;
      try {
        insertDoc.run(record.doc.id, record.doc.origin, record.doc.source.name, record.doc.date, record.doc.language, record.doc.text);
      } catch {
        continue; // the generator repeated a text: a document is stored once
      }
      gold.push(String(story));
      ids.push(record.doc.id);
      const began = performance.now();
      const cpuBefore = process.cpuUsage();
      cluster.immediate(record);
      const used = process.cpuUsage(cpuBefore);
      times[done % WINDOW] = performance.now() - began;
      cpu[done % WINDOW] = (used.user + used.system) / 1000;
      done++;
      if (CHECKPOINTS.includes(done)) {
        const perDoc = times.reduce((a, b) => a + b, 0) / Math.min(WINDOW, done);
        const cpuPerDoc = cpu.reduce((a, b) => a + b, 0) / Math.min(WINDOW, done);
        const stories = (db.prepare('SELECT count(*) AS n FROM stories').get() as { n: number }).n;
        checkpoints.push({
          docs: done, ms_per_doc: round(perDoc), cpu_ms_per_doc: round(cpuPerDoc),
          ratio: round(cpuPerDoc / (checkpoints[0]?.cpu_ms_per_doc ?? cpuPerDoc), 2), stories,
          db_mb: mb(statSync(path).size + (statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0)),
          heap_mb: mb((collect(), process.memoryUsage().heapUsed)), rss_mb: mb(process.memoryUsage().rss),
        });
        if (!args.includes('--json')) printRow(checkpoints[checkpoints.length - 1] as Checkpoint, checkpoints.length === 1);
      }
    }
    const story = db.prepare('SELECT story_id FROM story_documents WHERE doc_id = ?');
    const predicted = ids.map((id) => (story.get(id) as { story_id: string }).story_id);
    const quality = bcubed(gold, predicted);
    const summary = {
      documents: done, seed, checkpoints,
      bcubed_vs_generator: { precision: round(quality.precision), recall: round(quality.recall), f1: round(quality.f1) },
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    if (args.includes('--json')) console.log(JSON.stringify(summary));
    else {
      console.log(`\nB-cubed against the generator's stories: P ${summary.bcubed_vs_generator.precision}, R ${summary.bcubed_vs_generator.recall}, F1 ${summary.bcubed_vs_generator.f1}`);
      console.log(`peak RSS: ${summary.peak_rss_mb} MB`);
    }
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function printRow(c: Checkpoint, header: boolean): void {
  const cells = [c.docs, c.ms_per_doc, c.cpu_ms_per_doc, c.ratio, c.stories, c.db_mb, c.heap_mb, c.rss_mb];
  if (header) {
    console.log('story clustering cost per document (mean of the last 1,000 before each checkpoint; × 1k: CPU time ratio)');
    console.log(['docs', 'wall ms', 'cpu ms', '× 1k', 'stories', 'db MB', 'heap MB', 'rss MB'].map((h) => h.padStart(9)).join(' '));
  }
  console.log(cells.map((x) => String(x).padStart(9)).join(' '));
}
