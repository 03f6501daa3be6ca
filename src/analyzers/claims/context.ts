import type { Claim, Quote, Span } from '../../core/record.js';
import type { ClaimLexicon } from './lexicon.js';
import type { SpeakerContext } from '../attribution/speaker.js';

/** What the claim rules see: the speaker rules' context, the claim lexicon, the quotes found before. */
export interface ClaimContext extends SpeakerContext {
  lex: ClaimLexicon;
  /** The quotes layer, in text order. */
  quotes: readonly Quote[];
  /** Where each indirect quote ends, by its start: the content of a "que" clause ends there too. */
  indirectEnds: ReadonlyMap<number, number>;
}

/**
 * A claim before ids are given: its content, stance and cue, and its sources — one claim per
 * source is made of it (a denial by two parties is two claims). `object` is the words a
 * denial or doubt refers to a claim by ("les allégations américaines"), for `about`.
 */
export interface ClaimDraft extends Span {
  stance: Claim['stance'];
  sources: (string | null)[];
  cue: Span;
  rule: string;
  /** Where the sources were named from: a pronoun's sources come from the previous speaker. */
  pronoun: boolean;
  /** The content only refers to a claim ("ces accusations", "toute implication"): it answers one, the closest by default. */
  reference?: boolean;
}
