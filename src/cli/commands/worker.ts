import type { Command } from 'commander';
import { VeilleError } from '../../core/errors.js';
import { DEFAULT_POLL_SECONDS, DEFAULT_SUPERVISE_SECONDS } from '../../queue/settings.js';
import type { WorkerEvent } from '../../queue/worker.js';
import { EXIT_OK, writeLine } from '../io.js';
import type { CommandContext } from '../context.js';
import { positiveNumber } from './queue.js';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export interface WorkerCommandOptions {
  concurrency: number;
  poll: number;
  supervise: number;
  verbose: boolean;
}

export function registerWorker(program: Command, ctx: CommandContext): void {
  program
    .command('worker')
    .description('analyze and store queued documents (veille ingest --queue) until stopped; run any number, on any machine, on one PostgreSQL store')
    .option('--concurrency <n>', 'jobs in flight in this process (run more processes to use more cores)', '2')
    .option('--poll <seconds>', 'wait between two looks at an empty queue', String(DEFAULT_POLL_SECONDS))
    .option('--supervise <seconds>', 'how often to give the jobs of dead workers back to the queue', String(DEFAULT_SUPERVISE_SECONDS))
    .option('--verbose', 'print one line per job')
    .action(async (opts: { concurrency: string; poll: string; supervise: string; verbose?: boolean }) => {
      ctx.exit(await workerCommand({
        concurrency: positiveNumber(opts.concurrency, '--concurrency', true),
        poll: positiveNumber(opts.poll, '--poll'),
        supervise: positiveNumber(opts.supervise, '--supervise', true),
        verbose: Boolean(opts.verbose),
      }, ctx));
    });
}

/**
 * Runs a worker until SIGINT/SIGTERM: then it stops fetching, finishes the jobs in hand,
 * closes the store and exits 0. A second signal is not caught and ends the process; its jobs
 * are retried by another worker once they expire (writes are single transactions).
 */
export async function workerCommand(opts: WorkerCommandOptions, ctx: CommandContext): Promise<number> {
  const { io } = ctx;
  const location = ctx.db();
  if (!/^postgres(ql)?:\/\//i.test(location)) {
    throw new VeilleError('USAGE', `veille worker needs a PostgreSQL store (--db postgres://… or VEILLE_DB), not ${location}`, location);
  }
  // Loaded here: the driver, pg-boss and the analyzers are not needed by other commands.
  const [{ openQueue }, { startWorker }, { openPostgresStore }] = await Promise.all([
    import('../../queue/boss.js'), import('../../queue/worker.js'), import('../../store/postgres/store.js'),
  ]);
  const store = await openPostgresStore(location, { poolSize: opts.concurrency + 1 });
  let lastError = '';
  const log = (line: string): void => writeLine(io.stderr, `veille worker: ${line}`);
  const quietly = (error: string): void => {
    if (error !== lastError) log(error); // an outage repeats the same error every poll: say it once
    lastError = error;
  };
  try {
    const queue = await openQueue(location, { supervise: true, superviseSeconds: opts.supervise, onError: (e) => quietly(e.message) });
    const worker = startWorker({
      boss: queue.boss, store, concurrency: opts.concurrency, pollSeconds: opts.poll,
      onEvent: (event) => report(event, opts.verbose, log, quietly),
    });
    const stop = (signal: string): void => {
      log(`${signal}: finishing the jobs in hand, then stopping`);
      void worker.stop();
    };
    for (const signal of STOP_SIGNALS) process.once(signal, stop);
    log(`started on ${store.location} (concurrency ${opts.concurrency}); Ctrl-C or SIGTERM stops it`);
    try {
      const totals = await worker.finished;
      log(`stopped: ${totals.done} stored, ${totals.failed} failed (peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)`);
    } finally {
      for (const signal of STOP_SIGNALS) process.removeListener(signal, stop);
      await queue.stop().catch(() => undefined);
    }
    return EXIT_OK;
  } finally {
    await store.close();
  }
}

function report(event: WorkerEvent, verbose: boolean, log: (line: string) => void, quietly: (error: string) => void): void {
  if (event.kind === 'done') {
    if (verbose) log(`${event.docId} ${event.outcome} (${event.ms} ms, job ${event.jobId})`);
  } else if (event.kind === 'failed') {
    log(`job ${event.jobId}${event.docId ? ` (${event.docId})` : ''} failed: ${event.error}`);
  } else if (event.kind === 'retrying') {
    quietly(`database unavailable while ${event.doing}, retrying: ${event.error}`);
  } else {
    quietly(`cannot fetch jobs, retrying: ${event.error}`);
  }
}
