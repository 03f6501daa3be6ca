import type { PloverCategory } from './plover.js';
import type { EventLexicon } from './lexicon.js';
import type { SentenceView } from './sentence-view.js';

/** The modes (per category) and contexts the words of a sentence point to, found once per sentence. */
export interface SentenceCues {
  /** Modes of a category cued within a clause (a weapon named elsewhere in the sentence is another event's). */
  modes(category: PloverCategory, clause: { first: number; last: number }): string[];
  contexts: string[];
}

export function sentenceCues(view: SentenceView, lexicon: EventLexicon): SentenceCues {
  const contexts: string[] = [];
  for (let k = 0; k < view.tokens.length; k++) {
    for (const hit of lexicon.contextCues.at(view.keys, k)) if (!contexts.includes(hit.value)) contexts.push(hit.value);
  }
  return {
    contexts,
    modes(category, clause) {
      const modes: string[] = [];
      const index = lexicon.modeCues.get(category);
      if (!index) return modes;
      for (let k = clause.first; k <= clause.last; k++) for (const hit of index.at(view.keys, k)) if (hit.last <= clause.last && !modes.includes(hit.value)) modes.push(hit.value);
      return modes;
    },
  };
}
