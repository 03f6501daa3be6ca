import type { Interpreter } from './context.js';
import type { Kind } from './grammar.js';
import { interpretCentury, interpretDate, interpretDecade, interpretMonth, interpretSeason, interpretYear } from './interpret-absolute.js';
import { interpretChrono, interpretClock, interpretPartOfDay } from './interpret-clock.js';
import { interpretAgo, interpretLater, interpretRelativeDay, interpretRelativeUnit, interpretWeekday } from './interpret-deictic.js';
import { interpretDuration, interpretRef, interpretSet } from './interpret-duration.js';

/** The interpreter of each rule kind; `ignore` rules consume text and yield nothing. */
export const INTERPRETERS: Record<Exclude<Kind, 'ignore'>, Interpreter> = {
  date: interpretDate,
  month: interpretMonth,
  year: interpretYear,
  decade: interpretDecade,
  century: interpretCentury,
  season: interpretSeason,
  weekday: interpretWeekday,
  'relative-day': interpretRelativeDay,
  'relative-unit': interpretRelativeUnit,
  ago: interpretAgo,
  later: interpretLater,
  duration: interpretDuration,
  set: interpretSet,
  ref: interpretRef,
  clock: interpretClock,
  'part-of-day': interpretPartOfDay,
  chrono: interpretChrono,
};
