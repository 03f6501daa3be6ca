import type { Command } from 'commander';
import { VeilleError } from '../../core/errors.js';
import { openStore } from '../../store/open.js';
import { colorEnabled, EXIT_OK, painter, writeLine } from '../io.js';
import { renderRecord } from '../render.js';
import type { CommandContext } from '../context.js';

export function registerShow(program: Command, ctx: CommandContext): void {
  program
    .command('show')
    .description('show one stored document with its analysis')
    .argument('<id>', 'document id (as printed by search)')
    .option('--json', 'print the analysis record as JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      const io = ctx.io;
      const store = await openStore(ctx.db());
      try {
        const record = await store.getAnalysis(id);
        if (!record) throw new VeilleError('USAGE', `no document with id ${id}`, id);
        if (opts.json) writeLine(io.stdout, JSON.stringify(record));
        else {
          const colored = colorEnabled(io);
          writeLine(io.stdout, renderRecord(record, painter(colored), colored));
        }
        ctx.exit(EXIT_OK);
      } finally {
        await store.close();
      }
    });
}
