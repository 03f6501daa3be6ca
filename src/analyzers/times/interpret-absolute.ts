import { daysInMonth, formatDay, formatMonth, formatYear, isoWeekday, isValidYmd, yearInRange, type Ymd } from './calendar.js';
import { choose } from './choose.js';
import { refWord, underReference, type Context, type Interpreter, type Resolution, type RuleMatch } from './context.js';
import { lookup } from './grammar.js';
import { applyMod, dayPeriod, monthPeriod, seasonPeriod, yearPeriod, yearsPeriod, type Mod, type Period } from './period.js';

/** The optional groups most rules share. */
export function modOf(m: RuleMatch, ctx: Context): Mod | null {
  const mod = lookup(ctx.grammar, 'mod', m.groups.mod);
  return mod === 'START' || mod === 'MID' || mod === 'END' ? mod : null;
}

export function directionOf(m: RuleMatch, ctx: Context): number | null {
  const d = lookup(ctx.grammar, 'direction', m.groups.direction) ?? m.rule.params.direction;
  return typeof d === 'number' ? d : null;
}

/** A two-digit year: the latest year ending so that is at most ten years after the document. */
function fullYear(yy: number, ctx: Context): number {
  const pivot = ctx.ref ? ctx.ref.period.to.y + 10 : 2030;
  let y = Math.floor(pivot / 100) * 100 + yy;
  if (y > pivot) y -= 100;
  return y;
}

function explicitYear(m: RuleMatch, ctx: Context): number | null {
  if (m.groups.year) return Number(m.groups.year);
  if (m.groups.yy) return fullYear(Number(m.groups.yy), ctx);
  return null;
}

/**
 * A date or month stated without its year: the year comes from the document date, the
 * direction word ("dernier") or the tense, else the nearest. `build(y)` is null for years
 * where the date does not exist (29 February).
 */
function inferYear(
  m: RuleMatch,
  ctx: Context,
  build: (y: number) => { value: string; period: Period; day?: Ymd } | null,
  granularity: Resolution['granularity'],
  undated: string,
): Resolution | null {
  const direction = directionOf(m, ctx);
  let how = 'nearest';
  // With a document date known to the month only, "le 19 décembre" in December is this December
  // whatever the day: candidates compare as months.
  const coarse = ctx.ref !== null && ctx.ref.precision !== 'day';
  const resolved = underReference(ctx.ref, (refDay) => {
    const candidates = [refDay.y - 1, refDay.y, refDay.y + 1]
      .map(build)
      .filter((c) => c !== null)
      .map((c) => ({ item: c, period: coarse ? monthPeriod(c.period.from.y, c.period.from.m) : c.period }));
    const choice = choose(candidates, refDay, direction, direction === null ? ctx.tense() : null);
    if (!choice) return null;
    how = choice.how;
    return choice.item.item;
  });
  if (!resolved) return ctx.ref ? null : { value: undated, granularity, period: null, anchor: null, how: 'undated' };
  return { value: resolved.value, granularity, period: resolved.period, anchor: 'doc', how, day: resolved.day ?? null };
}

/** "jeudi 12 octobre 2023", "le 6 mai dernier", "12 octobre", "10 novembre 93". */
export const interpretDate: Interpreter = (m, ctx) => {
  const month = Number(lookup(ctx.grammar, 'month', m.groups.month));
  const d = Number(m.groups.day);
  if (!(month >= 1 && month <= 12) || !(d >= 1 && d <= 31)) return null;
  const weekday = lookup(ctx.grammar, 'weekday', m.groups.weekday);
  const y = explicitYear(m, ctx);
  if (y !== null) {
    if (!isValidYmd(y, month, d)) return null;
    const day = { y, m: month, d };
    return { value: formatDay(day), granularity: 'day', period: dayPeriod(day), anchor: null, day };
  }
  if (d > daysInMonth(2000, month)) return null; // never a valid day, whatever the year
  const undated = `XXXX-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  // (Arrows passed inline: named closures made per call cost a name definition each under tsx.)
  return inferYear(m, ctx, (year: number) => {
    if (!isValidYmd(year, month, d)) return null;
    const day = { y: year, m: month, d };
    // A stated weekday that does not fit this year rules the year out.
    if (typeof weekday === 'number' && isoWeekday(day) !== weekday) return null;
    return { value: formatDay(day), period: dayPeriod(day), day };
  }, 'day', undated)
    // When no year puts the stated weekday on that date, the weekday is a slip: ignore it.
    ?? inferYear(m, ctx, (year: number) => (isValidYmd(year, month, d) ? { value: formatDay({ y: year, m: month, d }), period: dayPeriod({ y: year, m: month, d }), day: { y: year, m: month, d } } : null), 'day', undated);
};

/** "septembre 2022", "en septembre", "début octobre", "septembre dernier". */
export const interpretMonth: Interpreter = (m, ctx) => {
  const month = Number(lookup(ctx.grammar, 'month', m.groups.month));
  if (!(month >= 1 && month <= 12)) return null;
  const mod = modOf(m, ctx);
  const y = explicitYear(m, ctx);
  if (y !== null) {
    if (!yearInRange(y)) return null;
    return { value: formatMonth(y, month), granularity: 'month', period: applyMod(monthPeriod(y, month), mod), anchor: null };
  }
  const r = inferYear(m, ctx, (year: number) => (yearInRange(year) ? { value: formatMonth(year, month), period: monthPeriod(year, month) } : null), 'month', `XXXX-${String(month).padStart(2, '0')}`);
  if (r?.period) r.period = applyMod(r.period, mod);
  return r;
};

/** "2018", "fin 2022", "l'année 2001". */
export const interpretYear: Interpreter = (m, ctx) => {
  const y = explicitYear(m, ctx);
  if (y === null || !yearInRange(y)) return null;
  return { value: formatYear(y), granularity: 'year', period: applyMod(yearPeriod(y), modOf(m, ctx)), anchor: null };
};

/** "les années 1990", "années 90": TIMEX3 value `199`. */
export const interpretDecade: Interpreter = (m, ctx) => {
  const digits = m.groups.decade ?? '';
  let first: number;
  if (digits.length === 4) first = Number(digits);
  else if (digits.length === 2) first = 1900 + Number(digits);
  else return null;
  if (first % 10 !== 0 || !yearInRange(first)) return null;
  const period = applyMod(yearsPeriod(first, first + 9), modOf(m, ctx));
  return { value: String(first / 10).padStart(3, '0'), granularity: 'decade', period, anchor: null };
};

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

function romanValue(text: string): number | null {
  let total = 0;
  const s = text.toUpperCase();
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]!];
    const next = ROMAN[s[i + 1] ?? ''] ?? 0;
    if (v === undefined) return null;
    total += v < next ? -v : v;
  }
  return total > 0 ? total : null;
}

/** "au XXe siècle": TIMEX3 value `19`, years 1900–1999 (the TIMEX3 reading of a century). */
export const interpretCentury: Interpreter = (m, ctx) => {
  const n = m.groups.roman ? romanValue(m.groups.roman) : Number(m.groups.digits);
  if (!n || n < 1 || n > 21) return null;
  const first = Math.max(1, (n - 1) * 100);
  const period = applyMod(yearsPeriod(first, (n - 1) * 100 + 99), modOf(m, ctx));
  return { value: String(n - 1).padStart(2, '0'), granularity: 'unknown', period, anchor: null };
};

/** "l'été 2022", "cet été", "l'hiver dernier", "en été" (generic in the present: `XXXX-SU`). */
export const interpretSeason: Interpreter = (m, ctx) => {
  const season = String(lookup(ctx.grammar, 'season', m.groups.season) ?? '');
  if (!seasonPeriod(2000, season)) return null;
  const y = explicitYear(m, ctx);
  if (y !== null) {
    const period = seasonPeriod(y, season);
    if (!period || !yearInRange(y + 1)) return null;
    return { value: `${formatYear(y)}-${season}`, granularity: 'season', period: applyMod(period, modOf(m, ctx)), anchor: null };
  }
  const direction = directionOf(m, ctx);
  const deictic = m.groups.deictic !== undefined || m.rule.params.deictic !== undefined;
  const tense = direction === null && !deictic ? ctx.tense() : null;
  if (direction === null && !deictic && tense !== 'past' && tense !== 'future') {
    return { value: `XXXX-${season}`, granularity: 'season', period: null, anchor: null, how: 'generic' };
  }
  let how = 'nearest';
  const resolved = underReference(ctx.ref, (refDay) => {
    const candidates = [refDay.y - 2, refDay.y - 1, refDay.y, refDay.y + 1]
      .map((year) => ({ value: `${formatYear(year)}-${season}`, period: seasonPeriod(year, season)! }))
      .filter((c) => yearInRange(c.period.from.y) && yearInRange(c.period.to.y));
    const choice = choose(candidates, refDay, direction, tense);
    if (!choice) return null;
    how = deictic && choice.how === 'nearest' ? 'this' : choice.how;
    return choice.item;
  });
  if (!resolved) return ctx.ref ? null : { value: refWord(direction ?? 0), granularity: 'season', period: null, anchor: null, how: 'undated' };
  return { value: resolved.value, granularity: 'season', period: applyMod(resolved.period, modOf(m, ctx)), anchor: 'doc', how };
};
