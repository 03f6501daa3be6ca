import type { Cue } from './cues.js';
import type { QuoteDraft } from './draft.js';
import type { MarkPair } from './quote-marks.js';
import type { SpeechContext } from './context.js';
import type { CueIndex } from './cue-index.js';
import { cliticGuess } from '../attribution/speaker-context.js';
import { MAX_LOOKBACK, speakerAfter, subjectBefore, type SpeakerGuess } from '../attribution/speaker.js';

// Words between a closing mark and a subject-first cue ("…,” the White House spokesman said).
const MAX_SUBJECT_WORDS = 8;
// Words a cue's clause may go on after the cue when it attributes a quote before it.
const MAX_TAIL_WORDS = 14;
// Words between a cue and the colon before the quote ("a déclaré mardi aux journalistes : « … »").
const MAX_OBJECT_WORDS = 6;
// Marks around up to this many capitalized words with no cue are a name or a title, not a quote.
const MAX_NAME_WORDS = 6;
// A quote standing alone as a sentence needs this many words to be one.
const MIN_STANDALONE_WORDS = 3;

const AFTER_CLOSE = new Set([',', '.', ';', '—', '–', '-', '…', '!', '?']);

/** A marked quote's draft, and the cue that attributes it (the indirect rules leave that cue alone). */
export interface MarkedResult {
  draft: QuoteDraft | null;
  used: Cue | null;
}

/**
 * What a pair of quotation marks holds: a direct quote attributed by a cue after it ("« … »,
 * a-t-il ajouté") or before it ("X a déclaré : « … »"), a partial quote inside narration, or
 * no quote (a name or a title, « la Ceinture et la Route »; a scare-quoted word).
 */
export function classifyPair(ctx: SpeechContext, cues: CueIndex, p: MarkPair): MarkedResult {
  const after = attributionAfter(ctx, cues, p);
  if (after) return after;
  const before = attributionBefore(ctx, cues, p);
  if (before) return before;
  return { draft: unattributed(ctx, cues, p), used: null };
}

function direct(p: MarkPair, cue: Cue, speaker: SpeakerGuess | null, rule: string, kind: QuoteDraft['kind'] = 'direct'): MarkedResult {
  return { draft: { start: p.start, end: p.end, kind, cue, speaker, follow: null, rule }, used: cue };
}

function cueSpeakerAfter(ctx: SpeechContext, cue: Cue): SpeakerGuess | null {
  if (cue.pronoun !== null) return cliticGuess(ctx, cue.pronoun);
  return speakerAfter(ctx, cue.last, ctx.words.sentenceEnd(cue.last - 1));
}

function attributionAfter(ctx: SpeechContext, cues: CueIndex, p: MarkPair): MarkedResult | null {
  const { words, lex } = ctx;
  let j = p.close + 1;
  for (let n = 0; n < 2 && j < words.length && AFTER_CLOSE.has(words.key(j)!); n++) j++;
  if (j >= words.length) return null;
  const crossPara = words.at(j)!.para !== words.at(p.close)!.para;
  if (crossPara && words.isCapitalized(j)) return null;
  const cue = cues.startingAt(j);
  if (cue && cue.frames.includes('direct')) {
    if (cue.kind === 'according') {
      // "« … ». Selon l'état-major, …" opens the next sentence: it attributes what follows
      if (words.at(j)!.sentence !== words.at(p.close)!.sentence) return null;
      return direct(p, cue, speakerAfter(ctx, cue.last, words.sentenceEnd(cue.first)), 'direct/according-after');
    }
    if (words.key(cue.last) !== undefined && lex.complementizers.has(words.key(cue.last)!)) return null;
    return direct(p, cue, cueSpeakerAfter(ctx, cue), 'direct/cue-after');
  }
  if (crossPara) return null;
  // "…,” the spokesman told reporters.
  const end = words.sentenceEnd(j);
  for (let c = j + 1; c < Math.min(end, j + MAX_SUBJECT_WORDS + 1); c++) {
    const k = words.key(c)!;
    if (words.isPunct(c) && k !== ',') return null;
    const cue2 = cues.startingAt(c);
    if (!cue2) continue;
    if (cue2.kind !== 'verb' || !cue2.frames.includes('direct')) return null;
    const next = words.key(cue2.last);
    if (next !== undefined && (lex.complementizers.has(next) || next === ':')) return null;
    // '“… behind.” He said the price cap …': the quote ended its sentence, the cue reports something else
    if (endedSentence(ctx, p) && next !== undefined && !words.isPunct(cue2.last)) return null;
    if (end - cue2.last > MAX_TAIL_WORDS) return null;
    const speaker = cue2.pronoun !== null ? cliticGuess(ctx, cue2.pronoun) : subjectBefore(ctx, j, c);
    if (!speaker) return null;
    return direct(p, cue2, speaker, 'direct/cue-after-subject');
  }
  return null;
}

/** The quote ends a sentence: a sentence mark just inside or just after the closing mark. */
function endedSentence(ctx: SpeechContext, p: MarkPair): boolean {
  const inside = ctx.words.key(p.close - 1) ?? '';
  const after = ctx.words.key(p.close + 1) ?? '';
  return /^[.!?…]+$/.test(inside) || /^[.!?…]+$/.test(after);
}

function attributionBefore(ctx: SpeechContext, cues: CueIndex, p: MarkPair): MarkedResult | null {
  const { words, lex } = ctx;
  const k = p.open - 1;
  if (k < 0) return null;
  const key = words.key(k)!;
  const sameSentence = words.at(k)!.sentence === words.at(p.open)!.sentence;
  const paraStart = words.at(k)!.para !== words.at(p.open)!.para;
  // "X a déclaré : « … »" (also when the quote opens the next paragraph), "selon X, « … »"
  if (key === ':' || (key === ',' && sameSentence)) {
    if (paraStart && key !== ':') return null;
    const from = Math.max(words.sentenceStart(k), k - MAX_OBJECT_WORDS - 1);
    const cue = cues.lastBefore(from, k);
    if (!cue || !cue.frames.includes('direct')) return null;
    for (let i = cue.last; i < k; i++) if (words.isPunct(i) && words.key(i) !== ',') return null;
    let speaker: SpeakerGuess | null;
    if (cue.kind === 'according') speaker = speakerAfter(ctx, cue.last, k);
    else if (cue.pronoun !== null) speaker = cliticGuess(ctx, cue.pronoun);
    else speaker = subjectBefore(ctx, words.sentenceStart(cue.first), cue.first) ?? speakerAfter(ctx, cue.last, k);
    return direct(p, cue, speaker, cue.kind === 'according' ? 'direct/according-before' : 'direct/cue-before');
  }
  // "X a déclaré que « … »": a quote in an indirect frame
  if (sameSentence && lex.complementizers.has(key)) {
    const cue = cues.lastBefore(Math.max(words.sentenceStart(k), k - MAX_OBJECT_WORDS - 1), k);
    if (!cue || cue.kind !== 'verb' || !cue.frames.includes('que')) return null;
    const speaker = cue.pronoun !== null ? cliticGuess(ctx, cue.pronoun) : subjectBefore(ctx, words.sentenceStart(cue.first), cue.first);
    const toEnd = p.close + 1 >= words.sentenceEnd(p.close) - 1;
    return direct(p, cue, speaker, toEnd ? 'direct/que' : 'partial/que', toEnd ? 'direct' : 'partial');
  }
  return null;
}

/** Up to MAX_NAME_WORDS words, each capitalized or a name particle, no sentence punctuation: a name or a title. */
function nameLike(ctx: SpeechContext, p: MarkPair): boolean {
  const content = ctx.text.slice(p.start, p.end);
  if (/[.!?…:;]/.test(content)) return false;
  const parts = content.split(/[\s]+/).filter((w) => w !== '');
  if (parts.length === 0 || parts.length > MAX_NAME_WORDS) return false;
  let capitals = 0;
  for (const w of parts) {
    const bare = w.replace(/^[\p{P}]+|[\p{P}]+$/gu, '');
    if (/^[\p{Lu}\p{N}]/u.test(bare)) capitals++;
    else if (!ctx.lex.nameParticles.has(bare.toLowerCase().replace(/’/g, "'")) && !/^\p{L}+['’]$/u.test(bare)) return false;
  }
  return capitals > 0;
}

function unattributed(ctx: SpeechContext, cues: CueIndex, p: MarkPair): QuoteDraft | null {
  const { words } = ctx;
  if (nameLike(ctx, p)) return null;
  const n = p.close - p.open - 1;
  const prev = p.open - 1;
  const standalone = prev < 0 || words.at(prev)!.sentence !== words.at(p.open)!.sentence || [':', '—', '–'].includes(words.key(prev)!);
  if (standalone) {
    if (n < MIN_STANDALONE_WORDS) return null;
    return { start: p.start, end: p.end, kind: 'direct', cue: null, speaker: null, follow: 'previous', rule: 'direct/continuation' };
  }
  // a phrase inside narration: said by the subject of the speech or partial verb before it, if any
  const sentStart = words.sentenceStart(p.open);
  const cue = cues.lastBefore(sentStart, p.open);
  const partialVerb = partialVerbBefore(ctx, sentStart, p.open);
  if (n <= 1 && !cue && partialVerb === null && !/^\p{Ll}.*\s/u.test(ctx.text.slice(p.start, p.end))) return null;
  let speaker: SpeakerGuess | null = null;
  let usedCue: Cue | null = null;
  if (cue && (partialVerb === null || cue.first > partialVerb.first)) {
    usedCue = cue;
    if (cue.kind === 'according') speaker = speakerAfter(ctx, cue.last, p.open);
    else speaker = cue.pronoun !== null ? cliticGuess(ctx, cue.pronoun) : subjectBefore(ctx, sentStart, cue.first);
  } else if (partialVerb !== null) {
    usedCue = partialVerb;
    speaker = subjectBefore(ctx, sentStart, partialVerb.first);
  }
  return { start: p.start, end: p.end, kind: 'partial', cue: usedCue, speaker, follow: 'enclosing', rule: 'partial/embedded' };
}

/** The last partial verb ("qualifiant", "souhaitant", "a dénoncé") before `to`, as a cue, or null. */
function partialVerbBefore(ctx: SpeechContext, from: number, to: number): Cue | null {
  const key = (j: number): string | undefined => ctx.words.key(j);
  for (let i = to - 1; i >= Math.max(from, to - MAX_LOOKBACK); i--) {
    const m = ctx.lex.partialVerbs.match(key, i);
    if (!m) continue;
    // "a qualifié": the auxiliary belongs to the verb, not to its subject
    const first = i > from && ctx.lex.auxiliaries.has(key(i - 1)!) ? i - 1 : i;
    return { first, last: i + m.length, kind: 'verb', lemma: m.value, frames: [], pronoun: null, negated: false };
  }
  return null;
}
