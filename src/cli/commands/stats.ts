import type { Command } from 'commander';
import { openStore } from '../../store/open.js';
import type { StoreStats } from '../../store/store.js';
import { EXIT_OK, writeLine } from '../io.js';
import type { CommandContext } from '../context.js';

export function registerStats(program: Command, ctx: CommandContext): void {
  program
    .command('stats')
    .description('counts of what the database holds')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }) => {
      const io = ctx.io;
      const store = await openStore(ctx.db());
      try {
        const stats = await store.stats();
        if (opts.json) writeLine(io.stdout, JSON.stringify(stats));
        else for (const line of formatStats(stats)) writeLine(io.stdout, line);
        ctx.exit(EXIT_OK);
      } finally {
        await store.close();
      }
    });
}

/** A readable summary of the store's counts. */
export function formatStats(stats: StoreStats): string[] {
  return [
    `documents: ${stats.documents}`,
    `  by language: ${stats.languages.map((l) => `${l.language} ${l.documents}`).join(', ') || '-'}`,
    `  by source: ${stats.sources.map((s) => `${s.name ?? '(none)'} ${s.documents}`).join(', ') || '-'}`,
    `entities: ${stats.entities} (${stats.mentions} mentions)`,
    `database: ${(stats.bytes / 1e6).toFixed(1)} MB`,
  ];
}
