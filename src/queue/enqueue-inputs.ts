import { resolve } from 'node:path';
import type PgBoss from 'pg-boss';
import { expandPaths, readPaths } from '../ingest/index.js';
import { toDocument } from '../text/document.js';
import { reportError, type CliIO } from '../cli/io.js';
import { enqueueDocument } from './enqueue.js';
import type { JobSettings } from './settings.js';

export interface EnqueueSummary {
  /** New jobs. */
  queued: number;
  /** Documents whose job was already waiting (nothing added). */
  waiting: number;
  /** Inputs that could not be read or normalized (each reported on stderr). */
  failed: number;
}

export interface EnqueueInputsOptions {
  exclude?: readonly string[];
  allowPrivate?: boolean;
  debug?: boolean;
  settings?: JobSettings;
}

/**
 * Reads every input here (files, folders, feeds, URLs, stdin), normalizes each document and
 * enqueues it for a worker to analyze and store. Reading stays with the enqueuer because a
 * worker on another machine cannot see its files or stdin; analysis, the costly part, is
 * what the workers share. Failures are reported one line each and counted; the run goes on.
 */
export async function enqueueInputs(boss: PgBoss, paths: string[], io: CliIO, options: EnqueueInputsOptions = {}): Promise<EnqueueSummary> {
  const summary: EnqueueSummary = { queued: 0, waiting: 0, failed: 0 };
  const excluded = new Set(options.exclude ?? []);
  const files = (await expandPaths(paths)).filter((f) => !excluded.has(resolve(f)));
  for (const file of files) {
    for await (const outcome of readPaths([file], { stdin: io.stdin, fetch: { allowPrivate: Boolean(options.allowPrivate) } })) {
      if (!outcome.ok) {
        summary.failed++;
        reportError(io, outcome.error, { debug: Boolean(options.debug) });
        continue;
      }
      try {
        summary[await enqueueDocument(boss, toDocument(outcome.doc), options.settings)]++;
      } catch (error) {
        summary.failed++;
        reportError(io, error, { debug: Boolean(options.debug), fallbackInput: outcome.doc.origin });
      }
    }
  }
  return summary;
}

export function enqueueSummaryLine(s: EnqueueSummary): string {
  return `queued ${s.queued}, already waiting ${s.waiting}, failed ${s.failed}`;
}
