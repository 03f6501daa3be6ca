import type { Frame, QuoteLexicon } from './lexicon.js';
import { backOverAdverbs, inSentenceOf } from '../attribution/verb-group.js';
import type { Words } from '../attribution/words.js';

/** A speech cue in the text: a verb group ("a-t-il ajouté", "has said") or a source preposition ("selon", "according to"). */
export interface Cue {
  /** Word index of the first word (the auxiliary, or the verb, or "selon"). */
  first: number;
  /** One past the last word (an inverted clitic subject included: "ajoute-t-il"). */
  last: number;
  kind: 'verb' | 'according';
  lemma: string;
  frames: readonly Frame[];
  /** Word index of an inverted subject clitic ("-t-il"): the speaker is the previous one. */
  pronoun: number | null;
  negated: boolean;
}

/** Every speech cue of the text, in order. One look-up per word, a few words of look-back: linear. */
export function findCues(words: Words, lex: QuoteLexicon): Cue[] {
  const cues: Cue[] = [];
  const key = (i: number): string | undefined => words.key(i);
  for (let i = 0; i < words.length; i++) {
    const according = lex.according.match(key, i);
    // "pour X, …" names a source only at the start of a sentence ("« vitale » pour l'armée" does not)
    if (according && (!lex.accordingInitial.has(according.value) || i === words.sentenceStart(i))) {
      const next = key(i + according.length);
      if (next !== undefined && !lex.accordingNot.has(next)) {
        cues.push({ first: i, last: i + according.length, kind: 'according', lemma: according.value, frames: ['direct', 'inverted'], pronoun: null, negated: false });
      }
      i += according.length - 1;
      continue;
    }
    const m = lex.verbs.match(key, i);
    if (!m) continue;
    const cue = verbGroup(words, lex, i, m.length, m.value.lemma, m.value.participle, m.value.frames);
    if (cue) {
      cues.push(cue);
      i = cue.last - 1;
    }
  }
  return cues;
}

function verbGroup(words: Words, lex: QuoteLexicon, i: number, length: number, lemma: string, participle: boolean, frames: readonly Frame[]): Cue | null {
  const key = (k: number): string | undefined => words.key(k);
  const inSentence = inSentenceOf(words, i);
  let pronoun: number | null = null;
  // look back over adverbs and negation to an auxiliary: "n'a pas encore démenti", "a-t-il ajouté"
  const back = backOverAdverbs(words, lex, i);
  const k = back.k;
  let negated = back.negated;
  let first = i;
  if (inSentence(k) && words.at(k)!.kind === 'clitic' && lex.clitics.has(key(k)!)) {
    if (inSentence(k - 1) && lex.auxiliaries.has(key(k - 1)!)) {
      pronoun = k;
      first = k - 1;
    }
  } else if (inSentence(k) && lex.auxiliaries.has(key(k)!)) first = k;
  else if (inSentence(k - 1) && lex.reflexiveAuxiliaries.has(key(k)!) && lex.reflexives.has(key(k - 1)!)) first = k;
  if (first === i) {
    if (participle) return null; // "le cessez-le-feu déclaré": no auxiliary, no speech
    if (inSentence(i - 1) && lex.determiners.has(key(i - 1)!)) return null; // "the claims", "les accusations": a noun
    // what we skipped back over belongs to something else, unless the negation stands right before ("nor denied")
    negated = inSentence(i - 1) && lex.negAfter.has(key(i - 1)!);
  }
  // "s'est félicitée", "s'était dit": the reflexive pronoun belongs to the verb group
  if (first < i && inSentence(first - 1) && lex.reflexives.has(key(first - 1)!)) first--;
  if (first > 0 && inSentence(first - 1) && lex.negBefore.has(key(first - 1)!)) negated = true;
  let last = i + length;
  // "ajoute-t-il", "dit-elle": the subject clitic after the verb
  if (pronoun === null && inSentence(last) && words.at(last)!.kind === 'clitic' && lex.clitics.has(key(last)!)) {
    pronoun = last;
    last++;
  }
  if (inSentence(last) && lex.negAfter.has(key(last)!) && first === i) negated = true;
  return { first, last, kind: 'verb', lemma, frames, pronoun, negated };
}
