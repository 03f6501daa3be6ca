import type { Readable, Writable } from 'node:stream';
import { isVeilleError } from '../core/errors.js';

/** The process streams a command writes to; tests pass their own. */
export interface CliIO {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  stdin: Readable;
  env: NodeJS.ProcessEnv;
}

export const EXIT_OK = 0;
/** Some inputs failed; the others were processed. */
export const EXIT_SOME_FAILED = 1;
export const EXIT_USAGE = 2;

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function colorEnabled(io: CliIO, stream: 'stdout' | 'stderr' = 'stdout'): boolean {
  const v = io.env.NO_COLOR;
  if (v !== undefined && v !== '') return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return Boolean(io[stream].isTTY);
}

const CODES = { bold: [1, 22], dim: [2, 22], underline: [4, 24], red: [31, 39], green: [32, 39], yellow: [33, 39], blue: [34, 39], magenta: [35, 39], cyan: [36, 39] } as const;
export type Style = keyof typeof CODES;

export function painter(enabled: boolean): (style: Style, text: string) => string {
  return enabled ? (style, text) => `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : (_style, text) => text;
}

export function writeLine(stream: Writable, line = ''): void {
  stream.write(`${line}\n`);
}

/**
 * One line per failure: `veille: <input>: <reason>`; the stack only with --debug.
 * `fallbackInput` names the input when the error does not.
 */
export function reportError(io: CliIO, error: unknown, options: { debug: boolean; fallbackInput?: string }): void {
  const input = isVeilleError(error) ? (error.input ?? options.fallbackInput) : options.fallbackInput;
  const reason = error instanceof Error ? error.message : String(error);
  writeLine(io.stderr, `veille: ${input ? `${input}: ` : ''}${reason}`);
  if (options.debug && error instanceof Error && error.stack) writeLine(io.stderr, error.stack);
}
