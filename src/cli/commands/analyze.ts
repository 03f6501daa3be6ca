import type { Command } from 'commander';
import { colorEnabled, EXIT_OK, EXIT_SOME_FAILED, painter, writeLine } from '../io.js';
import { renderRecord } from '../render.js';
import type { CommandContext } from '../context.js';

export function registerAnalyze(program: Command, ctx: CommandContext): void {
  program
    .command('analyze')
    .description('analyze inputs without a database; --json prints one record per line (veille.analysis/1)')
    .argument('<inputs...>', 'paths, directories or - for stdin')
    .option('--json', 'print the analysis records as JSON Lines')
    .action(async (inputs: string[], opts: { json?: boolean }) => {
      const io = ctx.io;
      const colored = colorEnabled(io);
      const paint = painter(colored);
      let first = true;
      const { processInputs, summaryLine } = await import('../ingest-run.js');
      const summary = await processInputs(inputs, io, ctx.debug(), async (records) => records.map((record) => {
        if (opts.json) writeLine(io.stdout, JSON.stringify(record));
        else {
          if (!first) writeLine(io.stdout);
          writeLine(io.stdout, renderRecord(record, paint, colored));
        }
        first = false;
        return { ok: true, outcome: 'inserted' };
      }));
      if (!opts.json) writeLine(io.stderr, summaryLine(summary).replace('ingested', 'analyzed'));
      ctx.exit(summary.failed > 0 ? EXIT_SOME_FAILED : EXIT_OK);
    });
}
