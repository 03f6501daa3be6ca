import type { Command } from 'commander';
import { openStore } from '../../store/open.js';
import { EXIT_OK, EXIT_SOME_FAILED, writeLine, type CliIO } from '../io.js';
import type { CommandContext } from '../context.js';

export function registerIngest(program: Command, ctx: CommandContext): void {
  program
    .command('ingest')
    .description('read files, directories, feeds or JSONL (`-` for stdin), analyze them and store them')
    .argument('<inputs...>', 'paths, directories (read recursively) or - for stdin')
    .option('--json', 'print the summary as JSON')
    .option('--allow-private', 'let URLs reach private, loopback and link-local addresses')
    .option('--queue', 'read and normalize here, queue the analysis for `veille worker` processes (PostgreSQL store)')
    .action(async (inputs: string[], opts: { json?: boolean; allowPrivate?: boolean; queue?: boolean }) => {
      if (opts.queue) {
        const { enqueueCommand } = await import('./queue.js');
        ctx.exit(await enqueueCommand(inputs, { json: Boolean(opts.json), allowPrivate: Boolean(opts.allowPrivate) }, ctx));
        return;
      }
      ctx.exit(await ingestCommand(inputs, { json: Boolean(opts.json), allowPrivate: Boolean(opts.allowPrivate) }, ctx));
    });
}

export async function ingestCommand(inputs: string[], opts: { json: boolean; allowPrivate: boolean }, ctx: CommandContext): Promise<number> {
  const io: CliIO = ctx.io;
  const { processInputs, storeSink, summaryLine, databaseFiles } = await import('../ingest-run.js');
  const store = await openStore(ctx.db());
  try {
    const summary = await processInputs(inputs, io, ctx.debug(), storeSink(store), { exclude: databaseFiles(ctx.db()), allowPrivate: opts.allowPrivate });
    writeLine(io.stdout, opts.json ? JSON.stringify(summary) : summaryLine(summary));
    return summary.failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
  } finally {
    await store.close();
  }
}
