import type { Command } from 'commander';
import { createPipeline } from '../../analyzers/index.js';
import { openStore } from '../../store/open.js';
import { analyzeAndStore } from '../../sources/sink.js';
import { watch, type WatchOptions } from '../../sources/watcher.js';
import { EXIT_OK, EXIT_SOME_FAILED, reportError, writeLine } from '../io.js';
import type { CommandContext } from '../context.js';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export function registerWatch(program: Command, ctx: CommandContext): void {
  program
    .command('watch')
    .description('poll the sources as they come due and store their new items, until stopped (Ctrl-C)')
    .option('--once', 'poll every due source once, then exit')
    .option('--allow-private', 'allow fetching private, loopback and link-local addresses (local test servers, intranets)')
    .action(async (opts: { once?: boolean; allowPrivate?: boolean }) => {
      ctx.exit(await watchCommand({ once: Boolean(opts.once), allowPrivate: Boolean(opts.allowPrivate) }, ctx));
    });
}

/**
 * Runs the watcher on the store. SIGINT/SIGTERM stop it gracefully (the current document is
 * finished, the store closed, exit 0); a second signal is not caught and ends the process.
 * With `--once`, exits 1 when some poll failed.
 */
export async function watchCommand(opts: { once: boolean; allowPrivate: boolean }, ctx: CommandContext, extra: Partial<WatchOptions> = {}): Promise<number> {
  const { io } = ctx;
  const store = await openStore(ctx.db());
  const controller = new AbortController();
  const stop = (signal: string): void => {
    writeLine(io.stderr, `veille: ${signal}: stopping after the current document`);
    controller.abort();
  };
  for (const signal of STOP_SIGNALS) process.once(signal, stop);
  try {
    if (!opts.once) writeLine(io.stderr, 'veille: watching sources (Ctrl-C to stop)');
    const summary = await watch({
      store,
      sink: analyzeAndStore(store, createPipeline()),
      fetch: { allowPrivate: opts.allowPrivate },
      once: opts.once,
      signal: controller.signal,
      log: (line, result) => writeLine(result.status === 'failed' ? io.stderr : io.stdout, line),
      onItemError: (error, source) => reportError(io, error, { debug: ctx.debug(), fallbackInput: source.url }),
      ...extra,
    });
    if (opts.once && summary.polls === 0 && !controller.signal.aborted) {
      const sources = await store.listSources();
      writeLine(io.stderr, sources.length === 0 ? 'veille: no sources: add one with `veille sources add URL`' : 'veille: no source is due');
    }
    return opts.once && summary.failedPolls > 0 ? EXIT_SOME_FAILED : EXIT_OK;
  } finally {
    for (const signal of STOP_SIGNALS) process.removeListener(signal, stop);
    await store.close();
  }
}
