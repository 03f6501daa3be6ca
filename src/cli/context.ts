import type { CliIO } from './io.js';

/** What every command gets: the streams, the global options, and a way to set the exit code. */
export interface CommandContext {
  io: CliIO;
  db(): string;
  debug(): boolean;
  exit(code: number): void;
}
