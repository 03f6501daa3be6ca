import type { FormTag } from './inflect.js';
import type { EventPattern } from './pattern.js';

/** A pattern that fired in a sentence: its head token and the tokens of its phrase. */
export interface Match {
  pattern: EventPattern;
  tag: FormTag;
  /** The trigger word. */
  head: number;
  /** The last token of the phrase (`then` and `with` words included). */
  last: number;
  /** The last token of the trigger proper (`then` words included, not the `with` word): where its complements start. */
  thenLast: number;
  /** The `with` word, when the pattern has one. */
  withAt: number;
  /** A verb in the passive ("ont été démenties par"). */
  passive: boolean;
  /** A non-finite verb: infinitive, "to" + base, gerund after a preposition. */
  nonFinite: boolean;
}

/** Whether a match is a verb (not a noun or an adjective form). */
export function isVerbal(m: Match): boolean {
  return m.tag !== 'noun' && !(m.pattern.pos === 'forms' && m.pattern.event === null);
}
