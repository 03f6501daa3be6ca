import type { ClaimContext, ClaimDraft } from './context.js';
import { contentEnd } from './clause.js';
import { previousSpeaker } from './previous-speaker.js';
import { subjectBefore, type SpeakerGuess } from '../attribution/speaker.js';
import type { StanceCue } from './stance-verbs.js';

// Words between a verb and its "que"/"that", or its object and "de"/"of" ("accuse Kiev d'avoir …").
const MAX_BEFORE_MARKER = 8;
// Words of a noun phrase object at most ("les accusations américaines").
const MAX_OBJECT_WORDS = 12;

/** The claim a stance verb makes: a denial, a doubt, an accusation, with its sources. */
export function verbClaim(ctx: ClaimContext, c: StanceCue): ClaimDraft | null {
  if (c.negated || c.frames.length === 0) return null;
  if (c.passive) return c.frames.includes('passive') ? passive(ctx, c) : null;
  const subject = c.pronoun !== null ? null : subjectBefore(ctx, ctx.words.sentenceStart(c.first), c.first);
  const content = (c.frames.includes('que') && que(ctx, c, subject)) ||
    (c.frames.includes('inf') && infinitive(ctx, c, subject)) ||
    (c.frames.includes('accuse') && marked(ctx, c, ctx.lex.accuseMarkers, 'accuse')) ||
    (c.frames.includes('impute') && marked(ctx, c, ctx.lex.imputeMarkers, 'impute')) ||
    (c.frames.includes('np') && nounPhrase(ctx, c)) ||
    null;
  if (!content) return null;
  const pronoun = c.pronoun !== null || subject?.pronoun === true;
  const sources = pronoun ? [previousSpeaker(ctx, ctx.words.at(c.first)!.start)] : subject?.entities.length ? subject.entities : [subject?.head ?? null];
  return { ...content, stance: c.stance, sources, cue: cueSpan(ctx, c), pronoun, reference: content.rule.endsWith('/np') };
}

type Content = { start: number; end: number; rule: string };

const span = (ctx: ClaimContext, a: number, b: number, rule: string): Content | null =>
  b > a ? { start: ctx.words.at(a)!.start, end: ctx.words.at(b - 1)!.end, rule } : null;

function cueSpan(ctx: ClaimContext, c: StanceCue): { start: number; end: number } {
  return { start: ctx.words.at(c.first)!.start, end: ctx.words.at(c.last - 1)!.end };
}

/** "X a démenti que …", "X doubted that …". */
function que(ctx: ClaimContext, c: StanceCue, subject: SpeakerGuess | null): Content | null {
  const { words, lex } = ctx;
  const end = words.sentenceEnd(c.first);
  for (let i = c.last; i < Math.min(end, c.last + MAX_BEFORE_MARKER + 1); i++) {
    const key = words.key(i)!;
    if (lex.complementizers.has(key)) return span(ctx, i + 1, contentEnd(ctx, i + 1, subject?.subordinate === true), `${c.stance}/que`);
    if ((words.isPunct(i) && key !== ',') || lex.verbs.match((k) => words.key(k), i)) return null; // "a nié …, affirmant que": another verb's clause
  }
  return null;
}

/** "X a nié avoir livré des armes", "X denied supplying weapons". */
function infinitive(ctx: ClaimContext, c: StanceCue, subject: SpeakerGuess | null): Content | null {
  const { words, lex } = ctx;
  const w = words.at(c.last);
  if (!w || w.sentence !== words.at(c.first)!.sentence) return null;
  const gerund = lex.gerundSuffix !== null && w.key.length > lex.gerundSuffix.length + 2 && w.key.endsWith(lex.gerundSuffix);
  if (!lex.infinitiveStarters.match((k) => words.key(k), c.last) && !gerund) return null;
  return span(ctx, c.last, contentEnd(ctx, c.last, subject?.subordinate === true), `${c.stance}/inf`);
}

/** The first word of an object after the verb, past time words ("a accusé mardi Téhéran de …"). */
function objectStart(ctx: ClaimContext, c: StanceCue): number {
  let a = c.last;
  while (a < ctx.words.sentenceEnd(c.first) && ctx.lex.introducers.has(ctx.words.key(a)!)) a++;
  return a;
}

/** "accuse Kiev d'avoir bombardé …" (marker "de"), "a imputé l'explosion aux séparatistes …" (marker "à"): the content runs to the clause end. */
function marked(ctx: ClaimContext, c: StanceCue, markers: ReadonlySet<string>, frame: string): Content | null {
  const { words } = ctx;
  const end = words.sentenceEnd(c.first);
  const a = objectStart(ctx, c);
  for (let i = a + 1; i < Math.min(end, a + MAX_BEFORE_MARKER + 1); i++) {
    if (markers.has(words.key(i)!)) return span(ctx, a, contentEnd(ctx, a, false), `${c.stance}/${frame}`);
    if (words.isPunct(i)) return null;
  }
  return null;
}

/** The noun phrase object: "a nié les accusations américaines", "dismissed the reports as …". */
function nounPhrase(ctx: ClaimContext, c: StanceCue): Content | null {
  const { words, lex } = ctx;
  const end = words.sentenceEnd(c.first);
  let a = objectStart(ctx, c);
  if (a < end && lex.prepositions.has(words.key(a)!) && !lex.determiners.has(words.key(a)!)) a++; // "cast doubt on", "douter de"
  const b = objectEnd(ctx, a, Math.min(end, a + MAX_OBJECT_WORDS));
  if (b <= a) return null;
  if (c.needsNoun && !hasClaimNoun(ctx, a, b)) return null;
  const first = words.key(a)!;
  if (!(lex.determiners.has(first) || words.isCapitalized(a) || lex.nouns.match((k) => words.key(k), a) || hasClaimNoun(ctx, a, b))) {
    if (!lex.prepositions.has(first)) return null;
  }
  return span(ctx, a, b, `${c.stance}/np`);
}

/** The end of an object noun phrase: before punctuation, a stop phrase ("comme", "as"), or the limit. */
function objectEnd(ctx: ClaimContext, a: number, limit: number): number {
  const { words, lex } = ctx;
  let b = a;
  while (b < limit) {
    if (words.isPunct(b) && !/^["“”«»]$/.test(words.at(b)!.text)) break;
    if (lex.objectStops.match((k) => words.key(k), b)) break;
    if (lex.relatives.has(words.key(b)!) && b > a) break;
    b++;
  }
  return b;
}

export function hasClaimNoun(ctx: ClaimContext, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (ctx.lex.nouns.match((k) => ctx.words.key(k), i)) return true;
  return false;
}

/**
 * A passive denial: "Ces allégations ont été démenties tant par Minsk que par Moscou" — the
 * content is the subject, the sources are the agents, one claim each.
 */
function passive(ctx: ClaimContext, c: StanceCue): ClaimDraft | null {
  const { words, lex } = ctx;
  const sentStart = words.sentenceStart(c.first);
  let a = c.first;
  // the subject noun phrase: back to the sentence start or a comma
  while (a > sentStart && !words.isPunct(a - 1) && c.first - a < MAX_OBJECT_WORDS) a--;
  while (a < c.first && (lex.coordinators.match((k) => words.key(k), a) || lex.subordinators.match((k) => words.key(k), a))) a++;
  let b = c.first;
  while (b > a && lex.adverbs.match((k) => words.key(k), b - 1)?.length === 1) b--; // "une affirmation aussitôt démentie"
  if (a >= b) return null;
  if (c.needsNoun && !hasClaimNoun(ctx, a, b)) return null;
  const sources = agents(ctx, c.last, words.sentenceEnd(c.first));
  const content = span(ctx, a, b, `${c.stance}/passive`)!;
  return { ...content, stance: c.stance, sources: sources.length > 0 ? sources : [null], cue: cueSpan(ctx, c), pronoun: false, reference: true };
}

/** The agents after a passive: "par A", "tant par A que par B", "by A and B" — a chain of mentions linked by those words. */
function agents(ctx: ClaimContext, from: number, end: number): string[] {
  const { words, lex } = ctx;
  let i = from;
  const links = (k: number): number => lex.agentLinks.match((j) => words.key(j), k)?.length ?? 0;
  while (i < end && links(i) > 0 && !lex.agentMarkers.has(words.key(i)!)) i += links(i);
  if (i >= end || !lex.agentMarkers.has(words.key(i)!)) return [];
  const found: string[] = [];
  let at = i + 1;
  for (const m of ctx.mentions.inside(words.at(at)?.start ?? Infinity, words.at(end - 1)!.end)) {
    const ma = words.indexAt(m.start);
    // only linking words between the previous agent (or the marker) and this one
    let ok = true;
    for (let k = at; k < ma && ok; ) {
      const key = words.key(k)!;
      if (key === ',' || lex.determiners.has(key) || lex.agentMarkers.has(key)) k++;
      else if (links(k) > 0) k += links(k);
      else ok = false;
    }
    if (!ok) break;
    if (!found.includes(m.entity)) found.push(m.entity);
    at = words.indexAt(m.end);
  }
  return found;
}
