import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { openStore } from '../../store/open.js';
import { colorEnabled, EXIT_OK, EXIT_SOME_FAILED, painter, writeLine } from '../io.js';
import type { CommandContext } from '../context.js';

/** `examples/` at the package root: short reports written for Veille (same depth from src/ and dist/). */
export const EXAMPLES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'examples');

export function registerDemo(program: Command, ctx: CommandContext): void {
  program
    .command('demo')
    .description('the main job on the embedded default: ingest examples/ into the database and print what was found')
    .action(async () => {
      const io = ctx.io;
      const paint = painter(colorEnabled(io));
      const { processInputs, storeSink, summaryLine } = await import('../ingest-run.js');
      const store = await openStore(ctx.db());
      try {
        const summary = await processInputs([EXAMPLES_DIR], io, ctx.debug(), storeSink(store));
        writeLine(io.stdout, paint('bold', `${ctx.db()}: ${summaryLine(summary)}`));
        const page = await store.listDocuments({ limit: 100 });
        for (const doc of page.items) {
          const record = await store.getAnalysis(doc.id);
          if (!record) continue;
          const counts = `${record.sentences.length} sentences, ${record.entities.length} entities, ${record.times.length} times, ${record.quantities.length} quantities, ${record.quotes.length} quotes, ${record.events.length} events`;
          writeLine(io.stdout, `${paint('bold', doc.id)} ${doc.language} ${doc.date ?? '-'} ${paint('cyan', doc.title ?? doc.origin)}`);
          writeLine(io.stdout, paint('dim', `  ${counts}`));
        }
        writeLine(io.stdout, '');
        writeLine(io.stdout, `next: ${paint('bold', 'npx veille search "…"')}, ${paint('bold', 'npx veille show ID')}, ${paint('bold', 'npx veille stats')}`);
        ctx.exit(summary.failed > 0 ? EXIT_SOME_FAILED : EXIT_OK);
      } finally {
        await store.close();
      }
    });
}
