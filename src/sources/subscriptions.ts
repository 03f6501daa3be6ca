import { VeilleError } from '../core/errors.js';
import type { Source, Store } from '../store/store.js';
import { DEFAULT_EVERY_SECONDS, MAX_EVERY_SECONDS, MIN_EVERY_SECONDS, formatDuration, parseDuration } from './duration.js';
import { parseHttpUrl } from './url-input.js';

export interface SubscriptionInput {
  url: string;
  name?: string | null;
  /** Seconds, or a duration like `15m` (default DEFAULT_EVERY_SECONDS). */
  every?: number | string | null;
  /** Creation and first due time (default now). */
  at?: Date;
}

/** Names longer than this are cut: a name is a label in logs and filters, not a description. */
const MAX_NAME_LENGTH = 200;

function everySeconds(every: number | string | null | undefined): number {
  if (every === undefined || every === null || every === '') return DEFAULT_EVERY_SECONDS;
  if (typeof every === 'string') return parseDuration(every);
  if (!Number.isInteger(every) || every < MIN_EVERY_SECONDS || every > MAX_EVERY_SECONDS) {
    throw new VeilleError('USAGE', `the interval must be a whole number of seconds between ${MIN_EVERY_SECONDS} and ${MAX_EVERY_SECONDS}, not ${every}`);
  }
  return every;
}

/**
 * Subscribes to a feed or page: the URL checked (http or https only) and normalized, the
 * name trimmed, the interval parsed and bounded. Due at once. VeilleError USAGE for a bad
 * input or a URL already subscribed. (The address guard applies when the source is
 * fetched, after DNS resolution, not here.)
 * @example await addSubscription(store, { url: 'https://www.lemonde.fr/rss/une.xml', name: 'Le Monde', every: '15m' });
 */
export async function addSubscription(store: Store, input: SubscriptionInput): Promise<Source> {
  let url: string;
  try {
    url = parseHttpUrl(String(input.url ?? '').trim()).href;
  } catch (error) {
    throw new VeilleError('USAGE', `cannot subscribe: ${(error as Error).message}`, String(input.url));
  }
  const name = input.name?.trim().slice(0, MAX_NAME_LENGTH) || null;
  return store.addSource({ url, name, everySeconds: everySeconds(input.every), ...(input.at ? { at: input.at } : {}) });
}

/** Every subscription, by id. */
export function listSubscriptions(store: Store): Promise<Source[]> {
  return store.listSources();
}

/** An id (`3`, or the number 3) or a URL (compared as given, then normalized), as the store looks it up. */
export function sourceKey(idOrUrl: number | string): number | string {
  if (typeof idOrUrl === 'number') return idOrUrl;
  const text = String(idOrUrl).trim();
  return /^\d+$/.test(text) ? Number(text) : text;
}

/** The subscription with this id or URL, or null. */
export async function findSubscription(store: Store, idOrUrl: number | string): Promise<Source | null> {
  const key = sourceKey(idOrUrl);
  const found = await store.getSource(key);
  if (found || typeof key === 'number') return found;
  try {
    return await store.getSource(new URL(key).href);
  } catch {
    return null;
  }
}

/**
 * Unsubscribes; the documents already stored stay. Returns the source removed, or null when
 * no source has this id or URL.
 */
export async function removeSubscription(store: Store, idOrUrl: number | string): Promise<Source | null> {
  const source = await findSubscription(store, idOrUrl);
  if (!source) return null;
  return (await store.removeSource(source.id)) ? source : null;
}

/** `every 15m`, for listings. */
export function describeInterval(source: Pick<Source, 'everySeconds'>): string {
  return `every ${formatDuration(source.everySeconds)}`;
}
