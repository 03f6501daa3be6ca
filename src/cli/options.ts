import { resolve } from 'node:path';
import type { CliIO } from './io.js';

/** Where the database lives unless `--db` or `VEILLE_DB` say otherwise. */
export const DEFAULT_DB = './veille.db';

export interface GlobalOptions {
  db: string;
  debug: boolean;
}

/** `--db` wins over `VEILLE_DB`, which wins over the default; file paths are resolved here. */
export function databaseLocation(flag: string | undefined, io: CliIO): string {
  const given = flag ?? io.env.VEILLE_DB ?? DEFAULT_DB;
  return /^[a-z]+:\/\//i.test(given) || given === ':memory:' ? given : resolve(given);
}
