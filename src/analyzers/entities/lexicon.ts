import type { LanguageData } from '../../lang/types.js';
import { keysOf } from '../../kb/knowledge-base.js';
import { KeyTrie } from '../../kb/trie.js';

/** A role noun found in the text: its canonical form and the sector it implies. */
export interface RoleHit {
  role: string;
  sector: string | null;
}

/**
 * The language data the entities analyzer reads (lang/<code>/entities.json, roles.json,
 * metonyms.json), compiled once per language into sets of lower-case words and key tries.
 */
export interface EntityLexicon {
  titles: ReadonlySet<string>;
  notNames: ReadonlySet<string>;
  particles: ReadonlySet<string>;
  maxParticles: number;
  orgHeads: ReadonlySet<string>;
  orgTails: ReadonlySet<string>;
  locHeads: ReadonlySet<string>;
  locTails: ReadonlySet<string>;
  miscHeads: ReadonlySet<string>;
  locativePreps: ReadonlySet<string>;
  placeLeaning: ReadonlySet<string>;
  phraseBreakers: ReadonlySet<string>;
  determiners: ReadonlySet<string>;
  roles: KeyTrie<RoleHit>;
  roleModifiers: ReadonlySet<string>;
  portfolios: KeyTrie<true>;
  institutions: ReadonlyMap<string, string>;
  metonyms: MetonymLexicon;
}

export interface MetonymLexicon {
  locativePreps: ReadonlySet<string>;
  ofPreps: ReadonlySet<string>;
  motionPreps: ReadonlySet<string>;
  window: number;
  politicalBeforeLocative: ReadonlySet<string>;
  politicalNounsBeforeDe: ReadonlySet<string>;
  motionWords: ReadonlySet<string>;
  alwaysPlaceAfter: ReadonlySet<string>;
  placeVerbs: ReadonlySet<string>;
}

type Json = Record<string, unknown>;

function obj(raw: unknown): Json {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Json) : {};
}

function list(o: Json, field: string): string[] {
  const v = o[field];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

const lowerSet = (xs: string[]): Set<string> => new Set(xs.map((x) => x.toLowerCase()));
/** Sets of word keys, for words matched through the transliteration fold. */
const keySet = (xs: string[]): Set<string> => new Set(xs.map((x) => keysOf(x).join(' ')));

function compileRoles(raw: unknown): { roles: KeyTrie<RoleHit>; modifiers: Set<string>; portfolios: KeyTrie<true>; institutions: Map<string, string> } {
  const o = obj(raw);
  const roles = new KeyTrie<RoleHit>();
  for (const [role, sector] of Object.entries(obj(o['roles']))) {
    const hit: RoleHit = { role, sector: typeof sector === 'string' ? sector : null };
    const keys = keysOf(role);
    roles.add(keys, hit);
    // the plural marks its last word (ministres, porte-parole stays): add it by rule
    const plural = keysOf(`${role}s`);
    if (plural.join(' ') !== keys.join(' ')) roles.add(plural, hit);
  }
  const portfolios = new KeyTrie<true>();
  for (const p of list(o, 'portfolios')) portfolios.add(keysOf(p), true);
  const institutions = new Map<string, string>();
  for (const [noun, sector] of Object.entries(obj(o['institutions']))) {
    if (typeof sector === 'string' && noun !== 'about') institutions.set(keysOf(noun).join(' '), sector);
  }
  return { roles, modifiers: lowerSet(list(o, 'modifiers')), portfolios, institutions };
}

function compileMetonyms(raw: unknown): MetonymLexicon {
  const o = obj(raw);
  const w = o['window'];
  return {
    locativePreps: lowerSet(list(o, 'locativePreps')),
    ofPreps: lowerSet(list(o, 'ofPreps')),
    motionPreps: lowerSet(list(o, 'motionPreps')),
    window: typeof w === 'number' ? w : 4,
    politicalBeforeLocative: lowerSet(list(o, 'politicalBeforeLocative')),
    politicalNounsBeforeDe: lowerSet(list(o, 'politicalNounsBeforeDe')),
    motionWords: lowerSet(list(o, 'motionWords')),
    alwaysPlaceAfter: lowerSet(list(o, 'alwaysPlaceAfter')),
    placeVerbs: lowerSet(list(o, 'placeVerbs')),
  };
}

/** The compiled lexicon of a language (cached by the language data). */
export function entityLexicon(lang: LanguageData): EntityLexicon {
  const e = obj(lang.compiled('entities', (raw) => raw));
  const roles = lang.compiled('roles', compileRoles);
  const metonyms = lang.compiled('metonyms', compileMetonyms);
  // cached under a name no data file has: the compile step reads nothing, it only combines the three above
  return lang.compiled('entities#lexicon', () => {
    const limits = obj(e['particleLimits']);
    return {
      titles: lowerSet(list(e, 'titles')),
      notNames: lowerSet(list(e, 'notNames')),
      particles: lowerSet(list(e, 'particles')),
      maxParticles: typeof limits['max'] === 'number' ? limits['max'] : 2,
      orgHeads: keySet(list(e, 'orgHeads')),
      orgTails: keySet(list(e, 'orgTails')),
      locHeads: keySet(list(e, 'locHeads')),
      locTails: keySet(list(e, 'locTails')),
      miscHeads: keySet(list(e, 'miscHeads')),
      locativePreps: lowerSet(list(e, 'locativePreps')),
      placeLeaning: lowerSet(list(e, 'placeLeaning')),
      phraseBreakers: lowerSet(list(e, 'phraseBreakers')),
      determiners: lowerSet(list(e, 'determiners')),
      roles: roles.roles,
      roleModifiers: roles.modifiers,
      portfolios: roles.portfolios,
      institutions: roles.institutions,
      metonyms,
    };
  });
}
