import type { EventLexicon } from './lexicon.js';
import type { Match } from './match.js';
import type { Participant } from './participant.js';
import type { SentenceView } from './sentence-view.js';

/** A sentence with what was found in it, shared by the role, modality and coding steps. */
export interface SentenceContext {
  view: SentenceView;
  lexicon: EventLexicon;
  parts: Participant[];
  /** Participant index covering each token, or -1. */
  partAt: number[];
  /** Words of roles and nationalities ("président", "russe"), in a participant or not. */
  roleAt: number[];
  matches: Match[];
  /** Match index whose phrase covers each token, or -1. */
  matchAt: number[];
  /** The participant a pronoun stands for: earlier in the sentence, else the previous sentence's subject. */
  resolve(p: Participant): Participant[];
}
