import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { VeilleError } from '../../core/errors.js';
import type { AnalysisRecord } from '../../core/record.js';
import { openStore } from '../../store/open.js';
import type { PutOutcome, Store } from '../../store/store.js';
import { EXIT_OK, EXIT_SOME_FAILED, reportError, writeLine } from '../io.js';
import type { CommandContext } from '../context.js';
import { databaseLocation } from '../options.js';

/** Writes in flight at once: enough to keep a PostgreSQL target busy, little memory. */
const COPY_CONCURRENCY = 4;

export interface CopySummary {
  records: number;
  inserted: number;
  updated: number;
  unchanged: number;
  failed: number;
  sources: { added: number; present: number };
}

export function registerCopy(program: Command, ctx: CommandContext): void {
  program
    .command('copy')
    .description('copy every record and source from one store to another (SQLite file → postgres://…, or back)')
    .requiredOption('--from <store>', 'the store to read: a SQLite file or a postgres:// URL')
    .requiredOption('--to <store>', 'the store to write (created or migrated as needed)')
    .option('--json', 'print the summary as JSON')
    .action(async (opts: { from: string; to: string; json?: boolean }) => {
      const from = databaseLocation(opts.from, ctx.io);
      const to = databaseLocation(opts.to, ctx.io);
      if (!/^[a-z]+:\/\//i.test(from) && from !== ':memory:' && !existsSync(from)) {
        throw new VeilleError('USAGE', `--from ${opts.from}: no such file (copy reads an existing store)`, opts.from);
      }
      if (from === to) throw new VeilleError('USAGE', '--from and --to name the same store');
      const source = await openStore(from);
      try {
        const target = await openStore(to);
        try {
          const summary = await copyStore(source, target, (error, record) => reportError(ctx.io, error, { debug: ctx.debug(), fallbackInput: record?.doc.origin }));
          writeLine(ctx.io.stdout, opts.json ? JSON.stringify(summary) : copySummaryLine(summary));
          ctx.exit(summary.failed > 0 ? EXIT_SOME_FAILED : EXIT_OK);
        } finally {
          await target.close();
        }
      } finally {
        await source.close();
      }
    });
}

/**
 * Copies a corpus: every record is put again through the target store (so ids, dedup and the
 * index are the target's own, and copying twice changes nothing), then every source
 * subscription with its polling state. Not copied: the memory of feed items already seen
 * (items seen again are stored once anyway, documents being keyed by their text).
 */
export async function copyStore(source: Store, target: Store, onError: (error: unknown, record?: AnalysisRecord) => void): Promise<CopySummary> {
  const summary: CopySummary = { records: 0, inserted: 0, updated: 0, unchanged: 0, failed: 0, sources: { added: 0, present: 0 } };
  const inFlight = new Set<Promise<void>>();
  const put = async (record: AnalysisRecord): Promise<void> => {
    try {
      const outcome: PutOutcome = await target.putAnalysis(record);
      summary[outcome]++;
    } catch (error) {
      summary.failed++;
      onError(error, record);
    }
  };
  for await (const record of source.exportRecords()) {
    summary.records++;
    const p: Promise<void> = put(record).finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= COPY_CONCURRENCY) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  for (const s of await source.listSources()) {
    if (await target.getSource(s.url)) {
      summary.sources.present++;
      continue;
    }
    const added = await target.addSource({ url: s.url, name: s.name, everySeconds: s.everySeconds, at: new Date(s.createdAt) });
    // The polling state comes along (a failing source restarts its count of failures at 1).
    if (s.lastPolledAt !== null) {
      await target.recordPoll(added.id, { polledAt: new Date(s.lastPolledAt), nextPollAt: new Date(s.nextPollAt), error: s.lastError, etag: s.etag, lastModified: s.lastModified });
    }
    summary.sources.added++;
  }
  return summary;
}

export function copySummaryLine(s: CopySummary): string {
  return `copied ${s.records} records: inserted ${s.inserted}, updated ${s.updated}, unchanged ${s.unchanged}, failed ${s.failed}; `
    + `sources: added ${s.sources.added}, already there ${s.sources.present}`;
}
