/**
 * What the tagger sees of a token. The entities analyzer's units have these fields, so they
 * are passed as they are (no copy per token).
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
  /** Shared by every token of the same text, lower-case form and key, if the caller keeps such forms. */
  form?: NerForm;
}

/**
 * A word form the caller shares between all tokens of one text (and so one lower-case form
 * and key), across documents: the tagger memos its own id of the word on it, to look
 * nothing up by text. Owned by the tagger; callers create it as `{ nerTable: null, nerId: 0 }`.
 */
export interface NerForm {
  nerTable: object | null;
  nerId: number;
}

/**
 * What the caller knows of each token beyond the word itself (KB name hits by type, a role
 * noun, a title, a given name…), as `hintHash` of the hint's name, one list per token: the
 * model weighs them like any other feature, so the gazetteers it is trained with are the
 * ones it runs with.
 */
export type NerHints = readonly (readonly number[])[];

/** A training sequence: the tokens of a document, their hints and their gold BIO tags (src/ner/tags.ts). */
export interface NerExample {
  id: string;
  tokens: readonly NerToken[];
  hints: NerHints;
  tags: Uint8Array;
}
