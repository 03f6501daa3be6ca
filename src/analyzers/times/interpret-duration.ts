import type { Context, Interpreter, RuleMatch } from './context.js';
import { lookup } from './grammar.js';

/** Durations longer than this many units are not read (no "P999999999Y"). */
const MAX_AMOUNT = 100000;

/**
 * The number of a duration: digits ("20", "30,4"), a number word ("deux"), a vague word
 * ("quelques" → `X`), or 1 when the rule has none ("chaque jour"). Null when not a number.
 */
export function amountOf(m: RuleMatch, ctx: Context): number | 'X' | null {
  const g = m.groups;
  if (g.digits !== undefined) {
    const n = Number(g.digits.replace(',', '.'));
    return Number.isFinite(n) && n > 0 && n <= MAX_AMOUNT ? n : null;
  }
  if (g.number !== undefined) {
    const n = lookup(ctx.grammar, 'number', g.number);
    return typeof n === 'number' ? n : null;
  }
  if (g.vague !== undefined) return 'X';
  const fixed = m.rule.params.amount;
  return typeof fixed === 'number' ? fixed : fixed === 'X' ? 'X' : 1;
}

/** The TIMEX3 part of day (`MO`, `AF`, `EV`, `NI`, `DT`) of the `part` group or rule. */
export function partOf(m: RuleMatch, ctx: Context): string | null {
  const part = lookup(ctx.grammar, 'part', m.groups.part) ?? m.rule.params.part;
  return typeof part === 'string' ? part : null;
}

const TIME_UNITS = new Set(['H', 'MIN', 'S']);

/** TIMEX3 duration: `P2D`, `P20M`, `P2DE`, `PT30.4S`, `PT15M`, `PXD`. */
export function durationValue(amount: number | 'X', unit: string): string | null {
  const n = amount === 'X' ? 'X' : String(Math.round(amount * 1000) / 1000);
  if (TIME_UNITS.has(unit)) return `PT${n}${unit === 'MIN' ? 'M' : unit}`;
  if (['D', 'W', 'M', 'Y', 'DE', 'CE', 'Q'].includes(unit)) return `P${n}${unit}`;
  if (unit === 'WE') return `P${n}WE`;
  return null;
}

function unitOf(m: RuleMatch, ctx: Context): string {
  return String(lookup(ctx.grammar, 'unit', m.groups.unit) ?? m.rule.params.unit ?? '');
}

/** "deux jours", "près de deux décennies", "20 mois", "quelques mois", "un quinquennat". */
export const interpretDuration: Interpreter = (m, ctx) => {
  const fixed = lookup(ctx.grammar, 'fixedDuration', m.groups.fixedDuration);
  if (typeof fixed === 'string') return { value: fixed, granularity: 'duration', period: null, anchor: null };
  const amount = amountOf(m, ctx);
  const value = amount === null ? null : durationValue(amount, unitOf(m, ctx));
  return value ? { value, granularity: 'duration', period: null, anchor: null } : null;
};

/** "chaque mardi" `XXXX-WXX-2`, "tous les jours" `P1D`, "chaque soir" `XXXX-XX-XXTEV`, "quotidien". */
export const interpretSet: Interpreter = (m, ctx) => {
  const word = lookup(ctx.grammar, 'setword', m.groups.setword);
  if (typeof word === 'string') return { value: word, granularity: 'set', period: null, anchor: null };
  const weekday = lookup(ctx.grammar, 'weekday', m.groups.weekday);
  if (typeof weekday === 'number') return { value: `XXXX-WXX-${weekday}`, granularity: 'set', period: null, anchor: null };
  const part = partOf(m, ctx);
  if (part) return { value: `XXXX-XX-XXT${part}`, granularity: 'set', period: null, anchor: null };
  const amount = amountOf(m, ctx);
  const value = amount === null ? null : durationValue(amount, unitOf(m, ctx));
  return value ? { value, granularity: 'set', period: null, anchor: null } : null;
};

/** "actuellement" PRESENT_REF, "autrefois" PAST_REF, "prochainement" FUTURE_REF. */
export const interpretRef: Interpreter = (m, ctx) => {
  const value = lookup(ctx.grammar, 'ref', m.groups.ref) ?? m.rule.params.value;
  if (value !== 'PAST_REF' && value !== 'PRESENT_REF' && value !== 'FUTURE_REF') return null;
  return { value, granularity: 'unknown', period: null, anchor: null };
};
