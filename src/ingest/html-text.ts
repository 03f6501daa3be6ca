import { parseHTML } from 'linkedom';
import { joinParagraphs, splitParagraphs } from './paragraphs.js';

/** The part of a DOM node the text walk needs; linkedom's nodes have it. */
export interface TextNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<TextNode>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements that start and end a paragraph. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'HTML', 'LI', 'MAIN', 'NAV', 'OL', 'P',
  'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);

/** Elements whose content is never article text (code, styling, media, controls, captions). */
const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO',
  'HEAD', 'TITLE', 'META', 'LINK', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'FIGCAPTION',
]);

/** HTML's own white space (not U+00A0, which French typography uses on purpose). */
const HTML_SPACE = /[ \t\n\r\f]+/g;

/**
 * The paragraphs of a DOM subtree: each block element is a paragraph, inline text runs on,
 * `<br>` is a line break (two of them a paragraph break); scripts and styles never leak in.
 */
export function nodeParagraphs(root: TextNode): string[] {
  const blocks: string[] = [];
  let current = '';
  const flush = (): void => {
    blocks.push(current);
    current = '';
  };
  const walk = (node: TextNode, pre: boolean): void => {
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? '';
      current += pre ? text : text.replace(HTML_SPACE, ' ');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name)) return;
    if (name === 'BR') {
      current += '\n';
      return;
    }
    const block = BLOCKS.has(name);
    if (block) flush();
    for (let i = 0; i < node.childNodes.length; i++) {
      const child = node.childNodes[i];
      if (child) walk(child, pre || name === 'PRE');
    }
    if (block) flush();
  };
  walk(root, false);
  return blocks.flatMap((block) =>
    splitParagraphs(block).map((p) => p.split('\n').map((line) => line.replace(/ {2,}/g, ' ').trim()).join('\n')),
  );
}

/** The paragraphs of an HTML fragment (feed content); plain text without tags keeps its own breaks. */
export function htmlParagraphs(html: string): string[] {
  if (!/<[a-z!/]/i.test(html)) return splitParagraphs(decodeEntities(html));
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  return nodeParagraphs(document.body as unknown as TextNode);
}

/** The text of an HTML fragment, paragraphs separated by a blank line. */
export function htmlToText(html: string): string {
  return joinParagraphs(htmlParagraphs(html));
}

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  const { document } = parseHTML('<!DOCTYPE html><html><body><pre></pre></body></html>');
  const pre = document.querySelector('pre');
  if (!pre) return text;
  pre.innerHTML = text.replace(/</g, '&lt;');
  return pre.textContent ?? text;
}
