import type { Quote } from '../../core/record.js';
import type { Cue } from './cues.js';
import type { SpeakerGuess } from '../attribution/speaker.js';

/**
 * A quote before ids and speakers are settled. `follow` says where a speaker still has to come
 * from: `previous` — the speaker of the quote before (a quote that goes on with no cue);
 * `enclosing` — the indirect quote it sits in, if any (a partial quote), else `speaker`.
 */
export interface QuoteDraft {
  start: number;
  end: number;
  kind: Quote['kind'];
  cue: Cue | null;
  speaker: SpeakerGuess | null;
  follow: 'previous' | 'enclosing' | null;
  rule: string;
}
