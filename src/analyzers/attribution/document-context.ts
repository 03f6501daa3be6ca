import { need, type AnalyzerInput } from '../../core/analyzer.js';
import type { Token } from '../../core/layers.js';
import type { Entity, Sentence } from '../../core/record.js';
import type { LanguageData } from '../../lang/types.js';
import type { Grammar } from './grammar.js';
import { MentionIndex } from './mentions.js';
import type { SpeakerContext } from './speaker-context.js';
import { Words } from './words.js';

/** What the quotes and the claims analyzers read of a document. */
export interface AttributionInput {
  text: string;
  tokens: readonly Token[];
  sentences: readonly Sentence[];
  entities: readonly Entity[];
  lang: LanguageData;
}

/** The attribution input of an analyzer's input: the text, its sentences, tokens and entities. */
export function attributionInput(input: AnalyzerInput): AttributionInput {
  return { text: input.doc.text, tokens: need(input, 'tokens'), sentences: need(input, 'sentences'), entities: need(input, 'entities'), lang: input.lang };
}

/** The speaker rules' context of a document, with an analyzer's view of cues.json; null when the text has no words. */
export function documentContext<L extends Grammar>(input: AttributionInput, lex: L): (SpeakerContext & { lex: L }) | null {
  const words = new Words(input.text, input.tokens, input.sentences);
  if (words.length === 0) return null;
  return { text: input.text, words, mentions: new MentionIndex(input.entities, input.text.length), lex };
}
