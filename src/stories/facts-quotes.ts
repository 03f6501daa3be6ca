import type { Quote } from '../core/record.js';
import { clip, type Entry, type FactKindSpec } from './align.js';
import { entitiesById, storyEntityKey } from './entity-keys.js';
import { jaccard } from './facts-claims.js';
import { contentTerms } from './terms.js';

/** Share of content terms two quotes of one speaker must share to be one quote (told in the same language). */
const SAME_WORDS = 0.3;

const speaker = (entry: Entry<Quote>): string | null => {
  const e = entry.item.speaker ? entitiesById(entry.doc.record).get(entry.item.speaker) : undefined;
  return e ? storyEntityKey(e) : null;
};

/** The same speaker, in the same language, saying largely the same words (translations are not matched). */
function sameQuote(a: Entry<Quote>, b: Entry<Quote>): boolean {
  const [sa, sb] = [speaker(a), speaker(b)];
  if (sa === null || sa !== sb || a.doc.record.doc.language !== b.doc.record.doc.language) return false;
  const terms = (e: Entry<Quote>): Set<string> => new Set(contentTerms(e.item.text, e.doc.record.doc.language));
  return jaccard(terms(a), terms(b)) >= SAME_WORDS;
}

export const quoteFacts: FactKindSpec<Quote> = {
  kind: 'quote',
  items: (doc) => [...doc.record.quotes].sort((a, b) => a.start - b.start),
  same: sameQuote,
  key: (entries) => {
    const first = entries[0] as Entry<Quote>;
    const e = first.item.speaker ? entitiesById(first.doc.record).get(first.item.speaker) : undefined;
    return `${first.item.kind} quote: ${e?.name ?? first.item.speaker_text ?? '?'}`;
  },
  report: (entry) => ({ value: clip(entry.item.text), modality: null, span: entry.item }),
  // Wording differs between reports of one quote; it is not told as a conflict.
  conflict: () => null,
};
