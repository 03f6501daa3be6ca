import { failed, failure } from '../ingest/outcome.js';
import { readInput } from '../ingest/read-input.js';
import type { RawInput, ReadOutcome } from '../ingest/types.js';
import { declaredCharset, toUtf8 } from './charset.js';
import { fetchUrl, type Fetcher, type FetchOptions, type FetchResult } from './fetcher.js';

/**
 * Content types that say nothing about the format (servers send them for feeds too): the
 * readers then go by the URL's extension and the first bytes instead.
 */
const UNINFORMATIVE_TYPES = new Set(['text/plain', 'application/octet-stream', 'binary/octet-stream', 'application/unknown']);

export interface ReadUrlOptions extends FetchOptions {
  /** A fetcher to reuse (its own limits then apply); otherwise one is made for this read. */
  fetcher?: Fetcher;
  signal?: AbortSignal;
}

/**
 * A fetched response as a reader's input: bytes in a declared legacy charset re-encoded as
 * UTF-8, and a content type that says nothing about the format dropped (the readers then go
 * by the URL's extension and the first bytes).
 */
export function fetchedInput(fetched: Extract<FetchResult, { notModified: false }>, origin: string): RawInput {
  const type = fetched.contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  const contentType = type === '' || UNINFORMATIVE_TYPES.has(type) ? null : fetched.contentType;
  return { origin, bytes: toUtf8(fetched.bytes, declaredCharset(fetched.contentType, fetched.bytes)), contentType };
}

/**
 * The documents of a fetched input, read by the reader its content type (or extension, or
 * first bytes) calls for. A page's document gets the URL as both `doc.origin` and
 * `doc.source.url`; a feed gives one document per item (`URL#item-link`, its source URL the
 * item's link).
 */
export function readFetched(input: RawInput): ReadOutcome[] {
  return readInput(input).map((outcome) =>
    outcome.ok && outcome.doc.origin === input.origin
      ? { ok: true, doc: { ...outcome.doc, source: { ...outcome.doc.source, url: input.origin } } }
      : outcome);
}

/**
 * Fetches an http(s) URL and reads it (`veille ingest URL`). Never throws: a refused scheme
 * or address, a timeout, an HTTP error or an unreadable body gives `{ ok: false, error }`
 * naming the URL.
 * @example const [outcome] = await readUrl('https://example.org/article.html');
 */
export async function readUrl(url: string, options: ReadUrlOptions = {}): Promise<ReadOutcome[]> {
  let fetched: FetchResult;
  try {
    fetched = options.fetcher
      ? await options.fetcher.fetch(url, {}, options.signal)
      : await fetchUrl(url, options, {}, options.signal);
  } catch (error) {
    return [failure(error, url, 'UNREADABLE')];
  }
  if (fetched.notModified) return [failed('UNREADABLE', 'the server answered 304 Not Modified to an unconditional request', url)];
  return readFetched(fetchedInput(fetched, url));
}
