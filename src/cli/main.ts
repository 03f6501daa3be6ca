import { Command, CommanderError } from 'commander';
import { isVeilleError } from '../core/errors.js';
import { VERSION } from '../core/version.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerCopy } from './commands/copy.js';
import { registerDemo } from './commands/demo.js';
import { registerExport } from './commands/export.js';
import { registerIngest } from './commands/ingest.js';
import { registerKb } from './commands/kb.js';
import { registerQueue } from './commands/queue.js';
import { registerSearch } from './commands/search.js';
import { registerServe } from './commands/serve.js';
import { registerShow } from './commands/show.js';
import { registerSources } from './commands/sources.js';
import { registerStats } from './commands/stats.js';
import { registerStories } from './commands/stories.js';
import { registerWatch } from './commands/watch.js';
import { registerWorker } from './commands/worker.js';
import { EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, reportError, type CliIO } from './io.js';
import { databaseLocation } from './options.js';
import type { CommandContext } from './context.js';

export type { CommandContext } from './context.js';

const processIO = (): CliIO => ({ stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env });

/** Runs the CLI on `argv` (as process.argv) and returns the exit code: 0 ok, 1 some inputs failed, 2 usage. */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  let exitCode = EXIT_OK;
  const program = new Command('veille');
  const ctx: CommandContext = {
    io,
    db: () => databaseLocation(program.opts<{ db?: string }>().db, io),
    debug: () => Boolean(program.opts<{ debug?: boolean }>().debug),
    exit: (code) => { exitCode = code; },
  };
  program
    .description('Veille: news-event intelligence from French and English reports, every item traceable to its span')
    .version(VERSION)
    .option('--db <file>', 'database file (or VEILLE_DB); default ./veille.db')
    .option('--debug', 'print stack traces with errors')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();
  for (const register of [registerIngest, registerAnalyze, registerSearch, registerShow, registerExport, registerStats, registerDemo, registerServe, registerSources, registerWatch, registerWorker, registerQueue, registerCopy, registerKb, registerStories]) {
    register(program, ctx);
  }
  for (const command of program.commands) command.exitOverride().configureOutput(program.configureOutput());
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    reportError(io, error, { debug: ctx.debug() });
    if (isVeilleError(error) && (error.code === 'USAGE' || error.code === 'BAD_QUERY')) return EXIT_USAGE;
    return EXIT_SOME_FAILED;
  }
}
