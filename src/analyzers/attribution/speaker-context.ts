import type { Span } from '../../core/record.js';
import type { Grammar } from './grammar.js';
import type { MentionIndex, MentionRef } from './mentions.js';
import type { Words } from './words.js';

/** What the rules need to find a speaker: the words, the entities' mentions, the grammar of the language. */
export interface SpeakerContext {
  text: string;
  words: Words;
  mentions: MentionIndex;
  lex: Grammar;
}

/** Who speaks, as found in the text: an entity (and those coordinated with it), the words naming it, or a pronoun. */
export interface SpeakerGuess {
  /** The speaker entity, or null when the speaker is named but is no entity ("un responsable russe"). */
  head: string | null;
  /** The head and the entities coordinated with it ("la Biélorussie et la Russie"), in text order. */
  entities: string[];
  /** The speaker as written. */
  text: Span | null;
  /** A pronoun: the speaker is the previous one. */
  pronoun: boolean;
  /** The subject sits in a subordinate clause ("même si X a déclaré que …, …"): its content ends at a comma. */
  subordinate: boolean;
}

/** Words a rule looks back over at most, so that a text with no sentence end stays linear. */
export const MAX_LOOKBACK = 60;

/** The speaker of a pronoun: the one before. */
export const pronounGuess = (s: Span): SpeakerGuess => ({ head: null, entities: [], text: s, pronoun: true, subordinate: false });

/** The word range [first, last) of a mention. */
export function wordRange(ctx: SpeakerContext, m: MentionRef): [number, number] {
  return [ctx.words.indexAt(m.start), ctx.words.indexAt(m.end)];
}

/** The text span of words [a, b), or null when empty. */
export const spanOf = (ctx: SpeakerContext, a: number, b: number): Span | null =>
  b > a ? { start: ctx.words.at(a)!.start, end: ctx.words.at(b - 1)!.end } : null;

/** The speaker of an inverted subject clitic ("a-t-il ajouté"): the previous one; as written, the part after the last hyphen. */
export function cliticGuess(ctx: SpeakerContext, i: number): SpeakerGuess {
  const w = ctx.words.at(i)!;
  const start = w.end - (w.text.split('-').pop() ?? w.text).length;
  return pronounGuess({ start, end: w.end });
}
