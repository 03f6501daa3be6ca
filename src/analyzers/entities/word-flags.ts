import type { KnowledgeBase } from '../../kb/knowledge-base.js';
import type { EntityLexicon } from './lexicon.js';
import type { WordForm } from './word-forms.js';

/** What the lexicon and the KB say of a word, one bit each. */
export const FLAG = {
  given: 1,
  title: 2,
  orgHead: 4,
  orgTail: 8,
  locHead: 16,
  locTail: 32,
  miscHead: 64,
  locative: 128,
  placeLeaning: 256,
  notName: 512,
} as const;

/**
 * The lexicon's and the KB's word lists a word is in (`FLAG` bits), asked once per word form
 * and kept on it for this lexicon and KB: a dozen set lookups per word otherwise.
 */
export function wordFlags(form: WordForm, lex: EntityLexicon, kb: KnowledgeBase): number {
  if (form.flagsLex === lex && form.flagsKb === kb) return form.flags;
  const { key, lower } = form;
  let f = 0;
  if (kb.givenNames.has(key)) f |= FLAG.given;
  if (lex.titles.has(lower)) f |= FLAG.title;
  if (lex.orgHeads.has(key)) f |= FLAG.orgHead;
  if (lex.orgTails.has(key)) f |= FLAG.orgTail;
  if (lex.locHeads.has(key)) f |= FLAG.locHead;
  if (lex.locTails.has(key)) f |= FLAG.locTail;
  if (lex.miscHeads.has(key)) f |= FLAG.miscHead;
  if (lex.locativePreps.has(lower)) f |= FLAG.locative;
  if (lex.placeLeaning.has(lower)) f |= FLAG.placeLeaning;
  if (lex.notNames.has(lower)) f |= FLAG.notName;
  form.flagsLex = lex;
  form.flagsKb = kb;
  form.flags = f;
  return f;
}
