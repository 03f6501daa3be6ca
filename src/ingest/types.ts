import type { DocSource } from '../core/record.js';
import type { VeilleError } from '../core/errors.js';

/** Bytes to read, and where they came from. */
export interface RawInput {
  /** The path or URL as given by the user (`-` for stdin). */
  origin: string;
  bytes: Uint8Array;
  /** A MIME type when known (HTTP Content-Type, or guessed from the file name). */
  contentType?: string | null;
}

/** What a reader extracts from an input, before normalization and language identification. */
export interface IngestedDocument {
  /** Where it was read from: a path, URL, or `path#line` / `path#item` for one of many. */
  origin: string;
  text: string;
  title: string | null;
  /** ISO 8601 as precise as known (`2023-10`, `2023-10-18`), or null. */
  date: string | null;
  source: DocSource;
  /** A language the input declares (HTML lang, JSONL field), or null to detect it. */
  language: string | null;
}

export type ReadOutcome = { ok: true; doc: IngestedDocument } | { ok: false; error: VeilleError };

/** One input format. Readers are pure: bytes in, documents (or errors naming the input) out. */
export interface Reader {
  readonly name: string;
  /** Whether this reader takes the input (by content type, name, or a sniff of the bytes). */
  accepts(input: RawInput): boolean;
  read(input: RawInput): ReadOutcome[];
}
