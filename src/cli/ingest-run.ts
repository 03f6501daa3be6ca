import { resolve } from 'node:path';
import cliProgress from 'cli-progress';
import type { AnalysisRecord } from '../core/record.js';
import { analyzeIngested, createPipeline } from '../analyzers/index.js';
import { BATCH_CHARS, BATCH_SIZE, type Pipeline } from '../core/pipeline.js';
import { expandPaths, readPaths } from '../ingest/index.js';
import type { ReadOutcome } from '../ingest/types.js';
import type { PutOutcome, Store } from '../store/store.js';
import { reportError, type CliIO } from './io.js';

export interface IngestSummary {
  ingested: number;
  updated: number;
  unchanged: number;
  failed: number;
}

/** A progress bar is worth showing from this many input files on (and only on a terminal). */
const PROGRESS_MIN_FILES = 20;

export interface ProcessOptions {
  /** Files never to read: the database being written and its journals, when inside an input folder. */
  exclude?: readonly string[];
  pipeline?: Pipeline;
  /** Fetch private, loopback and link-local addresses too (URLs given on the command line). */
  allowPrivate?: boolean;
}

/** The database file and the journal files SQLite keeps beside it. */
export function databaseFiles(location: string): string[] {
  return ['', '-wal', '-shm', '-journal'].map((suffix) => resolve(location + suffix));
}

/**
 * Reads every input, analyzes the documents in batches and hands each batch's records to
 * `sink` (a store, or the printer of `analyze`). Failures are reported one line each, in input
 * order, and counted; the run goes on.
 */
export async function processInputs(
  paths: string[],
  io: CliIO,
  debug: boolean,
  sink: RecordSink,
  options: ProcessOptions = {},
): Promise<IngestSummary> {
  const summary: IngestSummary = { ingested: 0, updated: 0, unchanged: 0, failed: 0 };
  const pipeline = options.pipeline ?? createPipeline();
  const excluded = new Set(options.exclude ?? []);
  const files = (await expandPaths(paths)).filter((f) => !excluded.has(resolve(f)));
  const bar = io.stderr.isTTY && files.length >= PROGRESS_MIN_FILES ? startBar(io, files.length) : null;
  const started = Date.now();
  // Inputs wait in order until a batch is read (failures count too, so that a file of bad
  // lines is not held whole; long texts fill a batch sooner), then their documents are
  // analysed together and everything is handed on in that same order, reports included.
  let waiting: ReadOutcome[] = [];
  let waitingChars = 0;
  const drain = async (): Promise<void> => {
    const batch = waiting;
    waiting = [];
    waitingChars = 0;
    await handleBatch(batch, pipeline, io, debug, sink, summary);
  };
  try {
    for (const [i, file] of files.entries()) {
      for await (const outcome of readPaths([file], { stdin: io.stdin, fetch: { allowPrivate: Boolean(options.allowPrivate) } })) {
        waiting.push(outcome);
        if (outcome.ok) waitingChars += outcome.doc.text.length;
        if (waiting.length === BATCH_SIZE || waitingChars >= BATCH_CHARS) await drain();
      }
      bar?.update(i + 1, { speed: ((i + 1) / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1) });
    }
    await drain();
  } finally {
    bar?.stop();
  }
  return summary;
}

/** Analyses the documents among `outcomes` as one batch and sinks their records as one; reports failures in input order. */
async function handleBatch(
  outcomes: readonly ReadOutcome[],
  pipeline: Pipeline,
  io: CliIO,
  debug: boolean,
  sink: RecordSink,
  summary: IngestSummary,
): Promise<void> {
  const fail = (error: unknown, input?: string): void => {
    summary.failed++;
    reportError(io, error, { debug, fallbackInput: input });
  };
  const ingested = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.doc] : []));
  const analysed = analyzeIngested(ingested, pipeline);
  const records = analysed.flatMap((a) => (a.ok ? [a.record] : []));
  let results: SinkResult[];
  try {
    results = await sink(records);
  } catch (error) {
    results = records.map(() => ({ ok: false, error }));
  }
  // Back in input order: each read failure, then each document's analysis, then its storage.
  let doc = 0;
  let stored = 0;
  for (const outcome of outcomes) {
    if (!outcome.ok) {
      fail(outcome.error);
      continue;
    }
    const analysis = analysed[doc++]!;
    if (!analysis.ok) {
      fail(analysis.error, analysis.input);
      continue;
    }
    const result = results[stored++]!;
    if (!result.ok) fail(result.error, analysis.record.doc.origin);
    else if (result.outcome === 'inserted') summary.ingested++;
    else summary[result.outcome]++;
  }
}

function startBar(io: CliIO, total: number): cliProgress.SingleBar {
  const bar = new cliProgress.SingleBar(
    { format: '{bar} {value}/{total} files | {speed} files/s | ETA {eta_formatted}', stream: io.stderr as NodeJS.WriteStream, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { speed: '0' });
  return bar;
}

/** The one-line summary every ingest prints. */
export function summaryLine(s: IngestSummary): string {
  const updated = s.updated > 0 ? `, updated ${s.updated}` : '';
  return `ingested ${s.ingested}${updated}, unchanged ${s.unchanged}, failed ${s.failed}`;
}

/** Where records go, a batch at a time: each one's outcome or error, in their order. */
export type RecordSink = (records: readonly AnalysisRecord[]) => Promise<SinkResult[]>;
export type SinkResult = { ok: true; outcome: PutOutcome } | { ok: false; error: unknown };

/** Store-backed sink: a batch is one `putAnalyses`. */
export function storeSink(store: Store): RecordSink {
  return (records) => store.putAnalyses(records);
}
