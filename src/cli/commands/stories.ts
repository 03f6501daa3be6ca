import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { VeilleError } from '../../core/errors.js';
import { openStore } from '../../store/open.js';
import { hasStories, type Store, type StoryStore } from '../../store/store.js';
import { graphToGraphml, graphToJson } from '../../stories/export-graph.js';
import { allStories, compareRecords, loadStory } from '../../stories/load.js';
import { estimateJaccard, minhashSignature } from '../../stories/minhash.js';
import { DUPLICATE_JACCARD } from '../../stories/params.js';
import { renderStory, storyLine } from '../../stories/render.js';
import { colorEnabled, EXIT_OK, painter, writeLine } from '../io.js';
import type { CommandContext } from '../context.js';

/** Opens the store, checks that it clusters stories, runs `fn`, closes it. */
async function withStories<T>(ctx: CommandContext, fn: (store: Store & StoryStore) => Promise<T>): Promise<T> {
  const store = await openStore(ctx.db());
  try {
    if (!hasStories(store)) throw new VeilleError('USAGE', `${ctx.db()}: this store backend does not cluster stories yet`, ctx.db());
    return await fn(store);
  } finally {
    await store.close();
  }
}

const positiveInteger = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new VeilleError('USAGE', `--limit must be a positive whole number, not ${JSON.stringify(value)}`);
  return n;
};

/** `veille stories`, `veille story ID`, `veille compare DOC DOC`, `veille recluster`. */
export function registerStories(program: Command, ctx: CommandContext): void {
  program
    .command('stories')
    .description('list the stories: reports of the same events grouped across outlets and languages')
    .option('--json', 'print one story record (veille.story/1) per line')
    .option('--limit <n>', 'at most this many stories (newest first)', positiveInteger)
    .action(async (opts: { json?: boolean; limit?: number }) => {
      await withStories(ctx, async (store) => {
        const paint = painter(colorEnabled(ctx.io));
        let n = 0;
        for await (const story of allStories(store)) {
          if (opts.limit !== undefined && n >= opts.limit) break;
          writeLine(ctx.io.stdout, opts.json ? JSON.stringify(story) : storyLine(story, paint));
          n++;
        }
        if (n === 0 && !opts.json) writeLine(ctx.io.stderr, 'no stories yet: ingest some documents first (veille ingest FILE…)');
      });
      ctx.exit(EXIT_OK);
    });

  program
    .command('story')
    .description('show one story: summary, sources compared fact by fact, timeline, actor graph')
    .argument('<id>', 'story id (s…, as listed by veille stories) or the id of one of its documents')
    .option('--json', 'print the story record (veille.story/1)')
    .option('--all', 'also list the facts only one source reports')
    .option('--graphml [file]', 'write the actor graph as GraphML (Gephi, yEd), to a file or stdout')
    .option('--graph-json [file]', 'write the actor graph as JSON Graph Format, to a file or stdout')
    .action(async (id: string, opts: { json?: boolean; all?: boolean; graphml?: string | boolean; graphJson?: string | boolean }) => {
      await withStories(ctx, async (store) => {
        const storyId = /^s[0-9a-f]{16}$/.test(id) ? id : ((await store.storyOf(id)) ?? id);
        const story = await loadStory(store, storyId);
        if (!story) throw new VeilleError('USAGE', `no story with id ${id} (and no document with that id in a story); list them with veille stories`, id);
        const exports: [string | boolean | undefined, () => string][] = [
          [opts.graphml, () => graphToGraphml(story)],
          [opts.graphJson, () => `${JSON.stringify(graphToJson(story), null, 2)}\n`],
        ];
        let printed = false;
        for (const [target, make] of exports) {
          if (target === undefined) continue;
          if (typeof target === 'string') writeFileSync(target, make());
          else { ctx.io.stdout.write(make()); printed = true; }
        }
        if (opts.json) writeLine(ctx.io.stdout, JSON.stringify(story));
        else if (!printed) {
          const colored = colorEnabled(ctx.io);
          writeLine(ctx.io.stdout, renderStory(story, { all: opts.all, paint: painter(colored) }));
        }
      });
      ctx.exit(EXIT_OK);
    });

  program
    .command('compare')
    .description('compare two stored documents fact by fact (whether or not they are one story)')
    .argument('<doc1>', 'document id')
    .argument('<doc2>', 'document id')
    .option('--json', 'print the comparison as a story record (veille.story/1)')
    .option('--all', 'also list the facts only one of them reports')
    .action(async (first: string, second: string, opts: { json?: boolean; all?: boolean }) => {
      await withStories(ctx, async (store) => {
        const [a, b] = [await store.getAnalysis(first), await store.getAnalysis(second)];
        for (const [id, record] of [[first, a], [second, b]] as const) {
          if (!record) throw new VeilleError('USAGE', `no document with id ${id}`, id);
        }
        if (!a || !b) return;
        const copy = estimateJaccard(minhashSignature(`${a.doc.title ?? ''}\n${a.doc.text}`), minhashSignature(`${b.doc.title ?? ''}\n${b.doc.text}`));
        const story = compareRecords(a, b, copy >= DUPLICATE_JACCARD ? a.doc.id : null);
        if (opts.json) {
          writeLine(ctx.io.stdout, JSON.stringify(story));
          return;
        }
        const [sa, sb] = [await store.storyOf(a.doc.id), await store.storyOf(b.doc.id)];
        const paint = painter(colorEnabled(ctx.io));
        writeLine(ctx.io.stdout, sa !== null && sa === sb ? `same story: ${sa}` : `different stories: ${sa ?? '(none)'} and ${sb ?? '(none)'}`);
        writeLine(ctx.io.stdout, `shared word sequences (MinHash Jaccard): ${copy.toFixed(2)}${copy >= DUPLICATE_JACCARD ? ' — near-identical copies (one source)' : ''}\n`);
        writeLine(ctx.io.stdout, renderStory(story, { all: opts.all, paint }));
      });
      ctx.exit(EXIT_OK);
    });

  program
    .command('recluster')
    .description('rebuild every story from scratch (same result as ingesting the documents in their stored order)')
    .action(async () => {
      await withStories(ctx, async (store) => {
        const summary = await store.recluster();
        writeLine(ctx.io.stdout, `reclustered ${summary.documents} document${summary.documents === 1 ? '' : 's'} into ${summary.stories} stor${summary.stories === 1 ? 'y' : 'ies'}`);
      });
      ctx.exit(EXIT_OK);
    });
}
