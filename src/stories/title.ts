import { clip } from './align.js';
import type { StoryDoc } from './story-doc.js';

/** Titles longer than this are cut on a word boundary (a lead sentence can run long). */
const MAX_TITLE = 120;
/** A lead shorter than this is a heading or a byline, not a title. */
const MIN_LEAD = 20;

/**
 * The story's title, from its documents, never invented: the first document's title, else
 * the first title any has, else the first document's opening sentence, cut to length.
 */
export function storyTitle(docs: readonly StoryDoc[]): string {
  const titled = docs.find((d) => d.record.doc.title?.trim());
  if (titled?.record.doc.title) return clip(titled.record.doc.title, MAX_TITLE);
  for (const doc of docs) {
    const { text } = doc.record.doc;
    const sentence = doc.record.sentences.map((s) => text.slice(s.start, s.end).trim()).find((s) => s.length >= MIN_LEAD);
    if (sentence) return clip(sentence, MAX_TITLE);
  }
  return clip(docs[0]?.record.doc.text ?? '', MAX_TITLE) || '(untitled)';
}
