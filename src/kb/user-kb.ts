import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { VeilleError } from '../core/errors.js';
import type { EntityType } from '../core/record.js';
import { readKbFiles } from './read-files.js';
import type { KbEntryData, KbFileData, KbKind, KbPeriod } from './types.js';

/** The environment variable naming the user KB directory. */
export const USER_KB_ENV = 'VEILLE_KB_DIR';

/** Where the user KB lives without VEILLE_KB_DIR: ~/.veille/kb (read when it exists). */
export const defaultUserKbDir = (): string => join(homedir(), '.veille', 'kb');

/** The user KB directory: $VEILLE_KB_DIR when set, else the default. */
export function userKbDir(env: NodeJS.ProcessEnv = process.env): string {
  return env[USER_KB_ENV] || defaultUserKbDir();
}

/** The file `veille kb add` writes in the user KB directory. */
export const USER_KB_FILE = 'user.json';

/** What an analyst gives to add an actor. */
export interface NewActor {
  type: EntityType;
  name: string;
  aliases?: string[];
  country?: string | null;
  sector?: string | null;
  /** The period the country and sector hold for (ISO dates, `to` exclusive). */
  from?: string;
  to?: string;
  wikidata?: string;
  id?: string;
}

const KIND_OF: Record<EntityType, KbKind> = { PER: 'person', ORG: 'org', GPE: 'city', LOC: 'place', MISC: 'misc' };
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** "Jeanne Martin-Léger" → "jeanne-martin-leger". */
export function slugOf(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'entry';
}

function usage(message: string, input?: string): VeilleError {
  return new VeilleError('USAGE', message, input);
}

/** The KB entry of a new actor, checked: a name, a known type, codes and dates in form. */
export function actorEntry(a: NewActor): KbEntryData {
  const name = a.name.trim();
  if (name === '') throw usage('kb add: --name must not be empty');
  if (!(a.type in KIND_OF)) throw usage(`kb add: --type must be one of PER ORG GPE LOC MISC, not ${JSON.stringify(a.type)}`, a.type);
  if (a.country != null && !/^[A-Z]{3}$/.test(a.country)) throw usage(`kb add: --country must be 3 capital letters (ISO 3166 alpha-3 or IGO, NGO…), not ${JSON.stringify(a.country)}`, a.country);
  if (a.sector != null && !/^[A-Z]{3}$/.test(a.sector)) throw usage(`kb add: --sector must be a PLOVER sector code of 3 capital letters (GOV, MIL…), not ${JSON.stringify(a.sector)}`, a.sector);
  for (const [flag, d] of [['--from', a.from], ['--to', a.to]] as const) {
    if (d !== undefined && !ISO_DATE.test(d)) throw usage(`kb add: ${flag} must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), not ${JSON.stringify(d)}`, d);
  }
  if (a.from && a.to && a.to <= a.from) throw usage(`kb add: --to (${a.to}) must come after --from (${a.from})`);
  if (a.wikidata !== undefined && !/^Q\d+$/.test(a.wikidata)) throw usage(`kb add: --wikidata must look like Q123, not ${JSON.stringify(a.wikidata)}`, a.wikidata);
  const names = [name, ...(a.aliases ?? []).map((x) => x.trim()).filter((x) => x !== '' && x !== name)];
  const entry: KbEntryData = { id: a.id ?? `veille:user/${slugOf(name)}`, type: a.type, kind: KIND_OF[a.type], names: { any: [...new Set(names)] }, source: 'user' };
  if (a.wikidata) entry.wikidata = a.wikidata;
  const dated = a.from !== undefined || a.to !== undefined;
  if (dated) {
    const period: KbPeriod = {};
    if (a.country) period.country = a.country;
    if (a.sector) period.sector = a.sector;
    if (a.from) period.from = a.from;
    if (a.to) period.to = a.to;
    entry.periods = [period];
    // outside the period the actor still belongs to its country, with no sector
    entry.country = a.country ?? null;
  } else {
    entry.country = a.country ?? null;
    entry.sector = a.sector ?? null;
  }
  return entry;
}

function readUserFile(path: string): KbFileData {
  if (!existsSync(path)) return { about: 'Entries added with `veille kb add` (kb/README.md, "Your own entries").', entries: [] };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new VeilleError('MALFORMED', `knowledge-base file ${path}: ${(e as Error).message}`, path);
  }
  const file = data as KbFileData;
  if (typeof file !== 'object' || file === null || !Array.isArray(file.entries)) throw new VeilleError('MALFORMED', `knowledge-base file ${path}: expected an object with "entries"`, path);
  return file;
}

/**
 * Adds (or replaces, same id) an entry in `<dir>/user.json`, creating the directory. The file
 * is written whole to a temporary name then renamed, and the directory is read back as the
 * KB reads it, so that a bad entry fails here rather than at the next analysis.
 * @example addUserEntry('/tmp/kb', actorEntry({ type: 'PER', name: 'Jeanne Martin', country: 'FRA', sector: 'GOV' }))
 */
export function addUserEntry(dir: string, entry: KbEntryData): { path: string; replaced: boolean } {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, USER_KB_FILE);
  const file = readUserFile(path);
  const at = file.entries.findIndex((e) => e.id === entry.id);
  if (at >= 0) file.entries[at] = entry;
  else file.entries.push(entry);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(file, null, 2)}\n`);
  renameSync(tmp, path);
  readKbFiles([{ dir, priority: 2 }]);
  return { path, replaced: at >= 0 };
}
