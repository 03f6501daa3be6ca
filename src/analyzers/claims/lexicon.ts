import type { Claim } from '../../core/record.js';
import type { LanguageData } from '../../lang/types.js';
import { cueLexiconView } from '../attribution/cue-lexicon.js';
import { compileGrammar, cueFields, rawObject, type Grammar } from '../attribution/grammar.js';
import { PhraseTable, wordKey } from '../attribution/phrases.js';

/**
 * What a stance verb takes: a noun phrase ("a nié les accusations"), a que/that clause, an
 * infinitive ("a nié avoir livré"), a passive with agents ("ont été démenties par X"), an
 * accused and a charge ("accuse Kiev d'avoir …"), a deed and its author ("a imputé l'explosion aux séparatistes …").
 */
export type ClaimFrame = 'np' | 'que' | 'inf' | 'passive' | 'accuse' | 'impute';

export interface StanceVerb {
  lemma: string;
  stance: Claim['stance'];
  participle: boolean;
  frames: readonly ClaimFrame[];
  /** The noun phrase object must name a claim ("a rejeté les accusations", not "a rejeté l'offre"). */
  needsNoun: boolean;
}

/** A noun that names a claim, and the cue stems of the claims it may refer to ("accusations" → "accus…"). */
export interface ClaimNoun {
  noun: string;
  /** Stems of the cue of a claim this noun refers to; "*" — any assertion. */
  family: readonly string[];
}

/** `lang/<code>/cues.json` as the claims analyzer reads it. */
export interface ClaimLexicon extends Grammar {
  verbs: PhraseTable<StanceVerb>;
  nouns: PhraseTable<ClaimNoun>;
  connectors: PhraseTable<string>;
  passiveMarkers: ReadonlySet<string>;
  agentMarkers: ReadonlySet<string>;
  agentLinks: PhraseTable<string>;
  gerundSuffix: string | null;
  objectStops: PhraseTable<string>;
  accuseMarkers: ReadonlySet<string>;
  imputeMarkers: ReadonlySet<string>;
}

interface RawVerb {
  participles?: string[];
  finite?: string[];
  stance?: Claim['stance'];
  claims?: ClaimFrame[];
  needsNoun?: boolean;
}

const FRAMES: readonly ClaimFrame[] = ['np', 'que', 'inf', 'passive', 'accuse', 'impute'];
const STANCES: readonly Claim['stance'][] = ['assert', 'deny', 'doubt'];

/** Compiles cues.json for claims; an absent file gives an empty lexicon. */
export function compileClaimLexicon(raw: unknown, code: string): ClaimLexicon {
  const f = cueFields(raw, code);
  const { raw: r, file } = f;
  const verbs = new PhraseTable<StanceVerb>();
  for (const [lemma, v] of Object.entries(rawObject(r.verbs, file) as Record<string, RawVerb>)) {
    const stance = v.stance ?? 'assert';
    const frames = v.claims ?? [];
    if (!STANCES.includes(stance)) throw new Error(`${file}: verb "${lemma}" has an unknown stance "${String(stance)}"`);
    if (!Array.isArray(frames) || !frames.every((x) => FRAMES.includes(x))) throw new Error(`${file}: verb "${lemma}" has an unknown claim frame`);
    const needsNoun = v.needsNoun === true;
    for (const form of v.participles ?? []) verbs.add(form, { lemma, stance, participle: true, frames, needsNoun });
    for (const form of v.finite ?? []) verbs.add(form, { lemma, stance, participle: false, frames, needsNoun });
  }
  const nouns = new PhraseTable<ClaimNoun>();
  for (const [noun, family] of Object.entries(rawObject(r.claimNouns, file))) {
    if (!Array.isArray(family) || !family.every((x) => typeof x === 'string')) throw new Error(`${file}: claimNouns.${noun} must be a list of cue stems`);
    nouns.add(noun, { noun, family: family.map(wordKey) });
  }
  const suffix = r.gerundSuffix;
  if (suffix !== undefined && typeof suffix !== 'string') throw new Error(`${file}: "gerundSuffix" must be a string`);
  return {
    ...compileGrammar(f),
    verbs,
    nouns,
    connectors: f.phrases('claimConnectors'),
    passiveMarkers: f.words('passiveMarkers'),
    agentMarkers: f.words('agentMarkers'),
    agentLinks: f.phrases('agentLinks'),
    gerundSuffix: suffix ?? null,
    objectStops: f.phrases('objectStops'),
    accuseMarkers: f.words('accuseMarkers'),
    imputeMarkers: f.words('imputeMarkers'),
  };
}

/** The claim lexicon of a language, compiled once. */
export const claimLexicon: (lang: LanguageData) => ClaimLexicon = cueLexiconView(compileClaimLexicon);
