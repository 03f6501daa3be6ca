import type { Claim } from '../../core/record.js';
import type { ClaimFrame, ClaimLexicon } from './lexicon.js';
import { backOverAdverbs, inSentenceOf } from '../attribution/verb-group.js';
import type { Words } from '../attribution/words.js';

/** A stance verb group in the text: "ont été démenties", "a nié", "accused", "has cast doubt on". */
export interface StanceCue {
  /** Word index of the first word of the group (an auxiliary, or the verb). */
  first: number;
  /** One past the last word (an inverted subject clitic included). */
  last: number;
  lemma: string;
  stance: Claim['stance'];
  frames: readonly ClaimFrame[];
  needsNoun: boolean;
  passive: boolean;
  negated: boolean;
  /** Word index of an inverted subject clitic ("dément-il"): the subject is the previous speaker. */
  pronoun: number | null;
}

/** Every verb group of the claim lexicon, in order; linear (one look-up per word, a few words back). */
export function findStanceVerbs(words: Words, lex: ClaimLexicon): StanceCue[] {
  const out: StanceCue[] = [];
  const key = (k: number): string | undefined => words.key(k);
  for (let i = 0; i < words.length; i++) {
    const m = lex.verbs.match(key, i);
    if (!m) continue;
    const v = m.value;
    const inSentence = inSentenceOf(words, i);
    const back = backOverAdverbs(words, lex, i);
    const k = back.k;
    let negated = back.negated;
    let first = i;
    let passive = false;
    let pronoun: number | null = null;
    if (inSentence(k) && lex.passiveMarkers.has(key(k)!)) {
      passive = true;
      first = k;
      if (inSentence(k - 1) && lex.auxiliaries.has(key(k - 1)!)) first = k - 1; // "ont été", "have been"
    } else if (inSentence(k) && words.at(k)!.kind === 'clitic' && lex.clitics.has(key(k)!) && inSentence(k - 1) && lex.auxiliaries.has(key(k - 1)!)) {
      pronoun = k;
      first = k - 1;
    } else if (inSentence(k) && lex.auxiliaries.has(key(k)!)) first = k;
    let last = i + m.length;
    if (first === i) {
      // "n'a ni confirmé ni démenti", "has neither confirmed nor denied": the negation stands right before the verb
      negated = inSentence(i - 1) && lex.negAfter.has(key(i - 1)!);
      // with no auxiliary, a form before its agent is a reduced passive ("démenties par Moscou", "a claim denied by Kyiv");
      // a participle otherwise is a verb only after "et" that shares the auxiliary before it ("a rejeté … et accusé")
      if (lex.agentMarkers.has(key(last) ?? '')) passive = true;
      else if (v.participle && !(inSentence(i - 1) && lex.coordinators.match(key, i - 1)?.length === 1)) continue;
      if (inSentence(i - 1) && lex.determiners.has(key(i - 1)!)) continue; // "les accusations", "the doubt": a noun
    }
    if (inSentence(first - 1) && lex.negBefore.has(key(first - 1)!)) negated = true;
    if (pronoun === null && !passive && inSentence(last) && words.at(last)!.kind === 'clitic' && lex.clitics.has(key(last)!)) {
      pronoun = last;
      last++;
    }
    if (first === i && inSentence(last) && lex.negAfter.has(key(last)!)) negated = true;
    out.push({ first, last, lemma: v.lemma, stance: v.stance, frames: v.frames, needsNoun: v.needsNoun, passive, negated, pronoun });
    i = last - 1;
  }
  return out;
}
