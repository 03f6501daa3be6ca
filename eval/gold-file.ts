import { readFileSync } from 'node:fs';

/** `eval/gold/<name>`, wherever the eval is run from. */
export const GOLD_DIR = new URL('./gold/', import.meta.url);

/**
 * The records of a JSON Lines gold file, each checked by `check`; a malformed line fails with
 * the file and line number.
 */
export function readGold<T>(name: string, check: (value: unknown) => value is T): T[] {
  const lines = readFileSync(new URL(name, GOLD_DIR), 'utf8').split('\n');
  const rows: T[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      throw new Error(`eval/gold/${name}:${i + 1}: ${(e as Error).message}`);
    }
    if (!check(value)) throw new Error(`eval/gold/${name}:${i + 1}: unexpected record shape`);
    rows.push(value);
  });
  return rows;
}
