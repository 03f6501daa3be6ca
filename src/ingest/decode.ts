import { VeilleError } from '../core/errors.js';
import type { RawInput } from './types.js';
import { decodeWindows1252 } from './windows-1252.js';

/** How many leading bytes are inspected to tell text from binary. */
const SNIFF_BYTES = 8192;
/** Above this share of control bytes the input is taken as binary (text has almost none). */
const MAX_CONTROL_SHARE = 0.05;

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * Bytes to a string: UTF-8 (BOM or not), UTF-16 LE/BE (BOM, or a clear NUL pattern), else
 * Windows-1252 when the bytes are not valid UTF-8. Throws VeilleError NOT_TEXT for binary
 * content and EMPTY when nothing but whitespace is left; both name `input.origin`.
 * @example decodeText({ origin: 'a.txt', bytes: Uint8Array.of(0xe9, 0x74, 0xe9) }) // 'été'
 */
export function decodeText(input: RawInput): string {
  const { bytes, origin } = input;
  const { encoding, skip } = detectEncoding(bytes);
  const singleByte = encoding === 'utf-8' || encoding === 'windows-1252';
  if (singleByte && looksBinary(bytes.subarray(skip, skip + SNIFF_BYTES))) {
    throw new VeilleError('NOT_TEXT', 'binary content, not text', origin);
  }
  const text = decodeAs(bytes.subarray(skip), encoding);
  if (!singleByte && looksBinaryText(text.slice(0, SNIFF_BYTES))) {
    throw new VeilleError('NOT_TEXT', 'binary content, not text', origin);
  }
  if (text.trim() === '') throw new VeilleError('EMPTY', 'no text (empty or whitespace only)', origin);
  return text;
}

/** The first characters, decoded leniently, to sniff a format; never throws. */
export function sniffPrefix(bytes: Uint8Array, length = 1024): string {
  const { encoding, skip } = detectEncoding(bytes.subarray(0, length * 2 + 3));
  const label = encoding === 'windows-1252' ? 'utf-8' : encoding;
  return new TextDecoder(label).decode(bytes.subarray(skip, skip + length * 2)).slice(0, length);
}

function detectEncoding(bytes: Uint8Array): { encoding: Encoding; skip: number } {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', skip: 2 };
  const utf16 = utf16WithoutBom(bytes.subarray(0, SNIFF_BYTES));
  if (utf16) return { encoding: utf16, skip: 0 };
  return { encoding: isUtf8(bytes) ? 'utf-8' : 'windows-1252', skip: 0 };
}

/** Mostly-ASCII UTF-16 without a BOM: NULs on nearly every odd (LE) or even (BE) byte. */
function utf16WithoutBom(sample: Uint8Array): Encoding | null {
  if (sample.length < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? evenNul++ : oddNul++;
  const half = sample.length / 2;
  if (oddNul > 0.9 * half && evenNul < 0.1 * half) return 'utf-16le';
  if (evenNul > 0.9 * half && oddNul < 0.1 * half) return 'utf-16be';
  return null;
}

/** Whether the bytes are valid UTF-8. */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function decodeAs(bytes: Uint8Array, encoding: Encoding): string {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  // ignoreBOM keeps the decoder from eating a second BOM; the first was skipped already.
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

/** Tab, LF, VT, FF, CR and ESC occur in real text files; other C0 bytes, and NUL above all, do not. */
function isStrayControl(code: number): boolean {
  return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0b && code !== 0x0c && code !== 0x0d && code !== 0x1b;
}

function looksBinary(sample: Uint8Array): boolean {
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (isStrayControl(byte)) controls++;
  }
  return sample.length > 0 && controls / sample.length > MAX_CONTROL_SHARE;
}

function looksBinaryText(sample: string): boolean {
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) return true;
    if (isStrayControl(code)) controls++;
  }
  return sample.length > 0 && controls / sample.length > MAX_CONTROL_SHARE;
}
