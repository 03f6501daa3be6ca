import type { TimeExpression } from '../core/record.js';
import type { Entry, FactKindSpec } from './align.js';

const ISO = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** Times that name a date (day, week-free month or year), not durations or "now". */
const dated = (t: TimeExpression): boolean => ISO.test(t.value);

/** Times referred to by an event of their document: worth listing even from one source. */
function eventTime(entry: Entry<TimeExpression>): boolean {
  return entry.doc.record.events.some((v) => v.time === entry.item.id);
}

export const timeFacts: FactKindSpec<TimeExpression> = {
  kind: 'time',
  items: (doc) => doc.record.times.filter(dated).sort((a, b) => a.start - b.start),
  same: (a, b) => a.item.value === b.item.value,
  key: (entries) => (entries[0] as Entry<TimeExpression>).item.value,
  report: (entry) => ({ value: `${entry.item.text} (${entry.item.value})`, modality: null, span: entry.item }),
  // One value: nothing differs.
  conflict: () => null,
  keepSingle: eventTime,
};
