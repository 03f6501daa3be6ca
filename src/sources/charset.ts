import { isUtf8 } from '../ingest/decode.js';

/** How far into a page a `<meta charset>` or XML declaration is looked for (the HTML standard's 1024 bytes). */
const PRESCAN_BYTES = 1024;
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.+-]+)/i;
const XML_ENCODING = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([a-z0-9_:.+-]+)["']/i;
/** Encodings decodeText recognizes by itself (BOMs, NUL patterns, UTF-8 validity). */
const SELF_DETECTED = new Set(['utf-8', 'utf-16le', 'utf-16be']);

/** The WHATWG name of an encoding label (`latin1` → `windows-1252`), or null when unknown. */
export function encodingName(label: string): string | null {
  try {
    const name = new TextDecoder(label.trim()).encoding;
    // 'replacement' stands for encodings that are unsafe to decode (ISO-2022-KR…): decoding gives U+FFFD only.
    return name === 'replacement' ? null : name;
  } catch {
    return null;
  }
}

/**
 * The charset a response declares: the Content-Type `charset` parameter, else a `<meta>`
 * charset or an XML declaration's encoding near the start of the bytes. Null when none or
 * unknown.
 * @example declaredCharset('text/html; charset=ISO-8859-1', bytes) // 'windows-1252'
 */
export function declaredCharset(contentType: string | null, bytes: Uint8Array): string | null {
  const parameter = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1];
  if (parameter) return encodingName(parameter);
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1');
  const inDocument = XML_ENCODING.exec(head)?.[1] ?? META_CHARSET.exec(head)?.[1];
  return inDocument ? encodingName(inDocument) : null;
}

function hasBom(bytes: Uint8Array): boolean {
  const [a, b, c] = bytes;
  return (a === 0xef && b === 0xbb && c === 0xbf) || (a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff);
}

function isAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte > 0x7f) return false;
  return true;
}

/**
 * Bytes in a declared legacy charset (Windows-1252, ISO-8859-x, KOI8-R…) re-encoded as UTF-8,
 * so that the readers, which detect UTF-8/UTF-16 and fall back to Windows-1252, read them
 * right. Left as they are: no or an unknown charset, a UTF charset (the readers detect those,
 * and fall back when a page declared UTF-8 is not), a BOM (it wins over any declaration, as
 * in browsers), pure ASCII, and bytes that are valid UTF-8 with non-ASCII in them — a page
 * re-encoded to UTF-8 without its declaration being updated, the common wrong charset.
 */
export function toUtf8(bytes: Uint8Array, charset: string | null): Uint8Array {
  if (charset === null || SELF_DETECTED.has(charset) || hasBom(bytes) || isAscii(bytes) || isUtf8(bytes)) return bytes;
  return new TextEncoder().encode(new TextDecoder(charset).decode(bytes));
}
