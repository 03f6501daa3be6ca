import { Readability } from '@mozilla/readability';
import { cleanBody } from './boilerplate.js';
import { decodeText } from './decode.js';
import { detectFormat } from './format.js';
import { parseHtmlDocument } from './html-document.js';
import { readHtmlMeta, timeElementDate, type MetaDocument } from './html-meta.js';
import { htmlParagraphs, nodeParagraphs, type TextNode } from './html-text.js';
import { isoDate } from './iso-date.js';
import { failed, failure, success } from './outcome.js';
import { joinParagraphs } from './paragraphs.js';
import type { RawInput, ReadOutcome, Reader } from './types.js';

/** Page furniture left out when Readability finds no article and the whole body is used. */
const FURNITURE = 'script, style, noscript, template, nav, header, footer, aside, form, iframe, svg';

/** Readability's article, or null when it finds none or fails on a broken page. */
function readArticle(document: unknown): ReturnType<Readability['parse']> {
  try {
    return new Readability(document as ConstructorParameters<typeof Readability>[0]).parse();
  } catch {
    return null;
  }
}

/**
 * An HTML page: the article found by Readability, as paragraphs, with the page's title, date,
 * site name, canonical URL and declared language.
 */
export const htmlReader: Reader = {
  name: 'html',
  accepts: (input) => detectFormat(input) === 'html',
  read(input: RawInput): ReadOutcome[] {
    const { origin } = input;
    try {
      const document = parseHtmlDocument(decodeText(input));
      const head = document as unknown as MetaDocument;
      // Metadata first: Readability rewrites the document it reads.
      const meta = readHtmlMeta(head, origin);
      const timeDate = timeElementDate(head);
      const article = readArticle(document);
      let paragraphs = article?.content ? htmlParagraphs(article.content) : [];
      if (paragraphs.length === 0 && document.body) {
        for (const node of document.body.querySelectorAll(FURNITURE)) node.remove();
        paragraphs = nodeParagraphs(document.body as unknown as TextNode);
      }
      const body = cleanBody(paragraphs);
      const text = joinParagraphs(body.paragraphs);
      if (text === '') return [failed('EMPTY', 'no article text in the HTML', origin)];
      return [success({
        origin,
        text,
        title: meta.title ?? (article?.title?.trim() || null) ?? meta.heading,
        date: meta.date ?? isoDate(article?.publishedTime ?? null) ?? timeDate,
        source: { name: meta.siteName ?? (article?.siteName?.trim() || null) ?? body.outlet, url: meta.url },
        language: meta.language,
      })];
    } catch (e) {
      return [failure(e, origin)];
    }
  },
};
