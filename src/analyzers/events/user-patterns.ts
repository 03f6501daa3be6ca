import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { VeilleError } from '../../core/errors.js';

/** The environment variable naming a directory of user event patterns: `<dir>/<code>/events*.json`. */
export const PATTERNS_DIR_ENV = 'VEILLE_PATTERNS_DIR';

/** One file of raw patterns, with its path for messages. */
export interface PatternFile {
  path: string;
  patterns: unknown[];
}

/**
 * The user's pattern files for a language, in name order; none when the directory or the
 * language folder is absent. A file that cannot be parsed fails with its path.
 */
export function readUserPatterns(dir: string | null, code: string): PatternFile[] {
  if (!dir) return [];
  const folder = join(dir, code);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return [];
  return readdirSync(folder)
    .filter((name) => /^events.*\.json$/.test(name))
    .sort()
    .map((name) => {
      const path = join(folder, name);
      let parsed: unknown;
      try {
        parsed = JSON.parse(readFileSync(path, 'utf8'));
      } catch (e) {
        throw new VeilleError('MALFORMED', `${path}: ${(e as Error).message}`, path);
      }
      const patterns = (parsed as { patterns?: unknown })?.patterns;
      if (!Array.isArray(patterns)) throw new VeilleError('MALFORMED', `${path}: expected {"patterns": [...]}`, path);
      return { path, patterns };
    });
}
