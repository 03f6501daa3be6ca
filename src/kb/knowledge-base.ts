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
  // The KB is read once per process anyway; asking the file system on every document cost ~4% of a stage
  let exists = homeExists.get(home);
  if (exists === undefined) homeExists.set(home, (exists = existsSync(home)));
  return exists ? home : null;
}

const homeExists = new Map<string, boolean>();

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
  /** Each country's nationality words, lower case without accents. */
  private readonly demonymSpellings = new Map<string, Set<string>>();

  constructor(merged: Iterable<MergedEntry>, givenNames: Iterable<string>) {
    for (const m of merged) this.addEntry(m);
    this.placeRegionalGroups();
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
      for (const name of matchingForms(list ?? [])) {
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
        for (const d of (list ?? []).flatMap(listedForms)) {
          this.demonyms.add(keysOf(d), { country: entry.country, lang });
          const spellings = this.demonymSpellings.get(entry.country) ?? new Set<string>();
          this.demonymSpellings.set(entry.country, spellings.add(folded(d)));
          this.countryWords.add(keysOf(d).join(' '));
        }
      }
    }
  }

  /**
   * The old dictionaries place some armed groups in a region only ("MEA" for the Middle East):
   * a region is no country, so a group whose own names name one country ("Palestinian …",
   * "… of Iraq") belongs to it. Run once all countries are in.
   */
  /**
   * The old dictionaries list some groups twice: once with their country, once as an
   * international militarized group (IMG). A group known by the very same name in one country
   * is of that country ("Moro Islamic Liberation Front": PHL) when each of its names is so.
   */
  private placeDuplicateGroup(entry: KbEntry): void {
    // every name of it must be such a duplicate: "Al-Qaeda" is IMG though "Al-Qaeda in Iraq" is IRQ
    const countries = new Set<string>();
    for (const name of allNames(entry.names)) {
      const keys = keysOf(name);
      let placed = false;
      this.names.walk((i) => keys[i] ?? null, 0, (length, hits) => {
        if (length !== keys.length) return;
        for (const h of hits) {
          if (h.entry === entry || h.entry.type !== entry.type || h.entry.country === null || !this.countries.has(h.entry.country)) continue;
          countries.add(h.entry.country);
          placed = true;
        }
      });
      if (!placed) return;
    }
    if (countries.size === 1) entry.country = [...countries][0] as string;
  }

  private placeRegionalGroups(): void {
    for (const entry of this.entries.values()) {
      if (entry.country === 'IMG') this.placeDuplicateGroup(entry);
      if (entry.country === null || !REGION_CODES.has(entry.country) || entry.kind === 'country') continue;
      const named = new Set<string>();
      for (const name of allNames(entry.names)) {
        const words = splitNameWords(name).filter((w) => wordKey(w).length > 0);
        const keys = words.map(wordKey);
        const keyAt = (i: number): string | null => keys[i] ?? null;
        // keys meet across transliterations, and so may short words ("Fi" and "Fiji"): the words
        // must spell the country's name or nationality, up to case and accents
        for (let i = 0; i < keys.length; i++) {
          const spelled = (length: number): string => folded(words.slice(i, i + length).join(' '));
          this.names.walk(keyAt, i, (length, hits) => {
            for (const h of hits) if (h.entry.kind === 'country' && h.entry.country && allNames(h.entry.names).some((n) => folded(n) === spelled(length))) named.add(h.entry.country);
          });
          // a nationality qualifies the group from its first word ("Eritrean Liberation Front"); later it
          // qualifies something else ("Latin American")
          if (i === 0) this.demonyms.walk(keyAt, i, (length, hits) => {
            for (const h of hits) if (this.demonymSpellings.get(h.country)?.has(spelled(length))) named.add(h.country);
          });
        }
      }
      if (named.size !== 1) continue;
      const region = entry.country;
      const country = [...named][0] as string;
      entry.country = country;
      entry.periods = entry.periods.map((p) => (p.country === region ? { ...p, country } : p));
    }
  }
}

export function keysOf(name: string): string[] {
  return splitNameWords(name).map(wordKey).filter((k) => k.length > 0);
}

/**
 * CAMEO's region codes, which the Phoenix dictionaries give some groups instead of a country.
 * Not countries, nor PLOVER's non-state codes (IGO, NGO, IMG, MNC, UNO, EUR).
 */
const REGION_CODES = new Set(['AFR', 'ASA', 'BLK', 'BLT', 'CAS', 'CAU', 'CEU', 'CFR', 'CRB', 'EAF', 'EEU', 'EIN', 'LAM', 'MDT', 'MEA', 'NAF', 'NMR', 'PGS', 'SAF', 'SAM', 'SAS', 'SCA', 'SEA', 'WAF', 'WEU', 'WST']);

/**
 * The forms a name list matches by: each name, and a name that ends with its abbreviation in
 * parentheses ("Moro Islamic Liberation Front (milf)", as the old dictionaries write) also
 * without it, as texts name it (a longer parenthesis is part of the name).
 */
function matchingForms(names: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    out.push(name);
    const m = /^(.+?)\s*\(\s*([^()\s]{2,10})\s*\)$/.exec(name);
    if (m && abbreviates(m[2] as string, m[1] as string) && !names.includes(m[1] as string)) out.push(m[1] as string);
  }
  return out;
}

/**
 * Whether `abbr` is an acronym of `name`: its letters are initials of the name's words, in
 * order, from the first ("ltte" of "Liberation Tigers Of Tamil Eelam"). "American (us)" is no
 * acronym: it names where the entry belongs.
 */
function abbreviates(abbr: string, name: string): boolean {
  const initials = splitNameWords(name).map((w) => w[0]?.toLowerCase() ?? '');
  const letters = abbr.toLowerCase().replace(/[^\p{L}]/gu, '');
  if (initials.length < 2 || letters.length < 2 || letters[0] !== initials[0]) return false;
  let i = 0;
  for (const c of letters) {
    while (i < initials.length && initials[i] !== c) i++;
    if (i === initials.length) return false;
    i++;
  }
  return true;
}

/** Lower case without accents: how two spellings of one word are compared exactly. */
function folded(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** A demonym written as a list of forms ("Bosnian, Herzegovinian", as some sources do) is each form. */
function listedForms(demonym: string): string[] {
  return demonym.split(',').map((d) => d.trim()).filter((d) => d.length > 0);
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
