/**
 * What the tagger sees of a token. The caller fills `hints` with what it knows beyond the
 * word itself (KB name hits by type, a role noun, a title, a given name…): the model weighs
 * them like any other feature, so the gazetteers it is trained with are the ones it runs with.
 */
export interface NerToken {
  text: string;
  lower: string;
  /** A folded form (accents, transliterations), so that spelling variants share weights. */
  key: string;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Two or more letters, all upper case. */
  upper: boolean;
  word: boolean;
  sentence: number;
  /** First word of its sentence (or after an opening quote, a colon). */
  sentStart: boolean;
  hints: readonly string[];
}

/** A training sequence: the tokens of a document and their gold BIO tags (src/ner/tags.ts). */
export interface NerExample {
  id: string;
  tokens: readonly NerToken[];
  tags: Uint8Array;
}
