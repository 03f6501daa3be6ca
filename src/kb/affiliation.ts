import type { KbEntry } from './knowledge-base.js';

export interface Affiliation {
  country: string | null;
  sector: string | null;
}

/**
 * An entry's country and sector at a document's date, so that a 2023 report gets the code
 * valid in 2023: the period holding the date (the latest-starting one when several do), else
 * the entry's own values. Without a date, the latest period still open, else the entry's own.
 *
 * @example affiliationAt(putin, '2023-10') // { country: 'RUS', sector: 'GOV' }
 */
export function affiliationAt(entry: KbEntry, date: string | null): Affiliation {
  const own: Affiliation = { country: entry.country, sector: entry.sector };
  if (entry.periods.length === 0) return own;
  const day = date ? pointOf(date) : null;
  let best: { from: string; country: string | null; sector: string | null } | null = null;
  for (const p of entry.periods) {
    const from = p.from ?? '';
    const holds = day === null ? p.to === undefined : from <= day && (p.to === undefined || day < p.to);
    if (holds && (best === null || from >= best.from)) {
      best = { from, country: p.country === undefined ? entry.country : p.country, sector: p.sector === undefined ? entry.sector : p.sector };
    }
  }
  return best ? { country: best.country, sector: best.sector } : own;
}

/** A day standing for a date of any precision: the middle of its year or month. */
function pointOf(date: string): string {
  if (/^\d{4}$/.test(date)) return `${date}-07-01`;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-15`;
  return date.slice(0, 10);
}
