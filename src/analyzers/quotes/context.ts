import type { QuoteLexicon } from './lexicon.js';
import type { SpeakerContext } from '../attribution/speaker.js';

/** What the quote rules see: the speaker rules' context, with the whole quote lexicon. */
export interface SpeechContext extends SpeakerContext {
  lex: QuoteLexicon;
}
