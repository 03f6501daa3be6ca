import type { Source } from '../store/store.js';
import { formatDuration } from './duration.js';
import type { PollResult } from './poll-source.js';

/** How a source is named in logs: its name, else its host without `www.` (`lemonde.fr`). */
export function sourceLabel(source: Pick<Source, 'name' | 'url'>): string {
  if (source.name) return source.name;
  try {
    return new URL(source.url).host.replace(/^www\./, '');
  } catch {
    return source.url;
  }
}

/**
 * The one log line of a poll: `lemonde.fr: 3 new, 27 unchanged, 210 ms`,
 * `lemonde.fr: not modified, 35 ms`, or `lemonde.fr: error: HTTP 503 (retry in 4m)`.
 */
export function pollLine(result: PollResult, retryInSeconds: number | null = null): string {
  const label = sourceLabel(result.source);
  if (result.status === 'failed') {
    const retry = retryInSeconds === null ? '' : ` (retry in ${formatDuration(retryInSeconds)})`;
    return `${label}: error: ${result.error?.message ?? 'unknown failure'}${retry}`;
  }
  if (result.status === 'not-modified') return `${label}: not modified, ${result.ms} ms`;
  const failed = result.failed > 0 ? `, ${result.failed} failed` : '';
  const stopped = result.status === 'interrupted' ? ', stopped' : '';
  return `${label}: ${result.added} new, ${result.unchanged} unchanged${failed}${stopped}, ${result.ms} ms`;
}
