import { feedReader } from './feed.js';
import { detectFormat, type FormatName } from './format.js';
import { htmlReader } from './html.js';
import { jsonlReader } from './jsonl.js';
import { failure } from './outcome.js';
import { textReader } from './text.js';
import type { RawInput, ReadOutcome, Reader } from './types.js';

/** Every reader, by the format it reads. */
export const READERS: Readonly<Record<FormatName, Reader>> = {
  text: textReader,
  html: htmlReader,
  feed: feedReader,
  jsonl: jsonlReader,
};

/**
 * Reads one input with the reader its content type, extension or first bytes call for
 * (plain text when nothing tells). Never throws: a bad input gives `{ ok: false, error }`.
 * @example readInput({ origin: 'a.txt', bytes: new TextEncoder().encode('Hello.') })[0] // { ok: true, doc: … }
 */
export function readInput(input: RawInput): ReadOutcome[] {
  try {
    return READERS[detectFormat(input)].read(input);
  } catch (e) {
    // Readers catch their own errors; this guards against a bug turning into a crash.
    return [failure(e, input.origin)];
  }
}
