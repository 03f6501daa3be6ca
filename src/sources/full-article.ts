import type { IngestedDocument } from '../ingest/types.js';
import type { Fetcher } from './fetcher.js';
import type { ItemFacts } from './feed-items.js';
import { HostQueue } from './host-queue.js';
import { fetchedInput, readFetched } from './read-url.js';

/** Item text shorter than this is a teaser even when it comes as full content (a lede, a "read more"). */
export const SUMMARY_MAX_CHARS = 600;
/**
 * A description without a content element is taken as a summary below this length; above it,
 * the feed carries the article in its description (many RSS 2.0 feeds do), and it is used as is.
 */
export const DESCRIPTION_FULL_MIN_CHARS = 2000;

/** Whether an item's body is only a summary, worth replacing by the article at its link. */
export function isSummaryOnly(doc: IngestedDocument | null, facts: ItemFacts | undefined): boolean {
  if (!facts?.link) return false;
  const length = doc?.text.length ?? 0;
  return length < SUMMARY_MAX_CHARS || (!facts.hasContent && length < DESCRIPTION_FULL_MIN_CHARS);
}

/**
 * The article at an item's link, fetched with the watcher's limits, address guard and
 * politeness, merged with what the feed says of the item: the feed's title, date and outlet
 * name win (they are structured), the page gives the text. The item as it was when the
 * page cannot be read or holds less text than the summary.
 */
export async function withFullArticle(
  item: IngestedDocument | null,
  link: string,
  deps: { fetcher: Fetcher; hosts: HostQueue; signal: AbortSignal },
): Promise<{ doc: IngestedDocument | null; error: unknown }> {
  let page: IngestedDocument | undefined;
  try {
    const fetched = await deps.hosts.run(HostQueue.hostOf(link), () => deps.fetcher.fetch(link, {}, deps.signal), deps.signal);
    if (fetched.notModified) return { doc: item, error: null };
    const first = readFetched(fetchedInput(fetched, link))[0];
    if (!first?.ok) return { doc: item, error: first?.error ?? null };
    page = first.doc;
  } catch (error) {
    return { doc: item, error };
  }
  if (item && page.text.length <= item.text.length) return { doc: item, error: null };
  return {
    doc: {
      origin: link,
      text: page.text,
      title: item?.title ?? page.title,
      date: item?.date ?? page.date,
      source: { name: item?.source.name ?? page.source.name, url: link },
      language: page.language ?? item?.language ?? null,
    },
    error: null,
  };
}
