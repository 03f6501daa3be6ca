import type { Granularity } from '../../core/record.js';
import { addDays, addMonths, compareYmd, formatDay, formatMonth, formatWeek, formatYear, isoWeekday, type Ymd } from './calendar.js';
import { choose } from './choose.js';
import { refWord, underReference, type Context, type Interpreter, type Resolved, type RuleMatch } from './context.js';
import { lookup } from './grammar.js';
import { directionOf, modOf } from './interpret-absolute.js';
import { amountOf, partOf } from './interpret-duration.js';
import { applyMod, dayPeriod, monthPeriod, weekPeriod, yearPeriod, yearsPeriod, type Period } from './period.js';

/** A day, with a part of day (`TEV`) when one is stated: TIMEX3 `2023-10-17TEV`. */
function dayResolved(day: Ymd, part: string | null): Resolved {
  return { value: part ? `${formatDay(day)}T${part}` : formatDay(day), period: dayPeriod(day), day };
}

/**
 * "mercredi", "mardi soir", "vendredi dernier", "ce dimanche": the weekday nearest to the
 * document date in the direction the words or the tense give. With a document date known to
 * the month only, the value stays at the month and the range is the month.
 */
export const interpretWeekday: Interpreter = (m, ctx) => {
  const weekday = Number(lookup(ctx.grammar, 'weekday', m.groups.weekday));
  if (!(weekday >= 1 && weekday <= 7)) return null;
  const part = partOf(m, ctx);
  const granularity: Granularity = part ? 'time' : 'day';
  const direction = directionOf(m, ctx);
  const thisWeek = m.groups.deictic !== undefined;
  if (m.groups.same !== undefined) {
    // "ce même lundi": the Monday just mentioned.
    const anchor = ctx.dayAnchor();
    if (anchor?.day && isoWeekday(anchor.day) === weekday) {
      return { ...dayResolved(anchor.day, part), granularity, anchor: 'context', how: 'context' };
    }
  }
  let how = 'nearest';
  const resolved = underReference(ctx.ref, (refDay) => {
    if (thisWeek && direction === null) {
      how = 'this-week';
      return dayResolved(addDays(refDay, weekday - isoWeekday(refDay)), part);
    }
    const candidates = [-14, -7, 0, 7, 14].map((offset) => dayResolved(addDays(refDay, weekday - isoWeekday(refDay) + offset), part));
    const choice = choose(candidates, refDay, direction, direction === null ? ctx.tense() : null);
    if (!choice) return null;
    how = choice.how;
    return choice.item;
  }, true);
  if (!resolved) return { value: `XXXX-WXX-${weekday}${part ? `T${part}` : ''}`, granularity, period: null, anchor: null, how: 'undated' };
  return { value: resolved.value, granularity, period: resolved.period, anchor: 'doc', how, day: resolved.day ?? null };
};

/**
 * "hier", "aujourd'hui vendredi", "hier soir", "avant-hier"; with `params.base: "context"`,
 * "la veille" / "le lendemain" count from the day mentioned before.
 */
export const interpretRelativeDay: Interpreter = (m, ctx) => {
  const offset = Number(lookup(ctx.grammar, 'relday', m.groups.relday) ?? m.rule.params.offset ?? NaN);
  if (!Number.isInteger(offset)) return null;
  const part = partOf(m, ctx);
  const granularity: Granularity = part ? 'time' : 'day';
  if (m.rule.params.base === 'context') {
    const anchor = ctx.dayAnchor();
    if (anchor?.day) return { ...dayResolved(addDays(anchor.day, offset), part), granularity, anchor: 'context', how: 'context' };
    if (anchor) return null;
  }
  const resolved = underReference(ctx.ref, (refDay) => dayResolved(addDays(refDay, offset), part));
  if (!resolved) return { value: refWord(offset), granularity, period: null, anchor: null, how: 'undated' };
  return { value: resolved.value, granularity, period: resolved.period, anchor: 'doc', day: resolved.day ?? null };
};

/** The period of `unit` that holds `day`, shifted by `n` units, with its TIMEX3 value. */
export function unitPeriod(unit: string, day: Ymd, n: number, pastWeekend = false): Resolved | null {
  switch (unit) {
    case 'D': return dayResolved(addDays(day, n), null);
    case 'W': {
      const d = addDays(day, 7 * n);
      return { value: formatWeek(d), period: weekPeriod(d) };
    }
    case 'WE': {
      // A weekend spoken of in the past from a weekday is the one before.
      const d = addDays(day, 7 * n - (pastWeekend && isoWeekday(day) < 6 ? 7 : 0));
      const saturday = addDays(d, 6 - isoWeekday(d));
      return { value: `${formatWeek(saturday)}-WE`, period: { from: saturday, to: addDays(saturday, 1) } };
    }
    case 'M': {
      const d = addMonths(day, n);
      return { value: formatMonth(d.y, d.m), period: monthPeriod(d.y, d.m) };
    }
    case 'Q': {
      const q0 = Math.floor((day.m - 1) / 3) + n;
      const y = day.y + Math.floor(q0 / 4);
      const q = ((q0 % 4) + 4) % 4;
      return { value: `${formatYear(y)}-Q${q + 1}`, period: { from: { y, m: q * 3 + 1, d: 1 }, to: monthPeriod(y, q * 3 + 3).to } };
    }
    case 'Y': return { value: formatYear(day.y + n), period: yearPeriod(day.y + n) };
    case 'DE': {
      const first = Math.floor(day.y / 10) * 10 + 10 * n;
      return { value: String(first / 10).padStart(3, '0'), period: yearsPeriod(first, first + 9) };
    }
    default: return null;
  }
}

const UNIT_GRANULARITY: Record<string, Granularity> = { D: 'day', W: 'week', WE: 'week', M: 'month', Q: 'unknown', Y: 'year', DE: 'decade' };

function unitOf(m: RuleMatch, ctx: Context): string {
  return String(lookup(ctx.grammar, 'unit', m.groups.unit) ?? m.rule.params.unit ?? '');
}

/** "le mois dernier", "ce mois-ci", "cette semaine", "l'année dernière", "la fin de l'année". */
export const interpretRelativeUnit: Interpreter = (m, ctx) => {
  const unit = unitOf(m, ctx);
  const granularity = UNIT_GRANULARITY[unit];
  if (!granularity) return null;
  const offset = directionOf(m, ctx) ?? Number(m.rule.params.offset ?? 0);
  const pastWeekend = unit === 'WE' && offset === 0 && ctx.tense() === 'past';
  // "earlier this month", "later this year": the part of the period before or after the day.
  const side = lookup(ctx.grammar, 'mod', m.groups.mod);
  const resolved = underReference(ctx.ref, (refDay) => {
    const r = unitPeriod(unit, refDay, offset, pastWeekend);
    if (!r || offset !== 0) return r;
    if (side === 'EARLIER' && compareYmd(refDay, r.period.to) < 0) return { ...r, period: { from: r.period.from, to: refDay } };
    if (side === 'LATER' && compareYmd(refDay, r.period.from) > 0) return { ...r, period: { from: refDay, to: r.period.to } };
    return r;
  });
  if (!resolved) return { value: refWord(offset), granularity, period: null, anchor: null, how: 'undated' };
  return { value: resolved.value, granularity, period: applyMod(resolved.period, modOf(m, ctx)), anchor: 'doc', day: resolved.day ?? null };
};

/** "il y a à peine un mois", "il y a dix ans" (sign −1); "dans trois jours" (sign +1, `later`). */
function shifted(sign: number): Interpreter {
  return (m, ctx) => {
    let unit = unitOf(m, ctx);
    const amount = amountOf(m, ctx);
    if (amount === null) return null;
    if (amount === 'X') return { value: refWord(sign), granularity: 'unknown', period: null, anchor: ctx.ref ? 'doc' : null };
    let n = Math.round(amount);
    if (unit === 'DE') { unit = 'Y'; n *= 10; }
    if (unit === 'H' || unit === 'MIN' || unit === 'S') { unit = 'D'; n = 0; }
    const granularity = UNIT_GRANULARITY[unit];
    if (!granularity || n > 100000) return null;
    const resolved = underReference(ctx.ref, (refDay) => unitPeriod(unit, refDay, sign * n));
    if (!resolved) return { value: refWord(sign), granularity, period: null, anchor: null, how: 'undated' };
    return { value: resolved.value, granularity, period: resolved.period, anchor: 'doc', day: resolved.day ?? null };
  };
}

export const interpretAgo = shifted(-1);
export const interpretLater = shifted(1);
