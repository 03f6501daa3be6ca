import type { Cue } from './cues.js';
import type { QuoteDraft } from './draft.js';
import { MAX_CONTENT_WORDS } from '../attribution/content-end.js';
import { clauseEnd, MAX_TAIL_SUBJECT, tailEnds } from './clause-end.js';
import type { CueIndex } from './cue-index.js';
import type { SpeechContext } from './context.js';
import { cliticGuess } from '../attribution/speaker-context.js';
import { speakerAfter, subjectBefore, type SpeakerGuess } from '../attribution/speaker.js';

// Words between a verb and its "que"/"that" ("a déclaré mardi aux journalistes que").
const MAX_BEFORE_QUE = 8;
// Reported content shorter than this is no claim of anything.
const MIN_CONTENT_WORDS = 2;

/**
 * Indirect quotes: "X a déclaré que …", "X said (that) …", "…, a déclaré X.", "selon X, …",
 * "…, according to X." The span is the reported content; `used` cues attribute marked quotes
 * already, and cues inside a direct quote are someone else's words.
 */
export function indirectQuotes(ctx: SpeechContext, cues: CueIndex, used: ReadonlySet<Cue>, insideDirect: (pos: number) => boolean): QuoteDraft[] {
  const out: QuoteDraft[] = [];
  for (const c of cues.cues) {
    if (c.negated || used.has(c) || insideDirect(ctx.words.at(c.first)!.start)) continue;
    const d = c.kind === 'according' ? according(ctx, cues, c) : (que(ctx, cues, c) ?? infinitive(ctx, cues, c) ?? bare(ctx, cues, c) ?? clauseFinal(ctx, c));
    if (d) out.push(d);
  }
  return out;
}

function draft(ctx: SpeechContext, from: number, to: number, c: Cue, speaker: SpeakerGuess | null, rule: string): QuoteDraft | null {
  if (to - from < MIN_CONTENT_WORDS) return null;
  return { start: ctx.words.at(from)!.start, end: ctx.words.at(to - 1)!.end, kind: 'indirect', cue: c, speaker, follow: null, rule };
}

function subjectOf(ctx: SpeechContext, c: Cue): SpeakerGuess | null {
  if (c.pronoun !== null) return cliticGuess(ctx, c.pronoun);
  return subjectBefore(ctx, ctx.words.sentenceStart(c.first), c.first);
}

/** "X a déclaré (mardi) que …", "X said that …". */
function que(ctx: SpeechContext, cues: CueIndex, c: Cue): QuoteDraft | null {
  if (!c.frames.includes('que')) return null;
  const { words, lex } = ctx;
  const end = words.sentenceEnd(c.first);
  for (let i = c.last; i < Math.min(end, c.last + MAX_BEFORE_QUE + 1); i++) {
    const key = words.key(i)!;
    if (lex.complementizers.has(key)) {
      const speaker = subjectOf(ctx, c);
      return draft(ctx, i + 1, clauseEnd(ctx, cues, i + 1, speaker?.subordinate === true), c, speaker, 'indirect/que');
    }
    if ((words.isPunct(i) && key !== ',') || cues.startingAt(i)) return null;
  }
  return null;
}

/** "X a affirmé avoir …", "X claimed to have …": the infinitive is the content. */
function infinitive(ctx: SpeechContext, cues: CueIndex, c: Cue): QuoteDraft | null {
  if (!c.frames.includes('inf')) return null;
  const { words, lex } = ctx;
  if (words.at(c.last)?.sentence !== words.at(c.first)!.sentence) return null;
  const m = lex.infinitiveStarters.match((k) => words.key(k), c.last);
  if (!m) return null;
  const speaker = subjectOf(ctx, c);
  return draft(ctx, c.last, clauseEnd(ctx, cues, c.last, speaker?.subordinate === true), c, speaker, 'indirect/inf');
}

/** "Warsaw said two drones had violated its airspace": content with no "that" (a language whose verbs allow it). */
function bare(ctx: SpeechContext, cues: CueIndex, c: Cue): QuoteDraft | null {
  if (!c.frames.includes('bare') || c.pronoun !== null) return null;
  const { words, lex } = ctx;
  // "…, said Lee": an attribution, unless the verb cannot be one (", saying the …")
  if (c.frames.includes('inverted') && (c.first === words.sentenceStart(c.first) || words.isPunct(c.first - 1))) return null;
  let j = c.last;
  const object = lex.speechObjects.match((k) => words.key(k), j);
  if (object) j += object.length;
  for (let n = 0; n < 2 && lex.introducers.has(words.key(j) ?? ''); n++) j++;
  const w = words.at(j);
  if (!w || w.sentence !== words.at(c.first)!.sentence || words.isPunct(j)) return null;
  // the content opens with a determiner, a pronoun, a name, a number — or any word that is not grammar ("said civilians were …")
  const grammar = lex.prepositions.has(w.key) || lex.speakerStops.has(w.key) || lex.complementizers.has(w.key) || lex.adverbs.match((k) => words.key(k), j) !== null || lex.relatives.has(w.key);
  if (!(lex.bareStarters.has(w.key) || w.kind === 'number' || words.isCapitalized(j) || !grammar)) return null;
  const speaker = subjectOf(ctx, c);
  if (!speaker) return null;
  const to = clauseEnd(ctx, cues, j, speaker.subordinate);
  return to - j >= 3 ? draft(ctx, j, to, c, speaker, 'indirect/bare') : null;
}

/** "…, a déclaré l'expert dans une interview.", "…, the ministry said." */
function clauseFinal(ctx: SpeechContext, c: Cue): QuoteDraft | null {
  if (!c.frames.includes('inverted')) return null;
  const { words } = ctx;
  const sentStart = words.sentenceStart(c.first);
  const end = words.sentenceEnd(c.first);
  let comma = -1;
  let speaker: SpeakerGuess | null = null;
  if (words.key(c.first - 1) === ',' && c.first - 1 > sentStart) {
    comma = c.first - 1;
    speaker = c.pronoun !== null ? subjectOf(ctx, c) : speakerAfter(ctx, c.last, end);
  } else {
    for (let k = c.first - 1; k >= Math.max(sentStart + 1, c.first - MAX_TAIL_SUBJECT - 1); k--) {
      if (words.key(k) === ',') {
        comma = k;
        break;
      }
      if (words.isPunct(k) && !ctx.lex.marks.some((m) => m.close === words.key(k))) return null; // "…,” state media reported"
    }
    if (comma < 0) return null;
    let from = comma + 1;
    while (from < c.first && words.isPunct(from)) from++;
    speaker = c.pronoun !== null ? subjectOf(ctx, c) : subjectBefore(ctx, from, c.first);
  }
  if (!speaker || !tailEnds(ctx, c, end)) return null;
  const from = clauseStart(ctx, sentStart, comma);
  return draft(ctx, from, comma, c, speaker, 'indirect/clause-final');
}

/** "selon X, …" at the start of a sentence, "…, selon X." at its end. */
function according(ctx: SpeechContext, cues: CueIndex, c: Cue): QuoteDraft | null {
  const { words, lex } = ctx;
  const sentStart = words.sentenceStart(c.first);
  const end = words.sentenceEnd(c.first);
  const speaker = speakerAfter(ctx, c.last, end, true);
  if (!speaker || !isSource(ctx, c, speaker)) return null;
  const regionEnd = speaker.text ? words.indexAt(speaker.text.end) : c.last;
  if (c.first === sentStart || (c.first - 1 >= sentStart && lex.introducers.has(words.key(c.first - 1)!) && c.first - 1 === sentStart)) {
    if (words.key(regionEnd) !== ',') return null;
    const from = afterApposition(ctx, regionEnd + 1, end);
    return draft(ctx, from, clauseEnd(ctx, cues, from, false), c, speaker, 'indirect/according-before');
  }
  if (words.key(c.first - 1) === ',' && tailEnds(ctx, c, end)) {
    return draft(ctx, clauseStart(ctx, sentStart, c.first - 1), c.first - 1, c, speaker, 'indirect/according-after');
  }
  return null;
}

// Words of an apposition after a source at most ("Pour X, député de Seine-Saint-Denis, …").
const MAX_APPOSITION_WORDS = 8;

/** Past an apposition that describes the source ("député LFI de …,"): a role noun first, a comma after. */
function afterApposition(ctx: SpeechContext, from: number, end: number): number {
  const { words, lex } = ctx;
  const role = lex.roleNouns.has(words.key(from) ?? '') || (lex.determiners.has(words.key(from) ?? '') && lex.roleNouns.has(words.key(from + 1) ?? ''));
  if (!role) return from;
  for (let i = from + 1; i < Math.min(end, from + MAX_APPOSITION_WORDS); i++) {
    if (words.key(i) === ',') return i + 1;
    if (words.isPunct(i)) return from;
  }
  return from;
}

/** A source named after "selon": an entity, a pronoun, or a noun like "agence", "médias", "sources". */
function isSource(ctx: SpeechContext, c: Cue, s: SpeakerGuess): boolean {
  if (s.head !== null || s.pronoun) return true;
  if (!s.text) return false;
  const from = ctx.words.indexAt(s.text.start);
  const to = ctx.words.indexAt(s.text.end);
  for (let i = Math.max(from, c.last); i < to; i++) if (ctx.lex.sourceNouns.has(ctx.words.key(i)!) || ctx.words.isCapitalized(i)) return true;
  return false;
}

/** Where reported content before a clause-final cue starts: the sentence start, or after a colon or semicolon. */
function clauseStart(ctx: SpeechContext, sentStart: number, comma: number): number {
  let from = Math.max(sentStart, comma - MAX_CONTENT_WORDS);
  for (let i = comma - 1; i >= from; i--) {
    const key = ctx.words.key(i)!;
    if (key === ':' || key === ';') {
      from = i + 1;
      break;
    }
  }
  return from;
}

