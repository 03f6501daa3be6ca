import type { EntityType } from '../core/record.js';

/**
 * One knowledge-base entry as stored in `kb/*.json` (and in a user KB directory).
 * The format is documented in kb/README.md; `scripts/build-kb.ts` writes the `_`-prefixed files.
 */
export interface KbEntryData {
  /** Stable id, `veille:<kind>/<slug>`; a later file with the same id overrides fields. */
  id: string;
  type?: EntityType;
  kind?: KbKind;
  /** Names by language; `any` are matched in every language. The first name is the label. */
  names?: KbNames;
  /** Wikidata item (`Q…`) when known for certain; it becomes the entity's `kb`. */
  wikidata?: string;
  /** ISO 3166-1 alpha-3, or PLOVER's UNO/EUR/IGO/NGO/IMG/MNC for non-state actors. */
  country?: string | null;
  /** PLOVER sector code (GOV, MIL, …). */
  sector?: string | null;
  /** Country and sector over date ranges; outside every range `country`/`sector` apply. */
  periods?: KbPeriod[];
  /** A seat of power or capital standing for a government. */
  metonym?: KbMetonym;
  /** Countries: adjectives and nouns of nationality, every form ("russe", "Nord-Coréens"). */
  demonyms?: KbNames;
  /** Countries: the French article ("la", "le", "l'", "les", "" for none). */
  article_fr?: string;
  /** Roles the entry is known by, to resolve role mentions ("le président russe"). */
  roles?: KbNames;
  /** Ids of (generated) entries this one stands for: they are dropped. */
  replaces?: string[];
  /** Remove the entry with this id (user KB). */
  drop?: boolean;
  /** Where the entry comes from (`phoenix`, `world-countries`, `hand`, `user`). */
  source?: string;
}

export type KbKind = 'country' | 'capital' | 'city' | 'place' | 'seat' | 'igo' | 'org' | 'person' | 'misc';

export interface KbNames {
  any?: string[];
  fr?: string[];
  en?: string[];
  [lang: string]: string[] | undefined;
}

export interface KbPeriod {
  country?: string | null;
  sector?: string | null;
  /** ISO date, inclusive; absent = since always. */
  from?: string;
  /** ISO date, exclusive; absent = still. */
  to?: string;
}

export interface KbMetonym {
  country: string;
  sector: string;
  /** True for seats ("le Kremlin"): political in every use; false for capitals. */
  always?: boolean;
}

/** A KB file: `{ "about": "…", "entries": [ … ] }`. */
export interface KbFileData {
  about?: string;
  source?: string;
  license?: string;
  entries: KbEntryData[];
}
