import { cleanBody } from './boilerplate.js';
import { decodeText } from './decode.js';
import { detectFormat } from './format.js';
import { isoDate } from './iso-date.js';
import { failed, failure, success } from './outcome.js';
import { joinParagraphs, splitParagraphs, unixLines } from './paragraphs.js';
import type { RawInput, ReadOutcome, Reader } from './types.js';

/** The seed format's date marker opening the first line: ` date 2023-10 First paragraph…`. */
const DATE_MARKER = /^[^\S\n]*date:?[^\S\n]+(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?=\s|$)[^\S\n]*/i;
/** A Markdown level-1 heading on the first line is the one title plain text can state. */
const MARKDOWN_TITLE = /^#[^\S\n]+(.+?)[^\S\n]*#*[^\S\n]*(?:\n|$)/;

/** Splits the seed format's date marker off the start of a text. */
export function takeDateMarker(text: string): { date: string | null; rest: string } {
  const match = DATE_MARKER.exec(text);
  const date = match ? isoDate(match[1]) : null;
  return date && match ? { date, rest: text.slice(match[0].length) } : { date: null, rest: text };
}

/**
 * Plain text and Markdown, including the seed format: a leading ` date YYYY-MM` marker gives the
 * date, an outlet's lead marker `(Outlet) — ` gives the source, outlet boilerplate is dropped.
 */
export const textReader: Reader = {
  name: 'text',
  accepts: (input) => detectFormat(input) === 'text',
  read(input: RawInput): ReadOutcome[] {
    const { origin } = input;
    try {
      const { date, rest } = takeDateMarker(unixLines(decodeText(input)).replace(/^\s*\n/, ''));
      const heading = date ? null : MARKDOWN_TITLE.exec(rest);
      const body = cleanBody(splitParagraphs(heading ? rest.slice(heading[0].length) : rest));
      const text = joinParagraphs(body.paragraphs);
      if (text === '') return [failed('EMPTY', 'no text left once outlet boilerplate is removed', origin)];
      return [success({
        origin,
        text,
        title: heading?.[1] ?? null,
        date,
        source: { name: body.outlet, url: null },
        language: null,
      })];
    } catch (e) {
      return [failure(e, origin)];
    }
  },
};
