import { open, stat } from 'node:fs/promises';
import { readUrl, type ReadUrlOptions } from '../sources/read-url.js';
import { isUrlInput } from '../sources/url-input.js';
import { walkDirectory } from './expand-paths.js';
import { extensionOf } from './format.js';
import { failed, unreadable } from './outcome.js';
import { readInput } from './read-input.js';
import type { ReadOutcome } from './types.js';

/** Largest input read: 20 MiB, far above any news article, below what would strain memory. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * Extensions of formats that are clearly not text. Such files are not read at all: each gives a
 * NOT_TEXT error (so a user sees what was left out) instead of a decode of its bytes.
 */
export const BINARY_EXTENSIONS = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp', 'ico', 'tif', 'tiff', 'heic', 'avif', 'psd',
  'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'odp', 'epub',
  'zip', 'gz', 'tgz', 'bz2', 'xz', 'zst', '7z', 'rar', 'tar', 'jar',
  'mp3', 'mp4', 'm4a', 'wav', 'ogg', 'flac', 'mov', 'avi', 'mkv', 'webm',
  'exe', 'dll', 'so', 'dylib', 'bin', 'o', 'a', 'class', 'wasm', 'pyc',
  'sqlite', 'db', 'woff', 'woff2', 'ttf', 'otf', 'eot',
]);

export interface ReadPathsOptions {
  /** Inputs larger than this are refused with TOO_LARGE, unread (default DEFAULT_MAX_BYTES). */
  maxBytes?: number;
  /** What `-` reads (default process.stdin). */
  stdin?: NodeJS.ReadableStream;
  /**
   * How URLs are fetched: limits, `allowPrivate`, a fetcher to reuse. `maxBytes` above does
   * not apply to them; theirs is FETCH_MAX_BYTES unless given here.
   */
  fetch?: ReadUrlOptions;
}

async function readStdin(stream: NodeJS.ReadableStream, maxBytes: number): Promise<ReadOutcome[]> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
      size += buffer.length;
      if (size > maxBytes) return [failed('TOO_LARGE', `standard input is over ${maxBytes} bytes`, '-')];
      chunks.push(buffer);
    }
  } catch (e) {
    return [unreadable(e, '-')];
  }
  return readInput({ origin: '-', bytes: Buffer.concat(chunks) });
}

async function readFileLimited(path: string, size: number, maxBytes: number): Promise<ReadOutcome[]> {
  if (size > maxBytes) return [failed('TOO_LARGE', `${size} bytes, over the limit of ${maxBytes}`, path)];
  const extension = extensionOf(path);
  if (extension && BINARY_EXTENSIONS.has(extension)) {
    return [failed('NOT_TEXT', `.${extension} is not a text format; not read`, path)];
  }
  let bytes: Buffer;
  try {
    const handle = await open(path, 'r');
    try {
      // Read at most maxBytes + 1, in case the file grew since it was measured.
      const buffer = Buffer.alloc(Math.min(size, maxBytes) + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      if (bytesRead > maxBytes) return [failed('TOO_LARGE', `over the limit of ${maxBytes} bytes`, path)];
      bytes = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (e) {
    return [unreadable(e, path)];
  }
  return readInput({ origin: path, bytes });
}

async function readPath(path: string, maxBytes: number): Promise<ReadOutcome[]> {
  try {
    const info = await stat(path);
    return await readFileLimited(path, info.size, maxBytes);
  } catch (e) {
    return [unreadable(e, path)];
  }
}

/**
 * Reads files, directories (recursively, sorted, hidden entries skipped), `-` (standard input)
 * and http(s) URLs (fetched; other schemes refused). Never throws for a bad input: it yields
 * `{ ok: false, error }` naming the input and goes on.
 * @example for await (const outcome of readPaths(['news/', '-', 'https://example.org/feed.xml'])) if (outcome.ok) console.log(outcome.doc.origin);
 */
export async function* readPaths(paths: string[], options: ReadPathsOptions = {}): AsyncGenerator<ReadOutcome> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  for (const path of paths) {
    if (path === '-') {
      yield* await readStdin(options.stdin ?? process.stdin, maxBytes);
      continue;
    }
    if (isUrlInput(path)) {
      yield* await readUrl(path, options.fetch);
      continue;
    }
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(path)).isDirectory();
    } catch (e) {
      yield unreadable(e, path);
      continue;
    }
    if (!isDirectory) {
      yield* await readPath(path, maxBytes);
      continue;
    }
    let files = 0;
    for await (const entry of walkDirectory(path)) {
      if (typeof entry !== 'string') {
        yield entry;
        continue;
      }
      files++;
      yield* await readPath(entry, maxBytes);
    }
    if (files === 0) yield failed('EMPTY', 'directory holds no files to read', path);
  }
}
