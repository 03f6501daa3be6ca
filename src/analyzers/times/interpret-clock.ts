import * as chrono from 'chrono-node';
import type { Granularity } from '../../core/record.js';
import { formatDay, isValidYmd, type Ymd } from './calendar.js';
import { underReference, type Context, type Interpreter, type Resolution, type RuleMatch } from './context.js';
import { lookup } from './grammar.js';
import { partOf } from './interpret-duration.js';
import { dayPeriod } from './period.js';

/**
 * A time of day (`T15:30`) or part of day (`TEV`) put on a day: the day mentioned nearest
 * (same sentence first, then before: "mardi vers 21 h 45"), else the document date.
 * When that day is not known exactly, the value stays at what is known ("2023-10").
 */
function onDay(suffix: string, ctx: Context, granularity: Granularity, fromDocument: boolean): Resolution | null {
  const anchor = fromDocument ? null : ctx.dayAnchor();
  if (anchor) {
    const value = anchor.day ? `${formatDay(anchor.day)}${suffix}` : anchor.value;
    return { value, granularity, period: anchor.period, anchor: 'context', how: 'context', day: anchor.day };
  }
  const resolved = underReference(ctx.ref, (day) => ({ value: `${formatDay(day)}${suffix}`, period: dayPeriod(day), day }));
  if (!resolved) return { value: `XXXX-XX-XX${suffix}`, granularity, period: null, anchor: null, how: 'undated' };
  return { value: resolved.value, granularity, period: resolved.period, anchor: 'doc', day: resolved.day ?? null };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "21 h 45", "18 h", "vers midi", "15:30", "9 heures du soir". */
export const interpretClock: Interpreter = (m, ctx) => {
  const word = lookup(ctx.grammar, 'clockword', m.groups.clockword);
  let hour: number;
  let minute: number;
  if (typeof word === 'string') {
    [hour, minute] = word.split(':').map(Number) as [number, number];
  } else {
    hour = Number(m.groups.hour);
    minute = m.groups.minute === undefined ? 0 : Number(m.groups.minute);
  }
  const meridiem = lookup(ctx.grammar, 'meridiem', m.groups.meridiem);
  if (meridiem === 'PM' && hour < 12) hour += 12;
  if (meridiem === 'AM' && hour === 12) hour = 0;
  if (!(hour >= 0 && hour <= 24 && minute >= 0 && minute < 60)) return null;
  return onDay(`T${pad2(hour)}:${pad2(minute)}`, ctx, 'time', false);
};

/** "ce soir", "cette nuit" (the document day); "la nuit", "dans la soirée" (the day in context). */
export const interpretPartOfDay: Interpreter = (m, ctx) => {
  const part = partOf(m, ctx);
  if (!part) return null;
  return onDay(`T${part}`, ctx, 'time', m.rule.params.base !== 'context');
};

/**
 * Formats chrono-node reads well (numeric dates "12/10/2023", "2023-10-12", English clock
 * times "3:30 p.m."): chrono parses the matched text, and only the components it read from
 * the text (not implied ones) make the value.
 */
export const interpretChrono: Interpreter = (m, ctx) => {
  const parser = ctx.grammar.code === 'en' ? chrono.en : chrono.fr;
  const ref = ctx.ref?.period.from ?? { y: 2000, m: 1, d: 1 };
  const results = parser.parse(m.text, new Date(Date.UTC(ref.y, ref.m - 1, ref.d, 12)), { forwardDate: false });
  const first = results[0];
  if (!first || first.index !== 0 || first.text.length < m.text.trim().length - 1) return null;
  const c = first.start;
  const get = (k: 'year' | 'month' | 'day' | 'hour' | 'minute'): number | null => (c.isCertain(k) ? (c.get(k) ?? null) : null);
  const [year, month, day, hour, minute] = [get('year'), get('month'), get('day'), get('hour'), get('minute')];
  const time = hour !== null ? `T${pad2(hour)}:${pad2(minute ?? 0)}` : '';
  if (year !== null && month !== null && day !== null) {
    if (!isValidYmd(year, month, day)) return null;
    const date: Ymd = { y: year, m: month, d: day };
    return { value: `${formatDay(date)}${time}`, granularity: time ? 'time' : 'day', period: dayPeriod(date), anchor: null, day: date };
  }
  if (month === null && day === null && hour !== null) return onDay(time, ctx, 'time', false);
  return null;
};

/** Kinds resolved in the second pass, once the days they can be put on are known. */
export function needsContext(m: RuleMatch): boolean {
  const { kind, params } = m.rule;
  return kind === 'clock' || kind === 'chrono' || (params.base === 'context' && (kind === 'part-of-day' || kind === 'relative-day'));
}
