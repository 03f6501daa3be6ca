import { hintHash } from './hash.js';
import { tagsOfSpans, type TaggedSpan } from './tags.js';
import type { NerExample, NerToken } from './types.js';

/** Tokens of a space-separated sentence, for tests. */
export function toyTokens(sentence: string, sentenceIndex = 0): NerToken[] {
  return sentence.split(' ').map((text, i) => ({
    text,
    lower: text.toLowerCase(),
    key: text.toLowerCase(),
    cap: /^\p{Lu}/u.test(text),
    upper: text.length > 1 && text === text.toUpperCase() && /\p{L}/u.test(text),
    word: /\p{L}/u.test(text),
    sentence: sentenceIndex,
    sentStart: i === 0,
  }));
}

/** Hints from a tiny gazetteer (word → type), as the analyzer gives KB names. */
export function toyHints(tokens: readonly NerToken[], gazetteer: Record<string, string> = {}): number[][] {
  return tokens.map((t) => (gazetteer[t.text] ? [hintHash(`kb:B:${gazetteer[t.text]}`)] : []));
}

/** A toy training example: a sentence and its mentions as [first word, last word + 1, type]. */
export function toyExample(id: string, sentence: string, spans: [number, number, TaggedSpan['type']][], gazetteer: Record<string, string> = {}): NerExample {
  const tokens = toyTokens(sentence);
  return { id, tokens, hints: toyHints(tokens, gazetteer), tags: tagsOfSpans(tokens.length, spans.map(([first, last, type]) => ({ first, last, type }))) };
}

/** Invented sentences in the shape of news, with their mentions. */
export const TOY_EXAMPLES: NerExample[] = [
  toyExample('a', 'Le ministre Paul Durand a visité Lille mardi .', [[2, 4, 'PER'], [6, 7, 'LOC']], { Lille: 'LOC' }),
  toyExample('b', 'Selon la Banque Centrale , Marie Lenoir partira à Nantes .', [[2, 4, 'ORG'], [5, 7, 'PER'], [9, 10, 'LOC']], { Nantes: 'LOC' }),
  toyExample('c', 'Jean Morel a quitté Rennes pour Lyon hier .', [[0, 2, 'PER'], [4, 5, 'LOC'], [6, 7, 'LOC']], { Rennes: 'LOC', Lyon: 'LOC' }),
  toyExample('d', 'La Croix Rouge envoie des secours à Brest .', [[1, 3, 'ORG'], [7, 8, 'LOC']], { Brest: 'LOC' }),
  toyExample('e', 'Le député Luc Bernard répond au journal Ouest Matin .', [[2, 4, 'PER'], [7, 9, 'MISC']]),
];
