import type { LanguageData } from '../../lang/types.js';
import { cueLexiconView } from '../attribution/cue-lexicon.js';
import { compileGrammar, cueFields, rawObject, type Grammar } from '../attribution/grammar.js';
import { PhraseTable } from '../attribution/phrases.js';

/** What a cue verb may introduce: quoted words, a que/that clause, a clause without "that", a clause-final attribution, an infinitive ("a affirmé avoir …"). */
export type Frame = 'direct' | 'que' | 'bare' | 'inverted' | 'inf';

export interface VerbForm {
  lemma: string;
  /** A past participle: a cue only after an auxiliary ("a déclaré"); finite forms stand alone ("said"). */
  participle: boolean;
  frames: readonly Frame[];
}

/** `lang/<code>/cues.json` as the quotes analyzer reads it: which words make reported speech. */
export interface QuoteLexicon extends Grammar {
  marks: readonly { open: string; close: string }[];
  verbs: PhraseTable<VerbForm>;
  /** Verbs that attribute a short quoted phrase without reporting speech ("souhaitant … la victoire contre le « … »"). */
  partialVerbs: PhraseTable<string>;
  according: PhraseTable<string>;
  /** Of `according`, those that name a source only at the start of a sentence ("Pour l'économiste X, …"). */
  accordingInitial: ReadonlySet<string>;
  /** Words right after "selon" that make it no source ("selon lesquelles", "selon toute vraisemblance"). */
  accordingNot: ReadonlySet<string>;
  speechObjects: PhraseTable<string>;
  /** Words that may start a clause reported without "that" ("said the attack…"). */
  bareStarters: ReadonlySet<string>;
}

interface RawVerb {
  participles?: string[];
  finite?: string[];
  frames?: Frame[];
}

const FRAMES: readonly Frame[] = ['direct', 'que', 'bare', 'inverted', 'inf'];
const DEFAULT_FRAMES: readonly Frame[] = ['direct', 'que', 'inverted'];

/** Compiles cues.json for quotes; an absent file gives an empty lexicon (no quotes found). */
export function compileQuoteLexicon(raw: unknown, code: string): QuoteLexicon {
  const f = cueFields(raw, code);
  const { raw: r, file } = f;
  const marks = (Array.isArray(r.marks) ? r.marks : []).map((m: unknown) => {
    if (!Array.isArray(m) || m.length !== 2 || typeof m[0] !== 'string' || typeof m[1] !== 'string') throw new Error(`${file}: each of "marks" is [open, close]`);
    return { open: m[0], close: m[1] };
  });
  const verbs = new PhraseTable<VerbForm>();
  for (const [lemma, v] of Object.entries(rawObject(r.verbs, file) as Record<string, RawVerb>)) {
    const frames = v.frames ?? DEFAULT_FRAMES;
    if (!Array.isArray(frames) || !frames.every((x) => FRAMES.includes(x))) throw new Error(`${file}: verb "${lemma}" has an unknown frame`);
    if (frames.length === 0) continue; // a claim verb, not a speech cue ("rejeter les accusations")
    for (const form of v.participles ?? []) verbs.add(form, { lemma, participle: true, frames });
    for (const form of v.finite ?? []) verbs.add(form, { lemma, participle: false, frames });
  }
  const partialVerbs = new PhraseTable<string>();
  for (const [lemma, forms] of Object.entries(rawObject(r.partialVerbs, file))) {
    if (!Array.isArray(forms)) throw new Error(`${file}: partialVerbs.${lemma} must be a list`);
    for (const form of forms) if (typeof form === 'string') partialVerbs.add(form, lemma);
  }
  return {
    ...compileGrammar(f),
    marks,
    verbs,
    partialVerbs,
    according: f.phrases('according'),
    accordingInitial: new Set(f.strings('accordingInitial')),
    accordingNot: f.words('accordingNot'),
    speechObjects: f.phrases('speechObjects'),
    bareStarters: f.words('bareStarters'),
  };
}

/** The quote lexicon of a language, compiled once. */
export const quoteLexicon: (lang: LanguageData) => QuoteLexicon = cueLexiconView(compileQuoteLexicon);
