import { VeilleError } from '../../core/errors.js';
import type { LanguageData } from '../../lang/types.js';
import { CueIndex } from './cue-index.js';
import { compileInflection, nounForms, verbForms, type FormTag, type Inflection } from './inflect.js';
import { isContext, isMode, type PloverCategory, isCategory } from './plover.js';
import { W, WORD_LISTS } from './word-class.js';
import { phraseKeys, wordKey } from './word-key.js';

/** A modality cue's kind. */
export type CueKind = 'future' | 'hypothetical' | 'historical' | 'report_future';

/** What the coder knows of a language besides its patterns: function words, agent nouns, cues. */
export interface EventLexicon {
  code: string;
  inflection: Inflection;
  /** Function-word classes (bits of W) by word key. */
  classes: Map<string, number>;
  /** Multi-word coordinators ("ainsi que", "as well as"). */
  coordinators: CueIndex<true>;
  /** Prepositions and their contracted forms ("à" → "au", "aux"). */
  contractions: Map<string, string[]>;
  /** Nouns naming actors ("forces", "riot police") → PLOVER sector (null: none). */
  agents: CueIndex<string | null>;
  modality: CueIndex<CueKind>;
  afterNoun: CueIndex<'future' | 'hypothetical'>;
  attribution: CueIndex<true>;
  /** "unless", "à moins que": a future act on a condition is a threat. */
  threatConditions: CueIndex<true>;
  window: number;
  historicalMonths: number;
  /** Per category: words adding a mode. */
  modeCues: Map<PloverCategory, CueIndex<string>>;
  contextCues: CueIndex<string>;
  /** Forms of verbs whose subject does what their object noun names ("lancer une attaque"), with their tense. */
  supportVerbs: Map<string, FormTag>;
  /** "depuis", "since" before a time: the event goes on. */
  ongoing: Set<string>;
  /** Verbs conjugated with être/be that are not passive for it ("est arrivé"). */
  etreVerbs: Set<string>;
  /** Endings after a nationality in one word that keep it ("-led", "-backed"). */
  demonymSuffixes: Set<string>;
  /** Words marking a people rather than a nationality ("ethnic"). */
  ethnicMarkers: Set<string>;
  /** A noun may follow a name and make one noun with it ("a Hamas attack"). */
  nounCompounds: boolean;
  /** In two nationalities in a row, the one that names the state the people lives in ("Bosnian Serbs": first). */
  peopleOfState: 'first' | 'last';
}

const cache = new WeakMap<LanguageData, EventLexicon>();

/** The lexicon of a language, built from its events-*.json files once. */
export function eventLexicon(lang: LanguageData): EventLexicon {
  let lexicon = cache.get(lang);
  if (!lexicon) {
    const raw = (name: string): Record<string, unknown> => (lang.compiled(name, (r) => r) ?? {}) as Record<string, unknown>;
    lexicon = buildLexicon(lang.code, raw('events-words'), raw('events-agents'), raw('events-modality'), raw('events-cues'), compileInflectionOf(lang));
    cache.set(lang, lexicon);
  }
  return lexicon;
}

function compileInflectionOf(lang: LanguageData): Inflection {
  return lang.compiled('events-verbs', compileInflection);
}

const list = (o: Record<string, unknown>, key: string, where: string): unknown[] => {
  const v = o[key];
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new VeilleError('MALFORMED', `${where}: "${key}" must be a list`, where);
  return v;
};

export function buildLexicon(
  code: string,
  words: Record<string, unknown>,
  agentsData: Record<string, unknown>,
  modalityData: Record<string, unknown>,
  cuesData: Record<string, unknown>,
  inflection: Inflection,
): EventLexicon {
  const where = `lang/${code}/events-words.json`;
  const classes = new Map<string, number>();
  for (const [name, bit] of Object.entries(WORD_LISTS)) {
    for (const w of list(words, name, where)) {
      if (typeof w !== 'string') throw new VeilleError('MALFORMED', `${where}: "${name}" must hold words`, where);
      const k = wordKey(w);
      classes.set(k, (classes.get(k) ?? 0) | bit);
    }
  }
  const coordinators = new CueIndex<true>();
  for (const c of list(words, 'coordinators', where)) {
    const seq = Array.isArray(c) ? (c as string[]) : [String(c)];
    coordinators.add(seq, true);
    if (seq.length === 1) classes.set(wordKey(seq[0] as string), (classes.get(wordKey(seq[0] as string)) ?? 0) | W.COORD);
  }
  const contractions = new Map<string, string[]>(Object.entries((words.contractions ?? {}) as Record<string, string[]>));

  const agents = new CueIndex<string | null>();
  for (const [noun, sector] of Object.entries((agentsData.agents ?? {}) as Record<string, string | null>)) {
    const keys = phraseKeys(noun);
    const last = keys[keys.length - 1] as string;
    for (const form of nounForms(last, inflection)) agents.add([...keys.slice(0, -1), form], sector);
  }

  const mWhere = `lang/${code}/events-modality.json`;
  const modality = new CueIndex<CueKind>();
  for (const kind of ['future', 'hypothetical', 'historical', 'report_future'] as const) {
    for (const seq of list(modalityData, kind, mWhere)) modality.add(seq as string[], kind);
  }
  const afterNoun = new CueIndex<'future' | 'hypothetical'>();
  const after = (modalityData.after_noun ?? {}) as Record<string, unknown>;
  for (const kind of ['future', 'hypothetical'] as const) for (const seq of list(after, kind, mWhere)) afterNoun.add(seq as string[], kind);
  const attribution = new CueIndex<true>();
  for (const seq of list(modalityData, 'attribution', mWhere)) attribution.add(seq as string[], true);
  const threatConditions = new CueIndex<true>();
  for (const seq of list(modalityData, 'threat_conditions', mWhere)) threatConditions.add(seq as string[], true);

  const cWhere = `lang/${code}/events-cues.json`;
  const modeCues = new Map<PloverCategory, CueIndex<string>>();
  for (const [category, modes] of Object.entries((cuesData.modes ?? {}) as Record<string, Record<string, string[]>>)) {
    if (!isCategory(category)) throw new VeilleError('MALFORMED', `${cWhere}: "${category}" is not a PLOVER category`, cWhere);
    const index = new CueIndex<string>();
    for (const [mode, cueWords] of Object.entries(modes)) {
      if (!isMode(category, mode)) throw new VeilleError('MALFORMED', `${cWhere}: "${mode}" is not a mode of ${category}`, cWhere);
      for (const w of cueWords) index.add(w, mode);
    }
    modeCues.set(category, index);
  }
  const contextCues = new CueIndex<string>();
  for (const [context, cueWords] of Object.entries((cuesData.contexts ?? {}) as Record<string, string[]>)) {
    if (!isContext(context)) throw new VeilleError('MALFORMED', `${cWhere}: "${context}" is not a PLOVER context`, cWhere);
    for (const w of cueWords) contextCues.add(w, context);
  }
  const num = (v: unknown, fallback: number): number => (typeof v === 'number' && v > 0 ? v : fallback);
  const supportVerbs = new Map<string, FormTag>();
  for (const v of list(words, 'support_verbs', where)) for (const f of verbForms(wordKey(String(v)), inflection)) if (!supportVerbs.has(f.form)) supportVerbs.set(f.form, f.tag);
  const etreVerbs = new Set(list(words, 'etre_verbs', where).map((v) => wordKey(String(v))));
  const demonymSuffixes = new Set(list(words, 'demonym_suffixes', where).map((v) => wordKey(String(v))));
  const ethnicMarkers = new Set(list(words, 'ethnic_markers', where).map((v) => wordKey(String(v))));
  return {
    code,
    inflection,
    classes,
    coordinators,
    contractions,
    agents,
    modality,
    afterNoun,
    attribution,
    threatConditions,
    window: num(modalityData.window, 7),
    historicalMonths: num(modalityData.historical_months, 12),
    modeCues,
    contextCues,
    supportVerbs,
    ongoing: new Set(list(modalityData, 'ongoing', mWhere).map((w) => wordKey(String(w)))),
    etreVerbs,
    demonymSuffixes,
    ethnicMarkers,
    nounCompounds: words.noun_compounds === true,
    peopleOfState: words.people_of_state === 'last' ? 'last' : 'first',
  };
}
