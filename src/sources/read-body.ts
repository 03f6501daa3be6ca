import { pipeline, type Readable, type Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { FetchError } from './fetch-error.js';

/** Content codings the fetcher asks for and can undo. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

function decoder(encoding: string, url: string): Transform | null {
  switch (encoding) {
    case '':
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      throw new FetchError('network', `unsupported content encoding "${encoding}"`, url);
  }
}

/**
 * Reads a response body, decompressed, keeping at most `maxBytes`: the stream is destroyed
 * as soon as the count goes past it (the cap applies after decompression, so a small gzip
 * bomb is stopped too), and nothing beyond the cap is ever held in memory.
 */
export async function readBody(body: Readable, contentEncoding: string, maxBytes: number, url: string): Promise<Uint8Array> {
  const inflate = decoder(contentEncoding.trim().toLowerCase(), url);
  // pipeline forwards the body's errors (and a timeout's) to the decompressor, where the loop sees them.
  const stream: Readable = inflate ? pipeline(body, inflate, () => undefined) : body;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) throw new FetchError('too-large', `response body is over the limit of ${maxBytes} bytes`, url);
      chunks.push(chunk);
    }
  } catch (error) {
    stream.destroy();
    body.destroy();
    throw error;
  }
  return Buffer.concat(chunks, size);
}
