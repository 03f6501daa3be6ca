import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { VeilleError } from '../core/errors.js';
import type { KbEntryData, KbNames } from './types.js';

/** An entry after merging every file, with the rank of the file it last came from. */
export interface MergedEntry extends KbEntryData {
  /** 0: generated (`_` files), 1: shipped hand-curated, 2: user KB. Higher wins ties. */
  priority: number;
}

export interface KbSources {
  entries: Map<string, MergedEntry>;
  givenNames: string[];
  files: string[];
}

/**
 * Reads the KB files of each directory in order (generated `_*.json` first, then the others,
 * by name), then merges: an entry whose id was seen replaces the fields it gives (names are
 * added), `drop: true` removes it, and `replaces` removes the ids it lists.
 */
export function readKbFiles(dirs: readonly { dir: string; priority: number }[]): KbSources {
  const entries = new Map<string, MergedEntry>();
  const givenNames: string[] = [];
  const files: string[] = [];
  const replaced = new Set<string>();
  for (const { dir, priority } of dirs) {
    for (const path of kbFilesIn(dir)) {
      files.push(path);
      const data = parseKbFile(path);
      const fileRank = priority === 0 && !/[\\/]_[^\\/]*$/.test(path) ? 1 : priority;
      for (const name of data.given_names ?? []) if (typeof name === 'string') givenNames.push(name);
      for (const [i, raw] of (data.entries ?? []).entries()) {
        const e = checkEntry(raw, path, i);
        if (e.drop) {
          entries.delete(e.id);
          continue;
        }
        const old = entries.get(e.id);
        // no copy for first sightings: the generated files hold tens of thousands of entries
        entries.set(e.id, old ? mergeEntry(old, e, fileRank) : Object.assign(e, { priority: fileRank }));
        for (const r of e.replaces ?? []) replaced.add(r);
      }
    }
  }
  for (const id of replaced) entries.delete(id);
  return { entries, givenNames, files };
}

function kbFilesIn(dir: string): string[] {
  if (!existsSync(dir)) throw new VeilleError('UNREADABLE', `knowledge-base directory ${dir} does not exist`, dir);
  if (!statSync(dir).isDirectory()) throw new VeilleError('UNREADABLE', `knowledge-base path ${dir} is not a directory`, dir);
  const names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort((a, b) => {
    const ga = a.startsWith('_') ? 0 : 1;
    const gb = b.startsWith('_') ? 0 : 1;
    return ga - gb || a.localeCompare(b);
  });
  return names.map((n) => join(dir, n));
}

interface RawKbFile {
  entries?: unknown[];
  given_names?: unknown[];
}

function parseKbFile(path: string): RawKbFile {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new VeilleError('MALFORMED', `knowledge-base file ${path}: ${(e as Error).message}`, path);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new VeilleError('MALFORMED', `knowledge-base file ${path}: expected an object with "entries"`, path);
  }
  const file = data as RawKbFile;
  if (file.entries !== undefined && !Array.isArray(file.entries)) {
    throw new VeilleError('MALFORMED', `knowledge-base file ${path}: "entries" must be an array`, path);
  }
  return file;
}

const TYPES = new Set(['PER', 'ORG', 'GPE', 'LOC', 'MISC']);

function checkEntry(raw: unknown, path: string, i: number): KbEntryData {
  const where = `knowledge-base file ${path}, entry ${i}`;
  if (typeof raw !== 'object' || raw === null) throw new VeilleError('MALFORMED', `${where}: not an object`, path);
  const e = raw as KbEntryData;
  if (typeof e.id !== 'string' || e.id.length === 0) throw new VeilleError('MALFORMED', `${where}: "id" must be a non-empty string`, path);
  if (e.type !== undefined && !TYPES.has(e.type)) throw new VeilleError('MALFORMED', `${where} (${e.id}): "type" must be one of PER ORG GPE LOC MISC`, path);
  if (e.country != null && !/^[A-Z]{3}$/.test(e.country)) throw new VeilleError('MALFORMED', `${where} (${e.id}): "country" must be 3 capital letters`, path);
  if (e.names !== undefined && (typeof e.names !== 'object' || e.names === null || Array.isArray(e.names))) {
    throw new VeilleError('MALFORMED', `${where} (${e.id}): "names" must be an object of lists, e.g. {"fr": ["…"], "en": ["…"]}`, path);
  }
  return e;
}

function mergeNames(a: KbNames | undefined, b: KbNames | undefined): KbNames | undefined {
  if (!a) return b;
  if (!b) return a;
  const out: KbNames = { ...a };
  for (const [lang, list] of Object.entries(b)) out[lang] = [...new Set([...(list ?? []), ...(a[lang] ?? [])])];
  return out;
}

function mergeEntry(old: MergedEntry, e: KbEntryData, priority: number): MergedEntry {
  return {
    ...old,
    ...e,
    names: mergeNames(old.names, e.names),
    demonyms: mergeNames(old.demonyms, e.demonyms),
    priority: Math.max(old.priority, priority),
  };
}
