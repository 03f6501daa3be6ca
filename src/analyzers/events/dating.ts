import type { Doc, TimeExpression } from '../../core/record.js';
import { clauseOf } from './clause.js';
import type { Match } from './match.js';
import { tokenAt, type SentenceView } from './sentence-view.js';

const ISO = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * The time expression that dates a trigger: the nearest calendar time between the commas
 * around it in its clause, else in a short phrase opening the clause ("En 2019, Macron a
 * rencontré Lula"); a time in another parenthesis ("sa première depuis 2015") does not date
 * it, nor do durations and "now".
 */
export function timeOf(view: SentenceView, m: Match, times: readonly TimeExpression[], others: readonly Match[] = []): TimeExpression | null {
  const clause = clauseOf(view, m);
  const commas: number[] = [];
  for (let k = clause.first; k <= clause.last; k++) if (view.tokens[k]!.text === ',') commas.push(k);
  const segmentOf = (k: number): number => {
    let before = 0;
    while (before < commas.length && commas[before]! < k) before++;
    return before;
  };
  const own = segmentOf(m.head);
  const openerShort = commas.length > 0 && (commas[0] as number) - clause.first <= 10;
  const from = view.tokens[clause.first]!.start;
  const to = view.tokens[clause.last]!.end;
  const at = view.tokens[m.head]!.start;
  let best: TimeExpression | null = null;
  let bestOwn = false;
  for (const t of times) {
    if (t.start < from || t.end > to || !datable(t)) continue;
    const k = tokenAt(view, t.start);
    const segment = segmentOf(k);
    const inOwn = segment === own;
    // a time nearer another trigger dates that one ("… la fin du conflit en 1995")
    const [a, b] = k > m.last ? [m.last, k] : [k, m.head];
    if (others.some((o) => o !== m && o.head > a && o.head < b)) continue;
    if (!inOwn && !(segment === 0 && openerShort)) continue;
    if (!best || (inOwn && !bestOwn) || (inOwn === bestOwn && Math.abs(t.start - at) < Math.abs(best.start - at))) [best, bestOwn] = [t, inOwn];
  }
  return best;
}

function datable(t: TimeExpression): boolean {
  if (t.granularity === 'duration' || t.granularity === 'set') return false;
  return ISO.test(t.value) || t.range !== null;
}

/** The ISO date a time expression gives an event: its value, else what its range's ends share ("2023-10" for a week in October). */
export function dateOf(t: TimeExpression): string | null {
  if (ISO.test(t.value)) return t.value;
  if (!t.range) return null;
  const { from, to } = t.range;
  if (from.slice(0, 7) === to.slice(0, 7)) return from.slice(0, 7);
  if (from.slice(0, 4) === to.slice(0, 4)) return from.slice(0, 4);
  return null;
}

/** The first and last day a date can denote. */
export function daysOf(date: string): { from: string; to: string } {
  if (/^\d{4}$/.test(date)) return { from: `${date}-01-01`, to: `${date}-12-31` };
  if (/^\d{4}-\d{2}$/.test(date)) {
    const [y, mo] = date.split('-').map(Number) as [number, number];
    const lastDay = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    return { from: `${date}-01`, to: `${date}-${String(lastDay).padStart(2, '0')}` };
  }
  return { from: date.slice(0, 10), to: date.slice(0, 10) };
}

/** How a time stands to the document's date: clearly before it by `months`, after it, or neither. */
export function relativeToDoc(t: TimeExpression, doc: Pick<Doc, 'date'>, months: number): 'historical' | 'future' | null {
  if (!doc.date) return null;
  const date = dateOf(t);
  const span = t.range ?? (date ? daysOf(date) : null);
  if (!span) return null;
  const { to, limit } = docBounds(doc.date, months);
  if (span.from > to) return 'future';
  return span.to < limit ? 'historical' : null;
}

// the bounds of the last document date asked for: a document's triggers ask one after another
let bounds: { date: string; months: number; to: string; limit: string } | null = null;

/** The last day a document date can denote, and the first day of the month `months` before it. */
function docBounds(date: string, months: number): { to: string; limit: string } {
  if (bounds?.date !== date || bounds.months !== months) {
    const docDays = daysOf(date);
    const [y, mo] = docDays.from.split('-').map(Number) as [number, number];
    const limit = new Date(Date.UTC(y, mo - 1 - months, 1)).toISOString().slice(0, 10);
    bounds = { date, months, to: docDays.to, limit };
  }
  return bounds;
}
