import { PhraseTable, phraseSet, wordKey } from './phrases.js';

/**
 * The small grammar the speaker rules need, from `lang/<code>/cues.json`: which words are
 * auxiliaries, determiners, prepositions (a name after one is a complement, not a speaker),
 * subject pronouns, coordinators… Lists of words or phrases, compared by word key.
 */
export interface Grammar {
  lang: string;
  auxiliaries: ReadonlySet<string>;
  adverbs: PhraseTable<string>;
  negBefore: ReadonlySet<string>;
  negAfter: ReadonlySet<string>;
  complementizers: ReadonlySet<string>;
  pronouns: ReadonlySet<string>;
  clitics: ReadonlySet<string>;
  /** Reflexive pronouns before an auxiliary ("s'est félicité"). */
  reflexives: ReadonlySet<string>;
  /** Auxiliaries of reflexive verbs only: "s'est félicité" is speech, "est accusé" is a passive. */
  reflexiveAuxiliaries: ReadonlySet<string>;
  prepositions: ReadonlySet<string>;
  determiners: ReadonlySet<string>;
  relatives: ReadonlySet<string>;
  coordinators: PhraseTable<string>;
  subordinators: PhraseTable<string>;
  introducers: ReadonlySet<string>;
  speakerStops: ReadonlySet<string>;
  nameParticles: ReadonlySet<string>;
  roleNouns: ReadonlySet<string>;
  /** Nouns that name a source when no entity is named ("selon l'agence", "state media reported"). */
  sourceNouns: ReadonlySet<string>;
  /** Words that open an infinitive complement ("a affirmé avoir …", "claimed to have …"). */
  infinitiveStarters: PhraseTable<string>;
}

/** The fields of a parsed `cues.json`, read with errors that name the file. */
export interface CueFields {
  /** The parsed file (an absent file is `{}`). */
  raw: Record<string, unknown>;
  /** The language code. */
  code: string;
  /** `lang/<code>/cues.json`, for error messages. */
  file: string;
  /** A list of strings, or [] when absent. */
  strings(field: string): string[];
  /** A list of words, as word keys. */
  words(field: string): Set<string>;
  /** A list of phrases, matched on word keys. */
  phrases(field: string): PhraseTable<string>;
}

/** A list of strings of the raw file, or [] when absent; anything else is an error naming the file. */
function stringList(raw: Record<string, unknown>, field: string, file: string): string[] {
  const v = raw[field];
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new Error(`${file}: "${field}" must be a list of strings`);
  return v as string[];
}

/** The raw file as an object (an absent file is `{}`). */
export function rawObject(raw: unknown, file: string): Record<string, unknown> {
  if (raw === null || raw === undefined) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`${file}: expected a JSON object`);
  return raw as Record<string, unknown>;
}

/** The fields of `lang/<code>/cues.json` as parsed (`raw`). */
export function cueFields(raw: unknown, code: string): CueFields {
  const file = `lang/${code}/cues.json`;
  const r = rawObject(raw, file);
  const strings = (field: string): string[] => stringList(r, field, file);
  return {
    raw: r,
    code,
    file,
    strings,
    words: (field) => new Set(strings(field).map(wordKey)),
    phrases: (field) => phraseSet(strings(field)),
  };
}

/** The grammar part of cues.json, shared by every view of the file. */
export function compileGrammar(f: CueFields): Grammar {
  const set = f.words;
  const phrases = f.phrases;
  return {
    lang: f.code,
    auxiliaries: set('auxiliaries'),
    adverbs: phrases('adverbs'),
    negBefore: set('negationBefore'),
    negAfter: set('negationAfter'),
    complementizers: set('complementizers'),
    pronouns: set('pronouns'),
    clitics: set('clitics'),
    reflexives: set('reflexives'),
    reflexiveAuxiliaries: set('reflexiveAuxiliaries'),
    prepositions: set('prepositions'),
    determiners: set('determiners'),
    relatives: set('relatives'),
    coordinators: phrases('coordinators'),
    subordinators: phrases('subordinators'),
    introducers: set('introducers'),
    speakerStops: set('speakerStops'),
    nameParticles: set('nameParticles'),
    roleNouns: set('roleNouns'),
    sourceNouns: set('sourceNouns'),
    infinitiveStarters: phrases('infinitiveStarters'),
  };
}
