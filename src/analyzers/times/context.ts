import type { Granularity } from '../../core/record.js';
import type { Ymd } from './calendar.js';
import { formatMonth, formatYear } from './calendar.js';
import type { CompiledRule, Tense, TimeGrammar } from './grammar.js';
import { midpoint, unionPeriod, type Period } from './period.js';
import type { Reference } from './reference.js';

/** A rule's match at one place of the text. */
export interface RuleMatch {
  rule: CompiledRule;
  start: number;
  end: number;
  text: string;
  groups: Readonly<Record<string, string | undefined>>;
}

/** A time expression already resolved that others can be anchored on (clock times). */
export interface DayAnchor {
  value: string;
  period: Period | null;
  /** The one day it denotes, when known. */
  day: Ymd | null;
}

/** What an interpreter knows besides its match. */
export interface Context {
  grammar: TimeGrammar;
  ref: Reference | null;
  /** Tense of the verb nearest to the match in its sentence; null when there is none. */
  tense(): Tense | null;
  /** The nearest expression that denotes one day (same sentence first, then earlier text). */
  dayAnchor(): DayAnchor | null;
}

/** What an interpreter returns; the analyzer turns it into a `TimeExpression`. */
export interface Resolution {
  value: string;
  granularity: Granularity;
  period: Period | null;
  /** 'doc' resolved against the document date, 'context' against `dayAnchor()`. */
  anchor: 'doc' | 'context' | null;
  /** Appended to the rule id: how it was resolved (`past-tense`, `nearest`…). */
  how?: string;
  /** The one day it denotes, when known (so that a clock time can be anchored on it). */
  day?: Ymd | null;
}

/** A resolution computed from a document date known to the day. */
export interface Resolved {
  value: string;
  period: Period;
  day?: Ymd | null;
}

export type Interpreter = (m: RuleMatch, ctx: Context) => Resolution | null;

/**
 * Resolves against the document date. When that date is known only to the month (or year),
 * resolves against its first and last possible day: equal values stand; otherwise the value
 * keeps the reference's precision (the month holding the middle of the possible days) and
 * the period covers every day it can be. With `clip`, the period is the reference period
 * (the contract's rule for weekdays: "mercredi" in a document of 2023-10 ranges over October). Null when the document has no date.
 */
export function underReference(ref: Reference | null, resolve: (day: Ymd) => Resolved | null, clip = false): Resolved | null {
  if (!ref) return null;
  if (ref.precision === 'day') return resolve(ref.period.from);
  const first = resolve(ref.period.from);
  const last = resolve(ref.period.to);
  if (!first || !last) return null;
  if (first.value === last.value) return { value: first.value, period: unionPeriod(first.period, last.period), day: first.day ?? null };
  const period = clip ? ref.period : unionPeriod(first.period, last.period);
  const mid = midpoint(period);
  return { value: ref.precision === 'month' ? formatMonth(mid.y, mid.m) : formatYear(mid.y), period, day: null };
}

/** The TIMEX3 reference word for an offset from now when no document date is known. */
export function refWord(offset: number): string {
  return offset < 0 ? 'PAST_REF' : offset > 0 ? 'FUTURE_REF' : 'PRESENT_REF';
}
