import { systemClock, type Clock } from './clock.js';

/**
 * Pause between two requests to one host: a second is the usual crawl-delay of polite
 * crawlers, and one poll rarely sends a host more than a handful of requests.
 */
export const HOST_DELAY_MS = 1000;

/**
 * Per-host politeness: tasks for one host run one at a time, each starting at least
 * `delayMs` after the previous one ended; tasks for different hosts run freely.
 * @example await hosts.run('lemonde.fr', () => fetcher.fetch(url));
 */
export class HostQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly lastEnd = new Map<string, number>();

  constructor(
    private readonly delayMs = HOST_DELAY_MS,
    private readonly clock: Clock = systemClock,
  ) {}

  /** The host part of a URL, the key requests are spaced by. */
  static hostOf(url: string): string {
    try {
      return new URL(url).host.toLowerCase();
    } catch {
      return url;
    }
  }

  async run<T>(host: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const previous = this.tails.get(host) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => { release = resolve; });
    const tail = previous.then(() => mine);
    this.tails.set(host, tail);
    try {
      await previous;
      const last = this.lastEnd.get(host);
      const wait = last === undefined ? 0 : last + this.delayMs - this.clock.now();
      if (wait > 0) await this.clock.sleep(wait, signal);
      signal?.throwIfAborted();
      return await task();
    } finally {
      this.lastEnd.set(host, this.clock.now());
      release();
      if (this.tails.get(host) === tail) this.tails.delete(host);
    }
  }
}
