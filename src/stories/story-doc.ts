import type { AnalysisRecord, Span } from '../core/record.js';
import type { StorySpan } from './story.js';

/** A document of a story as the builders see it: its record and its independent-source group. */
export interface StoryDoc {
  record: AnalysisRecord;
  /** Documents with the same group are one source (copies of each other, or the same outlet). */
  group: number;
  duplicateOf: string | null;
  /** Position in the story's document list. */
  index: number;
}

/** A span of a document as a story span (the text read from the document, so it always resolves). */
export function storySpan(doc: StoryDoc, span: Span): StorySpan {
  const text = doc.record.doc.text;
  const start = Math.max(0, Math.min(span.start, text.length));
  const end = Math.max(start, Math.min(span.end, text.length));
  return { doc: doc.record.doc.id, start, end, text: text.slice(start, end) };
}

/** The sentence that holds an offset (the whole text when sentences are missing). */
export function sentenceAt(record: AnalysisRecord, offset: number): Span {
  const found = record.sentences.find((s) => s.start <= offset && offset < s.end);
  return found ?? { start: 0, end: record.doc.text.length };
}

/** The source's name, for reports: the outlet, else where the document was read from. */
export function sourceName(doc: StoryDoc): string | null {
  return doc.record.doc.source.name;
}
