import type { Command } from 'commander';
import { openStore } from '../../store/open.js';
import { colorEnabled, EXIT_OK, painter, writeLine } from '../io.js';
import type { CommandContext } from '../context.js';
import { positiveInt } from '../parse.js';
import type { Snippet } from '../../store/store.js';

export function registerSearch(program: Command, ctx: CommandContext): void {
  program
    .command('search')
    .description('full-text search over titles and texts (accents and case folded)')
    .argument('<query...>', 'words to find; "quoted phrase" for an exact phrase')
    .option('--limit <n>', 'results per page', positiveInt, 20)
    .option('--cursor <cursor>', 'the next page, from a previous --json answer')
    .option('--source <name>', 'only this source')
    .option('--language <code>', 'only this language')
    .option('--from <date>', 'published on or after (YYYY[-MM[-DD]])')
    .option('--to <date>', 'published on or before (YYYY[-MM[-DD]])')
    .option('--json', 'print the page as JSON')
    .action(async (words: string[], opts: { limit: number; cursor?: string; source?: string; language?: string; from?: string; to?: string; json?: boolean }) => {
      const io = ctx.io;
      const store = await openStore(ctx.db());
      try {
        const page = await store.search({
          query: words.join(' '), limit: opts.limit, cursor: opts.cursor, source: opts.source,
          language: opts.language, dateFrom: opts.from, dateTo: opts.to,
        });
        if (opts.json) writeLine(io.stdout, JSON.stringify(page));
        else {
          const paint = painter(colorEnabled(io));
          if (page.items.length === 0) writeLine(io.stdout, 'no documents found');
          for (const hit of page.items) {
            writeLine(io.stdout, `${paint('bold', hit.id)}  ${hit.date ?? '-'}  ${hit.source.name ?? '-'}  ${hit.title ?? hit.origin}`);
            // on one line: a snippet may span paragraphs
            writeLine(io.stdout, `  ${markSnippet(hit.snippet, (t) => paint('yellow', `[${t}]`)).replace(/\s+/g, ' ')}`);
          }
          if (page.nextCursor) writeLine(io.stdout, paint('dim', `more: --cursor ${page.nextCursor}`));
        }
        ctx.exit(EXIT_OK);
      } finally {
        await store.close();
      }
    });
}

/** The snippet with each matched term wrapped by `mark`. */
export function markSnippet(snippet: Snippet, mark: (term: string) => string): string {
  let out = '';
  let at = 0;
  for (const m of snippet.marks) {
    out += snippet.text.slice(at, m.start) + mark(snippet.text.slice(m.start, m.end));
    at = m.end;
  }
  return out + snippet.text.slice(at);
}
