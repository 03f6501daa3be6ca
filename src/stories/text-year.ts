import type { AnalysisRecord } from '../core/record.js';

const YEAR = /^(\d{4})/;

/**
 * The year an undated text is about: the year its resolved times name most often (ties: the
 * latest, as news tells the recent after the past), or null when it names none. On ECB+ dev,
 * where the two events of a topic happened years apart, it tells them apart (docs/stories.md).
 *
 * @example textYear(record) // 2009 for a text naming "April 28, 2009", "2009" and "2006"
 */
export function textYear(record: Pick<AnalysisRecord, 'times'>): number | null {
  const counts = new Map<number, number>();
  for (const t of record.times ?? []) {
    const m = YEAR.exec(t.value);
    if (m) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  }
  let best: number | null = null;
  let most = 0;
  for (const [year, n] of counts) {
    if (n > most || (n === most && best !== null && year > best)) [best, most] = [year, n];
  }
  return best;
}
