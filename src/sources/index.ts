/**
 * Sources: fetching URLs safely, subscriptions, and the watcher that polls them. Plain
 * functions, for the CLI (`veille sources`, `veille watch`, `veille ingest URL`) and the
 * HTTP API (`/api/sources`) alike.
 */
export { checkAddresses, checkLiteralHost, guardedLookup, type AddressPolicy } from './address-guard.js';
export { declaredCharset, toUtf8 } from './charset.js';
export { systemClock, type Clock } from './clock.js';
export { DEFAULT_EVERY_SECONDS, MAX_EVERY_SECONDS, MIN_EVERY_SECONDS, formatDuration, parseDuration } from './duration.js';
export { FetchError, isFetchError, type FetchFailure } from './fetch-error.js';
export {
  CONNECT_TIMEOUT_MS, FETCH_MAX_BYTES, MAX_REDIRECTS, TOTAL_TIMEOUT_MS, USER_AGENT,
  createFetcher, fetchUrl, type FetchOptions, type FetchResult, type Fetcher, type Validators,
} from './fetcher.js';
export { HOST_DELAY_MS, HostQueue } from './host-queue.js';
export { forbiddenKind, type ForbiddenKind } from './ip-ranges.js';
export { pollLine, sourceLabel } from './poll-line.js';
export type { DocumentSink } from './poll-item.js';
export { pollSource, type PollResult } from './poll-source.js';
export { fetchedInput, readFetched, readUrl, type ReadUrlOptions } from './read-url.js';
export { retryAfterSeconds } from './retry-after.js';
export { nextPollAfterFailure, nextPollAfterSuccess, retryDelaySeconds } from './schedule.js';
export { analyzeAndStore } from './sink.js';
export {
  addSubscription, describeInterval, findSubscription, listSubscriptions, removeSubscription, sourceKey, type SubscriptionInput,
} from './subscriptions.js';
export { isUrlInput, parseHttpUrl } from './url-input.js';
export { IDLE_CHECK_MS, WATCH_CONCURRENCY, watch, type WatchOptions, type WatchSummary } from './watcher.js';
