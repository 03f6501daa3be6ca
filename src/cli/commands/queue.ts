import type { Command } from 'commander';
import { VeilleError } from '../../core/errors.js';
import type { QueueStatus } from '../../queue/status.js';
import { EXIT_OK, EXIT_SOME_FAILED, writeLine } from '../io.js';
import type { CommandContext } from '../context.js';

export function registerQueue(program: Command, ctx: CommandContext): void {
  program
    .command('queue')
    .description('the analysis queue: pending, active, completed and failed jobs, with the errors of the failed ones')
    .option('--json', 'print as JSON')
    .option('--failed <n>', 'how many failed jobs to list', '20')
    .action(async (opts: { json?: boolean; failed: string }) => {
      const [{ openQueue }, { queueStatus }] = await Promise.all([import('../../queue/boss.js'), import('../../queue/status.js')]);
      const queue = await openQueue(ctx.db());
      try {
        const status = await queueStatus(queue, positiveNumber(opts.failed, '--failed', true));
        if (opts.json) writeLine(ctx.io.stdout, JSON.stringify(status));
        else for (const line of formatQueueStatus(status, queue.location)) writeLine(ctx.io.stdout, line);
        ctx.exit(EXIT_OK);
      } finally {
        await queue.stop();
      }
    });
}

/**
 * `veille ingest --queue`: reads and normalizes the inputs here and queues one analysis job per
 * document (see enqueueInputs for why reading stays with the enqueuer). Exit 1 when some failed.
 */
export async function enqueueCommand(inputs: string[], opts: { json: boolean; allowPrivate: boolean }, ctx: CommandContext): Promise<number> {
  const [{ openQueue }, { enqueueInputs, enqueueSummaryLine }] = await Promise.all([import('../../queue/boss.js'), import('../../queue/enqueue-inputs.js')]);
  const queue = await openQueue(ctx.db());
  try {
    const summary = await enqueueInputs(queue.boss, inputs, ctx.io, { allowPrivate: opts.allowPrivate, debug: ctx.debug() });
    writeLine(ctx.io.stdout, opts.json ? JSON.stringify(summary) : enqueueSummaryLine(summary));
    return summary.failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
  } finally {
    await queue.stop();
  }
}

export function formatQueueStatus(s: QueueStatus, location: string): string[] {
  const lines = [
    `queue ${s.queue} on ${location}`,
    `pending: ${s.pending} (new ${s.created}, waiting to retry ${s.retry})`,
    `active: ${s.active}`,
    `completed: ${s.completed}`,
    `failed: ${s.failed}`,
  ];
  if (s.failures.length > 0) lines.push('', 'failed jobs, newest first:');
  for (const f of s.failures) {
    lines.push(`  ${f.id}  ${f.docId ?? '-'}  ${f.origin ?? '-'}  (${f.retries} retries, ${f.failedAt ?? 'unknown time'})`);
    lines.push(`    ${f.error}`);
  }
  return lines;
}

/** A command-line number: positive (and whole when asked), else a USAGE error naming the option. */
export function positiveNumber(value: string, option: string, whole = false): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (whole && !Number.isInteger(n))) {
    throw new VeilleError('USAGE', `${option} must be a positive ${whole ? 'whole ' : ''}number, not ${JSON.stringify(value)}`);
  }
  return n;
}
