import { parseHTML } from 'linkedom';

type ParsedDocument = ReturnType<typeof parseHTML>['document'];

const HTML_OPEN = /<html\b([^>]*)>/i;
const HEAD = /<head\b[^>]*>([\s\S]*?)(?:<\/head\s*>|(?=<body\b)|$)/i;
const BODY_OPEN = /<body\b([^>]*)>/i;

/**
 * Parses a page into a document whose `<body>` holds its content. linkedom is no HTML5 tree
 * builder: without an `<html>` element, or with content outside `<body>`, it leaves that content
 * out of the body. So the page is first cut into head and body and put back into a clean skeleton.
 */
export function parseHtmlDocument(html: string): ParsedDocument {
  const htmlAttributes = HTML_OPEN.exec(html)?.[1] ?? '';
  const head = HEAD.exec(html);
  const bodyOpen = BODY_OPEN.exec(html);
  let body: string;
  if (bodyOpen) body = html.slice(bodyOpen.index + bodyOpen[0].length);
  else if (head) body = html.slice(head.index + head[0].length);
  else {
    const open = HTML_OPEN.exec(html);
    body = open ? html.slice(open.index + open[0].length) : html.replace(/^\s*<!doctype[^>]*>/i, '');
  }
  body = body.replace(/<\/body\s*>[\s\S]*$|<\/html\s*>[\s\S]*$/i, '');
  return parseHTML(
    `<!DOCTYPE html><html${htmlAttributes}><head>${head?.[1] ?? ''}</head><body${bodyOpen?.[1] ?? ''}>${body}</body></html>`,
  ).document;
}
