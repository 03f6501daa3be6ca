import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LanguageData } from './types.js';

/** `lang/` at the package root; the same depth from `src/lang` and `dist/lang`. */
export const LANG_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'lang');

/** The language used for data when a document's language is unknown (`und`): French first. */
export const FALLBACK_LANGUAGE = 'fr';

class FileLanguageData implements LanguageData {
  private readonly cache = new Map<string, unknown>();
  constructor(readonly code: string, private readonly dir: string) {}

  compiled<T>(name: string, compile: (raw: unknown, code: string) => T): T {
    if (this.cache.has(name)) return this.cache.get(name) as T;
    const path = join(this.dir, `${name}.json`);
    let raw: unknown = null;
    if (existsSync(path)) {
      try {
        raw = JSON.parse(readFileSync(path, 'utf8'));
      } catch (e) {
        throw new Error(`language data ${path}: ${(e as Error).message}`);
      }
    }
    const value = compile(raw, this.code);
    this.cache.set(name, value);
    return value;
  }
}

const loaded = new Map<string, LanguageData>();

/** The languages that have a data folder. */
export function availableLanguages(root = LANG_ROOT): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^[a-z]{2,3}$/.test(d.name))
    .map((d) => d.name)
    .sort();
}

/** The data of one language, falling back to FALLBACK_LANGUAGE when it has no folder. */
export function languageData(code: string, root = LANG_ROOT): LanguageData {
  const key = `${root}\0${code}`;
  let data = loaded.get(key);
  if (!data) {
    const dir = join(root, code);
    data = existsSync(dir) ? new FileLanguageData(code, dir) : languageData(FALLBACK_LANGUAGE, root);
    loaded.set(key, data);
  }
  return data;
}
