import type { Quote } from '../../core/record.js';
import { documentContext, type AttributionInput } from '../attribution/document-context.js';
import { partitionPoint } from '../attribution/sorted.js';
import { findCues, type Cue } from './cues.js';
import type { QuoteDraft } from './draft.js';
import { indirectQuotes } from './indirect-quotes.js';
import { quoteLexicon } from './lexicon.js';
import { CueIndex } from './cue-index.js';
import { classifyPair } from './marked-quotes.js';
import { pairQuoteMarks } from './quote-marks.js';
import { settleQuotes } from './settle.js';
import type { SpeechContext } from './context.js';

/** What the quotes analyzer reads of a document. */
export type QuoteInput = AttributionInput;

/**
 * The quotes of a document: direct (in quotation marks, with a cue before or after), partial
 * (a quoted phrase inside narration) and indirect (the reported content of "X a déclaré que …").
 * @example extractQuotes({ text: '« Non », a-t-il dit.', … })[0] // { kind: 'direct', text: 'Non', cue: { text: 'a-t-il dit' }, … }
 */
export function extractQuotes(input: QuoteInput): Quote[] {
  const ctx: SpeechContext | null = documentContext(input, quoteLexicon(input.lang));
  if (!ctx) return [];
  const { words, lex } = ctx;
  const cues = new CueIndex(findCues(words, lex));
  const drafts: QuoteDraft[] = [];
  const used = new Set<Cue>();
  for (const pair of pairQuoteMarks(words, lex.marks)) {
    const r = classifyPair(ctx, cues, pair);
    if (r.draft) drafts.push(r.draft);
    if (r.used) used.add(r.used);
  }
  const direct = drafts.filter((d) => d.kind === 'direct');
  drafts.push(...indirectQuotes(ctx, cues, used, (pos) => insideAny(direct, pos)));
  return settleQuotes(ctx, drafts);
}

/** Whether `pos` falls inside one of `spans` (sorted by start, disjoint). */
function insideAny(spans: readonly { start: number; end: number }[], pos: number): boolean {
  const s = spans[partitionPoint(spans, (x) => x.end <= pos)];
  return s !== undefined && s.start <= pos && pos < s.end;
}
