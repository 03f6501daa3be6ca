import { isoDate } from './iso-date.js';

/** The few DOM calls the metadata lookup needs; linkedom's document has them. */
export interface MetaElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
}
export interface MetaDocument {
  documentElement: MetaElement | null;
  querySelector(selector: string): MetaElement | null;
}

export interface HtmlMeta {
  /** og:title or twitter:title: the headline without the site's name. */
  title: string | null;
  /** The first `<h1>`, a last resort for the title. */
  heading: string | null;
  date: string | null;
  siteName: string | null;
  url: string | null;
  language: string | null;
}

/** Publication-date metadata, most specific first; `<time>` last, as a page may hold several. */
const DATE_SELECTORS = [
  'meta[property="article:published_time"]', 'meta[name="article:published_time"]',
  'meta[property="og:published_time"]', 'meta[itemprop="datePublished"]',
  'meta[name="date"]', 'meta[name="pubdate"]', 'meta[name="publishdate"]', 'meta[name="publish-date"]',
  'meta[name="DC.date.issued"]', 'meta[name="dc.date.issued"]', 'meta[name="DC.date"]', 'meta[name="dcterms.date"]',
  'meta[name="sailthru.date"]', 'meta[property="og:updated_time"]',
];
const TIME_SELECTORS = ['time[itemprop="datePublished"]', 'time[pubdate]', 'time[datetime]'];

/** Title, date, site name, canonical URL and declared language from an HTML document's head. */
export function readHtmlMeta(document: MetaDocument, origin: string): HtmlMeta {
  const first = (selectors: string[], attribute = 'content'): string | null => {
    for (const selector of selectors) {
      const value = document.querySelector(selector)?.getAttribute(attribute)?.trim();
      if (value) return value;
    }
    return null;
  };
  const h1 = document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() || null;
  const lang = document.documentElement?.getAttribute('lang')
    ?? first(['meta[http-equiv="content-language"]', 'meta[http-equiv="Content-Language"]', 'meta[property="og:locale"]']);
  return {
    title: first(['meta[property="og:title"]', 'meta[name="twitter:title"]']),
    heading: h1,
    date: isoDate(first(DATE_SELECTORS) ?? null),
    siteName: first(['meta[property="og:site_name"]', 'meta[name="application-name"]']),
    url: absoluteUrl(first(['link[rel="canonical"]'], 'href') ?? first(['meta[property="og:url"]']), origin),
    language: primaryLanguage(lang),
  };
}

/** A `<time datetime>` date, read apart because Readability's JSON-LD date should win over it. */
export function timeElementDate(document: MetaDocument): string | null {
  for (const selector of TIME_SELECTORS) {
    const date = isoDate(document.querySelector(selector)?.getAttribute('datetime') ?? null);
    if (date) return date;
  }
  return null;
}

/** `fr-FR`, `fr_FR`, `FR` → `fr`; anything that is not a language subtag → null. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

/** An http(s) URL, a relative one resolved against an origin that is itself a URL; else null. */
export function absoluteUrl(href: string | null, origin: string): string | null {
  if (!href) return null;
  try {
    const base = /^https?:\/\//i.test(origin) ? origin : undefined;
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
