import { dayRange } from './dates.js';
import type { StoryDoc } from './story-doc.js';
import { who } from './align.js';

/**
 * Whether publication time can explain that `earlier` tells as coming what `later` tells as
 * done (a report written before the event uses the future): compares their document dates.
 */
export function publicationNote(future: StoryDoc, done: StoryDoc): string {
  const a = future.record.doc.date;
  const b = done.record.doc.date;
  if (!a || !b) return `publication date unknown (${who(!a ? future : done)}): cannot tell whether publication time explains it`;
  const ra = dayRange(a);
  const rb = dayRange(b);
  if (!ra || !rb) return 'publication dates unreadable: cannot tell whether publication time explains it';
  if (ra.to < rb.from) return `the forward-looking report was published earlier (${a} vs ${b}): publication time explains it`;
  if (ra.from > rb.to) return `the forward-looking report was published later (${a} vs ${b}): publication time does not explain it`;
  return `both published ${a === b ? a : `${a}/${b}`}: the dates are too coarse to order them, so publication time may explain it`;
}
