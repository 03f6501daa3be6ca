import { Agent, request, type Dispatcher } from 'undici';
import { VERSION } from '../core/version.js';
import { checkLiteralHost, guardedLookup, type AddressPolicy } from './address-guard.js';
import { FetchError } from './fetch-error.js';
import { fetchFailure } from './fetch-failure.js';
import { ACCEPT_ENCODING, readBody } from './read-body.js';
import { parseHttpUrl } from './url-input.js';

/** Time to open a connection: a responsive server connects in well under a second; 10 s allows slow links. */
export const CONNECT_TIMEOUT_MS = 10_000;
/** Time for the whole fetch, redirects and body included (a news page or feed is a few MB at most). */
export const TOTAL_TIMEOUT_MS = 30_000;
/** Body cap, after decompression: the largest real feeds are a few MB; 10 MiB leaves room and bounds memory. */
export const FETCH_MAX_BYTES = 10 * 1024 * 1024;
/**
 * Redirects followed: news sites chain at most three or four (http → https → www → canonical);
 * browsers allow 20 (Fetch standard), which only loops or trackers need.
 */
export const MAX_REDIRECTS = 5;
/** Who is asking, so that site owners can tell (and reach) the software. */
export const USER_AGENT = `Veille/${VERSION} (self-hosted news monitoring)`;
/** Formats Veille reads, best first. */
const ACCEPT = [
  'application/rss+xml', 'application/atom+xml', 'text/html;q=0.9', 'application/xhtml+xml;q=0.9',
  'application/xml;q=0.8', 'text/xml;q=0.8', 'text/plain;q=0.5', '*/*;q=0.1',
].join(', ');
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface FetchOptions {
  /** Allow private, loopback, link-local… addresses (`--allow-private`); default false. */
  allowPrivate?: boolean;
  /** Exact addresses allowed even when private (an intranet host), where `allowPrivate` would open them all. */
  allowAddresses?: readonly string[];
  maxBytes?: number;
  connectTimeoutMs?: number;
  /** The whole fetch, redirects and body included. */
  timeoutMs?: number;
  maxRedirects?: number;
  userAgent?: string;
}

/** Validators from a previous response, for a conditional request. */
export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

interface FetchedBase {
  /** The URL asked for. */
  url: string;
  /** The URL that answered, after redirects. */
  finalUrl: string;
  status: number;
  etag: string | null;
  lastModified: string | null;
}

export type FetchResult =
  | (FetchedBase & { notModified: false; contentType: string | null; bytes: Uint8Array })
  | (FetchedBase & { notModified: true });

/** Fetches URLs with the limits and the address guard; `close` releases its connections. */
export interface Fetcher {
  fetch(url: string, validators?: Validators, signal?: AbortSignal): Promise<FetchResult>;
  close(): Promise<void>;
}

/** The first value of a response header, or null. */
function header(headers: Dispatcher.ResponseData['headers'], name: string): string | null {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/**
 * A fetcher for http(s) URLs: connect and total timeouts, a streamed size cap, redirects
 * followed by hand (bounded, loops detected, every hop's address checked again), conditional
 * requests, and private addresses refused after DNS resolution unless `allowPrivate`.
 * Failures are FetchErrors naming the URL asked for.
 * @example const f = createFetcher(); const r = await f.fetch('https://example.org/feed.xml'); await f.close();
 */
export function createFetcher(options: FetchOptions = {}): Fetcher {
  const policy: AddressPolicy = {
    allowPrivate: options.allowPrivate ?? false,
    allowAddresses: new Set(options.allowAddresses ?? []),
  };
  const maxBytes = options.maxBytes ?? FETCH_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? TOTAL_TIMEOUT_MS;
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
  const connectTimeoutMs = options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
  const agent = new Agent({
    connect: { lookup: guardedLookup(policy), timeout: connectTimeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const baseHeaders = { 'user-agent': options.userAgent ?? USER_AGENT, accept: ACCEPT, 'accept-encoding': ACCEPT_ENCODING };

  async function fetchOnce(asked: string, validators: Validators, outer?: AbortSignal): Promise<FetchResult> {
    let url = parseHttpUrl(asked);
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = outer ? AbortSignal.any([outer, timeout]) : timeout;
    const headers: Record<string, string> = { ...baseHeaders };
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
    const visited = [url.href];
    for (;;) {
      checkLiteralHost(url, policy);
      const response = await request(url, { dispatcher: agent, method: 'GET', headers, signal });
      const { statusCode: status } = response;
      const location = header(response.headers, 'location');
      if (REDIRECTS.has(status) && location) {
        await response.body.dump().catch(() => undefined);
        const next = parseHttpUrl(new URL(location, url).href, `redirect from ${url.href} to`);
        if (visited.includes(next.href)) throw new FetchError('redirects', `redirect loop: ${[...visited, next.href].join(' → ')}`, asked);
        if (visited.length > maxRedirects) throw new FetchError('redirects', `too many redirects (over ${maxRedirects})`, asked);
        visited.push(next.href);
        url = next;
        continue;
      }
      const base: FetchedBase = {
        url: asked, finalUrl: url.href, status, etag: header(response.headers, 'etag'), lastModified: header(response.headers, 'last-modified'),
      };
      if (status === 304) {
        await response.body.dump().catch(() => undefined);
        return { ...base, notModified: true };
      }
      if (status < 200 || status >= 300) {
        await response.body.dump().catch(() => undefined);
        const where = visited.length > 1 ? ` from ${url.href}` : '';
        throw new FetchError('http', `HTTP ${status}${where}`, asked, status, header(response.headers, 'retry-after'));
      }
      const length = Number(header(response.headers, 'content-length'));
      if (Number.isFinite(length) && length > maxBytes) {
        response.body.destroy();
        throw new FetchError('too-large', `response body is ${length} bytes, over the limit of ${maxBytes}`, asked);
      }
      const bytes = await readBody(response.body, header(response.headers, 'content-encoding') ?? '', maxBytes, asked);
      return { ...base, notModified: false, contentType: header(response.headers, 'content-type'), bytes };
    }
  }

  return {
    async fetch(url, validators = {}, signal) {
      try {
        return await fetchOnce(url, validators, signal);
      } catch (error) {
        throw fetchFailure(error, url, { timeoutMs, connectTimeoutMs, signal });
      }
    },
    close: () => agent.close(),
  };
}

/** One fetch with its own connections, closed afterwards. */
export async function fetchUrl(url: string, options: FetchOptions = {}, validators?: Validators, signal?: AbortSignal): Promise<FetchResult> {
  const fetcher = createFetcher(options);
  try {
    return await fetcher.fetch(url, validators, signal);
  } finally {
    await fetcher.close();
  }
}
