import { InvalidArgumentError, type Command } from 'commander';
import { isVeilleError } from '../../core/errors.js';
import { openStore } from '../../store/open.js';
import type { Source, Store } from '../../store/store.js';
import { formatDuration, parseDuration } from '../../sources/duration.js';
import { addSubscription, listSubscriptions, removeSubscription } from '../../sources/subscriptions.js';
import { EXIT_OK, EXIT_SOME_FAILED, writeLine } from '../io.js';
import type { CommandContext } from '../context.js';

/** Commander parser for `--every`: a duration like 30s, 15m, 1h, in seconds. */
function everyOption(value: string): number {
  try {
    return parseDuration(value);
  } catch (error) {
    throw new InvalidArgumentError(isVeilleError(error) ? error.message : String(error));
  }
}

async function withStore(ctx: CommandContext, fn: (store: Store) => Promise<number>): Promise<void> {
  const store = await openStore(ctx.db());
  try {
    ctx.exit(await fn(store));
  } finally {
    await store.close();
  }
}

/** `in 4m`, `due now`, relative to `now`. */
function nextPoll(source: Source, now: number): string {
  const seconds = (Date.parse(source.nextPollAt) - now) / 1000;
  return seconds <= 0 ? 'due now' : `in ${formatDuration(seconds)}`;
}

/** Errors are cut in the table (`sources list --json` has them whole). */
const STATUS_WIDTH = 60;

function status(source: Source): string {
  if (source.failures === 0) return source.lastPolledAt ? 'ok' : 'new';
  const text = `${source.failures} failed: ${source.lastError ?? ''}`;
  return text.length > STATUS_WIDTH ? `${text.slice(0, STATUS_WIDTH - 1)}…` : text;
}

/** The sources as an aligned table (id, interval, next poll, status, name and URL). */
export function formatSources(sources: Source[], now = Date.now()): string[] {
  if (sources.length === 0) return ['no sources: add one with `veille sources add URL`'];
  const rows = [['ID', 'EVERY', 'NEXT', 'STATUS', 'SOURCE'], ...sources.map((s) => [
    String(s.id), formatDuration(s.everySeconds), nextPoll(s, now), status(s), s.name ? `${s.name}  ${s.url}` : s.url,
  ])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '));
}

export function registerSources(program: Command, ctx: CommandContext): void {
  const sources = program.command('sources').description('feeds and pages that `veille watch` polls');
  sources
    .command('add')
    .description('subscribe to a feed or page (http or https)')
    .argument('<url>', 'the feed or page URL')
    .option('--name <name>', 'the outlet name given to its documents (default: the feed title)')
    .option('--every <duration>', 'how often to poll: 30s, 15m, 1h… (default 15m)', everyOption)
    .action(async (url: string, opts: { name?: string; every?: number }) => withStore(ctx, async (store) => {
      const source = await addSubscription(store, { url, name: opts.name ?? null, every: opts.every ?? null });
      writeLine(ctx.io.stdout, `added source ${source.id}: ${source.url} (every ${formatDuration(source.everySeconds)})`);
      return EXIT_OK;
    }));
  sources
    .command('list')
    .description('the sources, when each is next polled and how the last poll went')
    .option('--json', 'print as a JSON array')
    .action(async (opts: { json?: boolean }) => withStore(ctx, async (store) => {
      const all = await listSubscriptions(store);
      if (opts.json) writeLine(ctx.io.stdout, JSON.stringify(all));
      else for (const line of formatSources(all)) writeLine(ctx.io.stdout, line);
      return EXIT_OK;
    }));
  sources
    .command('remove')
    .description('unsubscribe (documents already stored stay)')
    .argument('<url-or-id>', 'the source URL or its id (see `veille sources list`)')
    .action(async (key: string) => withStore(ctx, async (store) => {
      const removed = await removeSubscription(store, key);
      if (!removed) {
        writeLine(ctx.io.stderr, `veille: ${key}: no source with this id or URL (see \`veille sources list\`)`);
        return EXIT_SOME_FAILED;
      }
      writeLine(ctx.io.stdout, `removed source ${removed.id}: ${removed.url}`);
      return EXIT_OK;
    }));
}
