import { bareRole, describes, hasRoleOrSource, hasSourceNoun, roleHolder, skipBeforeSpeaker } from './descriptions.js';
import { chooseHead, headsIn, phraseEnd, phraseStart } from './heads.js';
import { MAX_LOOKBACK, pronounGuess, spanOf, wordRange, type SpeakerContext, type SpeakerGuess } from './speaker-context.js';

export { MAX_LOOKBACK, type SpeakerContext, type SpeakerGuess };

const SEGMENT_BREAKS = new Set([',', '(', ')', '[', ']', '—', '–']);
const CLAUSE_BREAKS = new Set([';', ':']);
// Words of a speaker phrase after the cue at most ("a déclaré lundi la ministre belge des Affaires étrangères, Hadja Lahbib").
const MAX_SPEAKER_WORDS = 12;

/** Segments of [from, to) between commas, parentheses and dashes, as word ranges. */
function segments(ctx: SpeakerContext, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let a = from;
  for (let i = from; i < to; i++) {
    if (SEGMENT_BREAKS.has(ctx.words.key(i)!)) {
      out.push([a, i]);
      a = i + 1;
    }
  }
  out.push([a, to]);
  return out;
}

/** Drops leading conjunctions and subordinators ("et", "même si") and trailing adverbs and negation before the cue. */
function trim(ctx: SpeakerContext, a: number, b: number): { a: number; b: number; subordinate: boolean } {
  const { words, lex } = ctx;
  const key = (i: number): string | undefined => words.key(i);
  let subordinate = false;
  for (;;) {
    const sub = lex.subordinators.match(key, a);
    if (sub && a + sub.length <= b) {
      a += sub.length;
      subordinate = true;
      continue;
    }
    const co = lex.coordinators.match(key, a);
    if (co && a + co.length <= b) {
      a += co.length;
      continue;
    }
    if (lex.introducers.has(key(a) ?? '') && a + 1 < b) {
      a++;
      continue;
    }
    break;
  }
  while (b > a && (lex.negBefore.has(key(b - 1)!) || lex.adverbs.match(key, b - 1)?.length === 1)) b--;
  return { a, b, subordinate };
}

/**
 * The subject of a cue whose words [from, to) come before it ("Le chef de l'armée, le
 * général Pierre Schill, a affirmé"): the closest comma-separated segment that names someone, skipping
 * relative clauses and appositions; a pronoun right before the cue makes the previous speaker.
 */
export function subjectBefore(ctx: SpeakerContext, from: number, to: number): SpeakerGuess | null {
  const { words, lex } = ctx;
  from = Math.max(from, to - MAX_LOOKBACK);
  for (let i = to - 1; i >= from; i--) {
    if (CLAUSE_BREAKS.has(words.key(i)!)) {
      from = i + 1;
      break;
    }
  }
  if (to <= from) return null;
  const segs = segments(ctx, from, to);
  let described: { a: number; b: number } | null = null;
  let seen = false;
  for (let s = segs.length - 1; s >= 0; s--) {
    const raw = segs[s]!;
    const { a, b, subordinate } = trim(ctx, raw[0], raw[1]);
    if (b <= a) continue;
    const closest = !seen;
    seen = true;
    const first = words.key(a)!;
    if (lex.relatives.has(first)) continue; // ", qui a travaillé …,"
    if (!closest && (lex.introducers.has(first) || lex.prepositions.has(first) || subordinate)) break;
    if (closest && b - a === 1 && lex.pronouns.has(words.key(a)!)) return pronounGuess(spanOf(ctx, a, b)!);
    if (closest && lex.pronouns.has(words.key(b - 1)!) && !words.isPunct(b - 2) && !lex.relatives.has(words.key(b - 2) ?? '')) {
      // "Après l'annonce il a déclaré": a pronoun right before the verb
      return { ...pronounGuess(spanOf(ctx, b - 1, b)!), subordinate };
    }
    const heads = headsIn(ctx, a, b);
    if (heads.length > 0) {
      const { head, group } = chooseHead(ctx, heads);
      let start = phraseStart(ctx, wordRange(ctx, group[0]!)[0], a);
      const end = described ? described.b : phraseEnd(ctx, group, b);
      // "Le chef de l'armée, le général Pierre Schill": the description before the name belongs to the speaker
      const prev = segs[s - 1];
      if (!described && start === a && prev && lex.determiners.has(words.key(prev[0]) ?? '') && headsIn(ctx, prev[0], prev[1]).length === 0) start = prev[0];
      return { head: head.entity, entities: group.map((m) => m.entity), text: spanOf(ctx, start, end), pronoun: false, subordinate };
    }
    if (lex.determiners.has(first) || words.isCapitalized(a)) {
      // a speaker described without a name ("la porte-parole du ministère"), or named after it; a long clause is no description
      if (!described && describes(ctx, a, b)) described = { a, b };
      if (words.isCapitalized(a) && !lex.determiners.has(first)) break;
      continue;
    }
    if (closest && !described && hasSourceNoun(ctx, a, b)) {
      described = { a, b }; // "…, state media reported": a source named by a noun
      continue;
    }
    if (!closest && !lex.roleNouns.has(first)) break;
  }
  if (!described) return null;
  const text = spanOf(ctx, described.a, described.b);
  const byRole = text ? roleHolder(ctx, described.a, described.b) : null;
  return { head: byRole, entities: byRole ? [byRole] : [], text, pronoun: !byRole && bareRole(ctx, described.a, described.b), subordinate: false };
}

/**
 * The speaker named after an inverted cue ("a déclaré lundi la ministre …, Hadja Lahbib",
 * "said Lee", "selon l'agence Tass"), up to a comma, a stop word or `limit`.
 */
export function speakerAfter(ctx: SpeakerContext, from: number, limit: number, toComma = false): SpeakerGuess | null {
  const { words, lex } = ctx;
  from = skipBeforeSpeaker(ctx, from, limit);
  let b = from;
  while (b < limit && b - from < MAX_SPEAKER_WORDS) {
    const key = words.key(b)!;
    if (words.isPunct(b) || (!toComma && lex.speakerStops.has(key)) || lex.complementizers.has(key) || lex.relatives.has(key)) break;
    b++;
  }
  const a = from;
  if (b <= a) return null;
  if (b - a === 1 && lex.pronouns.has(words.key(a)!)) return pronounGuess(spanOf(ctx, a, b)!);
  const heads = headsIn(ctx, a, b);
  if (heads.length > 0) {
    const { head, group } = chooseHead(ctx, heads);
    return { head: head.entity, entities: group.map((m) => m.entity), text: spanOf(ctx, a, b), pronoun: false, subordinate: false };
  }
  // "a déclaré le porte-parole de l'armée, Pierre Schill": the name in apposition after the comma
  if (words.key(b) === ',') {
    const next = ctx.mentions.inside(words.at(b + 1)?.start ?? Infinity, words.at(Math.min(limit, b + 5) - 1)?.end ?? 0)[0];
    if (next && next.type === 'PER' && words.indexAt(next.start) === b + 1) {
      return { head: next.entity, entities: [next.entity], text: { start: words.at(a)!.start, end: next.end }, pronoun: false, subordinate: false };
    }
  }
  // "a déclaré le porte-parole", "selon l'agence": a description names a role or a source ("affirme le contraire" does not)
  if (!words.isCapitalized(a) && !hasRoleOrSource(ctx, a, b)) return null;
  const byRole = roleHolder(ctx, a, b);
  return { head: byRole, entities: byRole ? [byRole] : [], text: spanOf(ctx, a, b), pronoun: false, subordinate: false };
}

