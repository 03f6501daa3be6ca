import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isUrlInput } from '../sources/url-input.js';
import { unreadable } from './outcome.js';
import type { ReadOutcome } from './types.js';

/** A directory's files, recursively, in sorted order; hidden entries and symlink loops skipped. */
export async function* walkDirectory(dir: string, seen = new Set<string>()): AsyncGenerator<string | ReadOutcome> {
  let real: string;
  let names: string[];
  try {
    real = await realpath(dir);
    names = (await readdir(dir)).filter((name) => !name.startsWith('.')).sort();
  } catch (e) {
    yield unreadable(e, dir);
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  for (const name of names) {
    const path = join(dir, name);
    let info;
    try {
      info = await stat(path);
    } catch (e) {
      yield unreadable(e, path);
      continue;
    }
    if (info.isDirectory()) yield* walkDirectory(path, seen);
    else if (info.isFile()) yield path;
  }
}

/**
 * The inputs `readPaths` would read, one path each, for progress counts: directories expanded
 * (sorted, hidden entries skipped); `-`, URLs, missing paths, unreadable and empty directories
 * are kept as given so that `readPaths([path])` reads or reports them.
 */
export async function expandPaths(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    let isDirectory = false;
    try {
      isDirectory = path !== '-' && !isUrlInput(path) && (await stat(path)).isDirectory();
    } catch {
      /* kept as given: readPaths reports it */
    }
    if (!isDirectory) {
      out.push(path);
      continue;
    }
    const before = out.length;
    for await (const entry of walkDirectory(path)) {
      out.push(typeof entry === 'string' ? entry : entry.ok ? path : (entry.error.input ?? path));
    }
    if (out.length === before) out.push(path);
  }
  return out;
}
