import type { Quote, TextSpan } from '../../core/record.js';
import type { Cue } from './cues.js';
import type { QuoteDraft } from './draft.js';
import type { SpeechContext } from './context.js';

// A pronoun with no quote before it refers to a person named at most this far back (characters).
const PRONOUN_REACH = 600;
// A quote with no cue goes on the previous direct quote at most this many paragraphs back.
const CONTINUATION_PARAGRAPHS = 2;
// Partial quotes look back over this many indirect quotes for one that encloses them.
const ENCLOSING_LOOKBACK = 20;

interface Resolved {
  draft: QuoteDraft;
  speaker: string | null;
  speakerText: TextSpan | null;
  cue: Cue | null;
}

/**
 * Settles speakers in text order — a pronoun ("a-t-il ajouté", "he said") and a quote that goes
 * on with no cue take the previous speaker; a partial quote inside an indirect one takes its
 * speaker — and numbers the quotes q1, q2… in text order.
 */
export function settleQuotes(ctx: SpeechContext, drafts: readonly QuoteDraft[]): Quote[] {
  const sorted = [...drafts].sort((a, b) => a.start - b.start || b.end - a.end || a.rule.localeCompare(b.rule));
  const resolved: Resolved[] = [];
  const indirect: Resolved[] = [];
  let previous: Resolved | null = null;
  let previousDirect: Resolved | null = null;
  for (const d of sorted) {
    const last = resolved[resolved.length - 1];
    if (last && last.draft.start === d.start && last.draft.end === d.end) continue;
    const r: Resolved = { draft: d, speaker: null, speakerText: textOf(ctx, d.speaker?.text ?? null), cue: d.cue };
    const g = d.speaker;
    if (d.follow === 'enclosing') {
      const host = enclosing(indirect, d);
      if (host) {
        r.speaker = host.speaker;
        r.speakerText = host.speakerText;
        r.cue = host.cue;
      } else if (g) r.speaker = g.pronoun ? previousSpeaker(ctx, previous, d) : g.head;
    } else if (d.follow === 'previous') {
      if (previousDirect && paragraphOf(ctx, d.start) - paragraphOf(ctx, previousDirect.draft.end) <= CONTINUATION_PARAGRAPHS) {
        r.speaker = previousDirect.speaker;
        r.speakerText = previousDirect.speakerText;
      }
    } else if (g) {
      r.speaker = g.pronoun ? previousSpeaker(ctx, previous, d) : g.head;
    }
    resolved.push(r);
    if (d.kind !== 'partial') previous = r;
    if (d.kind === 'direct') previousDirect = r;
    if (d.kind === 'indirect') indirect.push(r);
  }
  return resolved.map((r, i) => ({
    id: `q${i + 1}`,
    start: r.draft.start,
    end: r.draft.end,
    text: ctx.text.slice(r.draft.start, r.draft.end),
    kind: r.draft.kind,
    speaker: r.speaker,
    speaker_text: r.speakerText?.text ?? null,
    cue: r.cue ? cueSpan(ctx, r.cue) : null,
    rule: `${ctx.lex.lang}/${r.draft.rule}`,
  }));
}

/**
 * Who a pronoun stands for: the speaker before; with none, the first person named in the
 * closest sentence before that names one (the subject, in news prose: "X arrived … “…,” he said").
 */
function previousSpeaker(ctx: SpeechContext, previous: Resolved | null, d: QuoteDraft): string | null {
  if (previous) return previous.speaker;
  const cueStart = d.cue ? ctx.words.at(d.cue.first)!.start : d.start;
  const pos = Math.min(d.start, cueStart);
  const persons = ctx.mentions.personsIn(Math.max(0, pos - PRONOUN_REACH), pos);
  const last = persons[persons.length - 1];
  if (!last) return null;
  const sentence = ctx.words.at(ctx.words.indexAt(last.start))?.sentence;
  return persons.find((m) => ctx.words.at(ctx.words.indexAt(m.start))?.sentence === sentence)?.entity ?? null;
}

function enclosing(indirect: readonly Resolved[], d: QuoteDraft): Resolved | null {
  for (let i = indirect.length - 1; i >= Math.max(0, indirect.length - ENCLOSING_LOOKBACK); i--) {
    const host = indirect[i]!;
    if (host.draft.start <= d.start && d.end <= host.draft.end) return host;
  }
  return null;
}

function paragraphOf(ctx: SpeechContext, pos: number): number {
  const i = Math.min(ctx.words.indexAt(pos), ctx.words.length - 1);
  return ctx.words.at(i)?.para ?? 0;
}

function textOf(ctx: SpeechContext, s: { start: number; end: number } | null): TextSpan | null {
  return s && s.end > s.start ? { start: s.start, end: s.end, text: ctx.text.slice(s.start, s.end) } : null;
}

function cueSpan(ctx: SpeechContext, c: Cue): TextSpan {
  const start = ctx.words.at(c.first)!.start;
  const end = ctx.words.at(c.last - 1)!.end;
  return { start, end, text: ctx.text.slice(start, end) };
}
