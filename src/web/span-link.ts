/**
 * Links to a span of a document: `/documents/ID?span=START-END#span`. The document page marks
 * that span (`mark.target`, the first piece with id `span`), so a story's summary sentence, a
 * fact's report or a timeline entry lands on its exact words, highlighted or not.
 */

export interface TargetSpan {
  start: number;
  end: number;
}

/** The anchor of the first piece of the target span on the document page. */
export const TARGET_ID = 'span';

export function spanHref(span: { doc: string; start: number; end: number }): string {
  return `/documents/${encodeURIComponent(span.doc)}?span=${span.start}-${span.end}#${TARGET_ID}`;
}

/** The `span` query value as offsets within a text of this length, or null (ignored when it does not fit). */
export function parseTargetSpan(value: string, length: number): TargetSpan | null {
  const m = /^(\d{1,9})-(\d{1,9})$/.exec(value);
  if (!m) return null;
  const [start, end] = [Number(m[1]), Number(m[2])];
  return start < end && end <= length ? { start, end } : null;
}
