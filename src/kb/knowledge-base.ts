import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntityType } from '../core/record.js';
import { splitNameWords, wordKey } from './name-key.js';
import { readKbFiles, type MergedEntry } from './read-files.js';
import { KeyTrie } from './trie.js';
import { defaultUserKbDir, USER_KB_ENV } from './user-kb.js';
import type { KbKind, KbMetonym, KbNames, KbPeriod } from './types.js';

/** `kb/` at the package root (the same depth from src/kb and dist/kb). */
export const KB_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'kb');

/** The environment variable naming a user KB directory whose entries add to or override ours. */
export const KB_DIR_ENV = USER_KB_ENV;

/** A compiled KB entry. */
export interface KbEntry {
  id: string;
  /** What the record's `kb` field shows: the Wikidata id when known, else `id`. */
  kb: string;
  type: EntityType;
  kind: KbKind;
  names: KbNames;
  country: string | null;
  sector: string | null;
  periods: readonly KbPeriod[];
  metonym: KbMetonym | null;
  /** Roles the entry is known by, per language ("président"), for role-only mentions. */
  roles: KbNames;
  priority: number;
  source: string;
}

/** How the first word of a KB name must look in the text for the name to match there. */
export type NameShape = 'acronym' | 'cap' | 'any';

export interface NameHit {
  entry: KbEntry;
  /** `any`, or the language the name belongs to. */
  lang: string;
  shape: NameShape;
}

export interface DemonymHit {
  country: string;
  lang: string;
}

export interface KbOptions {
  /** The shipped KB directory (default: kb/ of the package). */
  dir?: string;
  /** A user KB directory; default: $VEILLE_KB_DIR, else ~/.veille/kb when it exists; null: none. */
  userDir?: string | null;
}

/** $VEILLE_KB_DIR, else ~/.veille/kb when it exists (where `veille kb add` writes), else none. */
function defaultUserDir(): string | null {
  const fromEnv = process.env[KB_DIR_ENV];
  if (fromEnv) return fromEnv;
  const home = defaultUserKbDir();
  return existsSync(home) ? home : null;
}

/** The knowledge base, compiled for matching: a trie of names and one of demonyms. */
export class KnowledgeBase {
  readonly entries = new Map<string, KbEntry>();
  readonly names = new KeyTrie<NameHit>();
  /**
   * The names whose first word may be written in lower case (shape `any`: "mer Noire"): all a
   * lower-case word of a text can start, so most words of a text need not walk `names`.
   */
  readonly lowerNames = new KeyTrie<NameHit>();
  readonly demonyms = new KeyTrie<DemonymHit>();
  /** Word keys of given names: a capitalized sequence that starts with one is a person. */
  readonly givenNames = new Set<string>();
  private readonly countries = new Map<string, KbEntry>();
  /** Keys of country names and demonyms: never given names ("German", "Jordan" stay out). */
  private readonly countryWords = new Set<string>();

  constructor(merged: Iterable<MergedEntry>, givenNames: Iterable<string>) {
    for (const m of merged) this.addEntry(m);
    for (const name of givenNames) {
      const k = keysOf(name);
      if (k.length === 1 && !this.countryWords.has(k[0] ?? '')) this.givenNames.add(k[0] ?? '');
    }
  }

  /** The country entry of an ISO alpha-3 code. */
  country(code: string): KbEntry | undefined {
    return this.countries.get(code);
  }

  /** An entry's name in a language: its first name there, else its first name at all. */
  label(entry: KbEntry, lang: string): string {
    return entry.names[lang]?.[0] ?? entry.names.any?.[0] ?? allNames(entry.names)[0] ?? entry.id;
  }

  private addEntry(m: MergedEntry): void {
    const entry: KbEntry = {
      id: m.id,
      kb: m.wikidata ?? m.id,
      type: m.type ?? 'MISC',
      kind: m.kind ?? 'misc',
      names: m.names ?? {},
      country: m.country ?? null,
      sector: m.sector ?? null,
      periods: m.periods ?? [],
      metonym: m.metonym ?? null,
      roles: m.roles ?? {},
      priority: m.priority,
      source: m.source ?? (m.priority === 2 ? 'user' : 'hand'),
    };
    this.entries.set(entry.id, entry);
    if (entry.kind === 'country' && entry.country) this.countries.set(entry.country, entry);
    for (const [lang, list] of Object.entries(entry.names)) {
      for (const name of list ?? []) {
        const keys = keysOf(name);
        if (keys.length === 0) continue;
        const hit: NameHit = { entry, lang, shape: shapeOf(name, entry) };
        this.names.add(keys, hit);
        if (hit.shape === 'any') this.lowerNames.add(keys, hit);
      }
    }
    if (entry.kind === 'country' && entry.country) {
      for (const n of allNames(entry.names)) this.countryWords.add(keysOf(n).join(' '));
      for (const [lang, list] of Object.entries(m.demonyms ?? {})) {
        for (const d of list ?? []) {
          this.demonyms.add(keysOf(d), { country: entry.country, lang });
          this.countryWords.add(keysOf(d).join(' '));
        }
      }
    }
  }
}

export function keysOf(name: string): string[] {
  return splitNameWords(name).map(wordKey).filter((k) => k.length > 0);
}

function allNames(names: KbNames): string[] {
  return Object.values(names).flatMap((l) => l ?? []);
}

function shapeOf(name: string, entry: KbEntry): NameShape {
  // Phoenix names were upper case throughout: their case says nothing beyond "a name"
  if (entry.source.startsWith('phoenix')) return 'cap';
  const first = splitNameWords(name)[0] ?? '';
  const letters = first.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase()) return 'acronym';
  if (/^\p{Ll}/u.test(first)) return 'any';
  return 'cap';
}

const cache = new Map<string, KnowledgeBase>();

/**
 * The knowledge base of `kb/` plus the user directory, read and compiled once per process.
 * @example loadKnowledgeBase().country('RUS')?.names.fr // ['Russie', …]
 */
export function loadKnowledgeBase(options: KbOptions = {}): KnowledgeBase {
  const dir = options.dir ?? KB_ROOT;
  const userDir = options.userDir === undefined ? defaultUserDir() : options.userDir;
  const key = `${dir}\0${userDir ?? ''}`;
  let kb = cache.get(key);
  if (!kb) {
    const dirs = [{ dir, priority: 0 }];
    if (userDir) dirs.push({ dir: userDir, priority: 2 });
    const sources = readKbFiles(dirs);
    kb = new KnowledgeBase(sources.entries.values(), sources.givenNames);
    cache.set(key, kb);
  }
  return kb;
}
