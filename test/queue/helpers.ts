/**
 * Helpers for the queue and fault tests: real `veille` processes (from the sources), polling
 * until a condition holds, and documents to queue.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { Doc } from '../../src/core/record.js';
import { makeRecord } from '../store/records.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI_ENTRY = join(ROOT, 'test', 'queue', 'cli-entry.ts');

/** A child process with its output collected as it comes. */
export interface Child {
  process: ChildProcess;
  output(): string;
  /** Resolves with the exit code, or the signal's name when killed. */
  exited: Promise<number | NodeJS.Signals | null>;
}

/** Spawns a TypeScript entry (through tsx) with these arguments and environment additions. */
export function spawnTs(entry: string, args: string[], env: NodeJS.ProcessEnv = {}): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => { out += c.toString(); });
  child.stderr?.on('data', (c: Buffer) => { out += c.toString(); });
  const exited = new Promise<number | NodeJS.Signals | null>((res) => child.on('exit', (code, signal) => res(signal ?? code)));
  return { process: child, output: () => out, exited };
}

/** Runs `veille ARGS` to its end. */
export async function runVeille(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | NodeJS.Signals | null; output: string }> {
  const child = spawnTs(CLI_ENTRY, args, env);
  const code = await child.exited;
  return { code, output: child.output() };
}

/** Polls until `check` returns a value other than undefined/false, or fails after `timeoutMs` saying what was awaited. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 60_000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

/**
 * `n` short invented news documents (French and English alternately), normalized as a
 * reader would give them: their ids are the hashes of their texts.
 */
export function newsDocs(n: number, tag = 'q'): Doc[] {
  return Array.from({ length: n }, (_, i) => makeRecord(i % 2 === 0
    ? {
      text: `Le conseil régional de Normandie a voté mardi une aide de ${i + 3} millions d'euros pour le port de Cherbourg (${tag}${i}). Le président Hervé Morin a salué un accord.`,
      title: `Aide au port ${tag}${i}`, date: `2024-05-${String(1 + (i % 28)).padStart(2, '0')}`, language: 'fr', source: 'Ouest Matin', origin: `queue/${tag}${i}.txt`,
    }
    : {
      text: `The city council of Leeds approved on Monday a ${i + 3} million pound plan for the tram network (${tag}${i}). Mayor Tracy Brabin welcomed the vote.`,
      title: `Tram plan ${tag}${i}`, date: `2024-06-${String(1 + (i % 28)).padStart(2, '0')}`, language: 'en', source: 'Yorkshire Daily', origin: `queue/${tag}${i}.txt`,
    }).doc);
}
