import { parseFeed } from '@rowanmanning/feed-parser';
import { decodeText } from '../ingest/decode.js';
import { detectFormat } from '../ingest/format.js';
import type { RawInput } from '../ingest/types.js';

/** What the watcher needs to know of a feed item beyond its document. */
export interface ItemFacts {
  /** The item's link, absolute (resolved against the feed's URL), or null. */
  link: string | null;
  /** The item's guid (RSS) or id (Atom), or null. */
  guid: string | null;
  /** Whether the item has a full-content element (content:encoded, Atom content), not only a description. */
  hasContent: boolean;
}

function absolute(link: string | null, base: string): string | null {
  if (!link) return null;
  try {
    const url = new URL(link, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The facts of each item of a feed, in the order the feed reader gives its documents; null
 * when the input is not a feed or does not parse (the reader reports that).
 */
export function feedItemFacts(input: RawInput, baseUrl: string): ItemFacts[] | null {
  if (detectFormat(input) !== 'feed') return null;
  try {
    return parseFeed(decodeText(input)).items.map((item) => ({
      link: absolute(item.url, baseUrl),
      guid: item.id?.trim() || null,
      hasContent: Boolean(item.content?.trim()),
    }));
  } catch {
    return null;
  }
}

/**
 * The keys an item is remembered by: its link (the same article in two feeds is one item)
 * and its guid, scoped to the source (guids are only unique within a feed).
 */
export function itemKeys(sourceId: number, facts: ItemFacts | undefined): string[] {
  const keys: string[] = [];
  if (facts?.link) keys.push(`link:${facts.link}`);
  if (facts?.guid) keys.push(`guid:${sourceId}:${facts.guid}`);
  return keys;
}
