import { VeilleError } from '../core/errors.js';

/** GDELT refreshes every 15 minutes: a good default for news feeds. */
export const DEFAULT_EVERY_SECONDS = 15 * 60;
/** Polling more often than this is impolite to the outlet and gains nothing (feeds change a few times an hour). */
export const MIN_EVERY_SECONDS = 30;
/** A week: rarer than that is not watching any more. */
export const MAX_EVERY_SECONDS = 7 * 24 * 3600;

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };
const DURATION = /^(?:\d+[smhd])+$/;

/**
 * A duration like `30s`, `15m`, `1h`, `1h30m` or `2d` in seconds. Throws VeilleError USAGE
 * for anything else, and for a duration outside [min, max].
 * @example parseDuration('1h30m') // 5400
 */
export function parseDuration(text: string, min = MIN_EVERY_SECONDS, max = MAX_EVERY_SECONDS): number {
  const compact = String(text).trim().toLowerCase().replace(/\s+/g, '');
  if (!DURATION.test(compact)) {
    throw new VeilleError('USAGE', `"${text}" is not a duration: give a number and a unit, like 30s, 15m, 1h or 1h30m`);
  }
  let seconds = 0;
  for (const [, amount, unit] of compact.matchAll(/(\d+)([smhd])/g)) seconds += Number(amount) * UNITS[unit!]!;
  if (seconds < min || seconds > max) {
    throw new VeilleError('USAGE', `${text} is out of range: give between ${formatDuration(min)} and ${formatDuration(max)}`);
  }
  return seconds;
}

/**
 * Seconds as the largest two units that matter: `45s`, `4m`, `1h30m`, `2d3h`.
 * @example formatDuration(5400) // '1h30m'
 */
export function formatDuration(totalSeconds: number): string {
  let rest = Math.max(0, Math.round(totalSeconds));
  if (rest === 0) return '0s';
  const parts: string[] = [];
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]] as const) {
    const amount = Math.floor(rest / size);
    rest -= amount * size;
    if (amount > 0 || parts.length > 0) parts.push(`${amount}${unit}`);
  }
  return parts.slice(0, 2).filter((p) => !p.startsWith('0')).join('');
}
