import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `../shared` beside the checkout: seeds, contracts and open data. Absent on some clones. */
export const SHARED = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared');

/** A `skip` reason for node:test when ../shared is absent, else false. */
export function needsShared(...parts: string[]): string | false {
  const path = resolve(SHARED, ...parts);
  return existsSync(path) ? false : `needs ${path} (../shared beside the checkout), absent here`;
}

export function sharedPath(...parts: string[]): string {
  return resolve(SHARED, ...parts);
}
