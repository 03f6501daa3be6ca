import { sniffPrefix } from './decode.js';
import type { RawInput } from './types.js';

export type FormatName = 'text' | 'html' | 'feed' | 'jsonl';

const BY_CONTENT_TYPE: Record<string, FormatName> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/rss+xml': 'feed',
  'application/atom+xml': 'feed',
  'application/rdf+xml': 'feed',
  'application/xml': 'feed',
  'text/xml': 'feed',
  'application/json': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/x-jsonlines': 'jsonl',
  'application/x-ndjson': 'jsonl',
  'application/ndjson': 'jsonl',
  'text/plain': 'text',
  'text/markdown': 'text',
};

const BY_EXTENSION: Record<string, FormatName> = {
  txt: 'text', text: 'text', md: 'text', markdown: 'text',
  html: 'html', htm: 'html', xhtml: 'html',
  xml: 'feed', rss: 'feed', atom: 'feed', rdf: 'feed',
  json: 'jsonl', jsonl: 'jsonl', ndjson: 'jsonl',
};

/**
 * Which reader takes an input: its content type, else its file extension, else a sniff of its
 * first characters; plain text when nothing tells.
 */
export function detectFormat(input: RawInput): FormatName {
  const type = input.contentType?.split(';')[0]?.trim().toLowerCase();
  const byType = type ? BY_CONTENT_TYPE[type] : undefined;
  if (byType) return byType;
  const extension = extensionOf(input.origin);
  const byExtension = extension ? BY_EXTENSION[extension] : undefined;
  return byExtension ?? sniffFormat(input.bytes);
}

/** The lower-cased extension of a path or URL, without query or fragment (`a/b.HTML?x#y` → `html`). */
export function extensionOf(origin: string): string | null {
  let path = origin;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(origin)) {
    try {
      path = new URL(origin).pathname;
    } catch {
      /* not a URL after all: use it as a path */
    }
  }
  const name = path.split(/[\\/]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : null;
}

function sniffFormat(bytes: Uint8Array): FormatName {
  const head = sniffPrefix(bytes).replace(/^\s+/, '').toLowerCase();
  if (/^<(rss|feed|rdf:rdf)\b/.test(head)) return 'feed';
  if (head.startsWith('<?xml')) {
    if (/<(rss|feed|rdf:rdf)\b/.test(head)) return 'feed';
    if (/<(!doctype html|html)\b/.test(head)) return 'html';
  }
  if (/^(<!--[\s\S]*?-->\s*)?<(!doctype html|html|head|body)\b/.test(head)) return 'html';
  const firstLine = head.split('\n')[0] ?? '';
  if (firstLine.startsWith('{') || /^\[\s*(\{|$)/.test(firstLine)) return 'jsonl';
  return 'text';
}
