import type { Fact, StorySpan } from './story.js';
import { jaccard } from './facts-claims.js';
import { sentenceAt, storySpan, type StoryDoc } from './story-doc.js';
import { contentTerms } from './terms.js';

/** Sentences in a summary: a paragraph's worth. */
export const SUMMARY_SENTENCES = 5;
/** Shorter sentences are headings, bylines or fragments. */
const MIN_SENTENCE = 40;
/** A sentence sharing this much of its content with one already chosen says nothing new. */
const REPEATED = 0.5;

/**
 * An extractive summary: whole sentences of the documents, each a span. First the sentences
 * that tell the facts sources agree on, then those of facts they dispute, then the opening
 * sentence of each document, then facts one source alone reports; never twice the same thing.
 */
export function storySummary(docs: readonly StoryDoc[], facts: readonly Fact[]): StorySpan[] {
  const byId = new Map(docs.map((d) => [d.record.doc.id, d]));
  const chosen: { span: StorySpan; terms: Set<string> }[] = [];
  const add = (doc: StoryDoc | undefined, offset: number): void => {
    if (!doc || chosen.length >= SUMMARY_SENTENCES) return;
    const span = storySpan(doc, sentenceAt(doc.record, offset));
    if (span.text.trim().length < MIN_SENTENCE) return;
    const terms = new Set(contentTerms(span.text, doc.record.doc.language));
    if (chosen.some((c) => (c.span.doc === span.doc && c.span.start === span.start) || jaccard(c.terms, terms) >= REPEATED)) return;
    chosen.push({ span, terms });
  };
  // Each fact told from the source the summary has quoted least so far (sources take turns;
  // a copy and its original are one source), and from the original rather than a copy.
  const groupOf = (doc: string): number => byId.get(doc)?.group ?? -1;
  const used = (doc: string): number => chosen.filter((c) => groupOf(c.span.doc) === groupOf(doc)).length;
  const copy = (doc: string): number => (byId.get(doc)?.duplicateOf ? 1 : 0);
  const byStatus = (status: Fact['status']): void => {
    for (const f of facts) if (f.status === status && f.kind !== 'time') {
      const report = [...f.reports].sort((a, b) => used(a.doc) - used(b.doc) || copy(a.doc) - copy(b.doc))[0];
      if (report) add(byId.get(report.doc), report.span.start);
    }
  };
  byStatus('agreed');
  byStatus('conflict');
  for (const doc of docs) {
    const first = doc.record.sentences.find((s) => doc.record.doc.text.slice(s.start, s.end).trim().length >= MIN_SENTENCE);
    if (first) add(doc, first.start);
  }
  byStatus('single_source');
  return chosen.map((c) => c.span);
}
