import { parseFeed } from '@rowanmanning/feed-parser';
import { VeilleError } from '../core/errors.js';
import { cleanBody } from './boilerplate.js';
import { decodeText } from './decode.js';
import { detectFormat } from './format.js';
import { primaryLanguage } from './html-meta.js';
import { htmlParagraphs } from './html-text.js';
import { isoDate } from './iso-date.js';
import { failed, failure, success } from './outcome.js';
import { joinParagraphs } from './paragraphs.js';
import type { RawInput, ReadOutcome, Reader } from './types.js';

type Feed = ReturnType<typeof parseFeed>;
type FeedItem = Feed['items'][number];

/**
 * Date elements read as written, before the parser turns them into UTC instants. Names are as
 * the parser lower-cases them; `date` is Dublin Core's `dc:date`.
 */
const DATE_ELEMENTS = ['pubdate', 'published', 'updated', 'date', 'issued'];

/** The item's date as the feed states it (a late-evening RFC 822 date keeps its own day). */
function itemDate(item: FeedItem): string | null {
  for (const name of DATE_ELEMENTS) {
    const date = isoDate(item.element.findElementWithName(name)?.textContent ?? null);
    if (date) return date;
  }
  return isoDate(item.published ?? item.updated);
}

function itemParagraphs(item: FeedItem): string[] {
  for (const html of [item.content, item.description]) {
    const paragraphs = html ? cleanBody(htmlParagraphs(html)).paragraphs : [];
    if (paragraphs.length > 0) return paragraphs;
  }
  return [];
}

/**
 * RSS (0.9x–2.0, RDF) and Atom feeds: one document per item, its text from the content (or the
 * description/summary), its source the feed's title and the item's link.
 */
export const feedReader: Reader = {
  name: 'feed',
  accepts: (input) => detectFormat(input) === 'feed',
  read(input: RawInput): ReadOutcome[] {
    const { origin } = input;
    let feed: Feed;
    try {
      feed = parseFeed(decodeText(input));
    } catch (e) {
      if (e instanceof VeilleError) return [failure(e, origin)];
      return [failed('MALFORMED', `malformed feed: ${e instanceof Error ? e.message : String(e)}`, origin)];
    }
    if (feed.items.length === 0) return [failed('EMPTY', 'feed has no items', origin)];
    const language = primaryLanguage(feed.language);
    return feed.items.map((item, i) => {
      const itemOrigin = `${origin}#${item.url ?? i + 1}`;
      try {
        const text = joinParagraphs(itemParagraphs(item));
        if (text === '') return failed('EMPTY', `feed item ${i + 1} has no text`, itemOrigin);
        return success({
          origin: itemOrigin,
          text,
          title: item.title?.trim() || null,
          date: itemDate(item),
          source: { name: feed.title?.trim() || null, url: item.url },
          language,
        });
      } catch (e) {
        return failure(e, itemOrigin);
      }
    });
  },
};
