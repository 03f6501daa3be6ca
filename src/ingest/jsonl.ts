import { VeilleError } from '../core/errors.js';
import type { DocSource } from '../core/record.js';
import { cleanBody } from './boilerplate.js';
import { decodeText } from './decode.js';
import { detectFormat } from './format.js';
import { primaryLanguage } from './html-meta.js';
import { isoDate } from './iso-date.js';
import { failed, failure, success } from './outcome.js';
import { joinParagraphs, splitParagraphs, unixLines } from './paragraphs.js';
import type { IngestedDocument, RawInput, ReadOutcome, Reader } from './types.js';

type Json = Record<string, unknown>;

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** `source` as a name (`"Reuters"`) or `{name, url}`; a top-level `url` fills source.url. */
function sourceOf(record: Json): DocSource {
  const source = record.source;
  if (source && typeof source === 'object' && !Array.isArray(source)) {
    const { name, url } = source as Json;
    return { name: str(name), url: str(url) ?? str(record.url) };
  }
  return { name: str(source), url: str(record.url) };
}

/** One JSON record as a document, or why not (`where` names it in messages: `line 3`). */
export function recordToDocument(value: unknown, origin: string, where: string): IngestedDocument {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new VeilleError('MALFORMED', `${where}: not a JSON object`, origin);
  }
  const record = value as Json;
  if (typeof record.text !== 'string') throw new VeilleError('MALFORMED', `${where}: no "text" field`, origin);
  const text = joinParagraphs(cleanBody(splitParagraphs(record.text)).paragraphs);
  if (text === '') throw new VeilleError('EMPTY', `${where}: "text" is empty`, origin);
  return {
    origin,
    text,
    title: str(record.title),
    date: isoDate(str(record.date)),
    source: sourceOf(record),
    language: primaryLanguage(str(record.language)),
  };
}

/** A whole-file JSON array (`[{…}, {…}]`), read as records `#1`, `#2`, … */
function readArray(items: unknown[], origin: string): ReadOutcome[] {
  return items.map((item, i) => {
    const itemOrigin = `${origin}#${i + 1}`;
    try {
      return success(recordToDocument(item, itemOrigin, `item ${i + 1}`));
    } catch (e) {
      return failure(e, itemOrigin);
    }
  });
}

function parseWhole(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * JSON Lines: one `{text, title?, date?, source?, url?, language?}` per line, origin `<origin>#L<n>`.
 * A bad line is reported and the others are still read. A `.json` file holding one object
 * (even pretty-printed) or an array of them is read too.
 */
export const jsonlReader: Reader = {
  name: 'jsonl',
  accepts: (input) => detectFormat(input) === 'jsonl',
  read(input: RawInput): ReadOutcome[] {
    const { origin } = input;
    let content: string;
    try {
      content = unixLines(decodeText(input));
    } catch (e) {
      return [failure(e, origin)];
    }
    const whole = /^\s*\[/.test(content) ? parseWhole(content) : undefined;
    if (Array.isArray(whole)) return whole.length ? readArray(whole, origin) : [failed('EMPTY', 'empty JSON array', origin)];
    const lines = content.split('\n');
    const outcomes: ReadOutcome[] = [];
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      const lineOrigin = `${origin}#L${i + 1}`;
      try {
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch {
          throw new VeilleError('MALFORMED', `malformed JSON at line ${i + 1}`, lineOrigin);
        }
        outcomes.push(success(recordToDocument(value, lineOrigin, `line ${i + 1}`)));
      } catch (e) {
        outcomes.push(failure(e, lineOrigin));
      }
    });
    // A pretty-printed single object fails line by line but parses whole.
    const single = outcomes.every((o) => !o.ok) ? parseWhole(content) : undefined;
    if (single && typeof single === 'object' && !Array.isArray(single)) {
      try {
        return [success(recordToDocument(single, origin, 'document'))];
      } catch (e) {
        return [failure(e, origin)];
      }
    }
    return outcomes;
  },
};
