import { fitsNarrow } from '../../text/narrow-regex.js';

/**
 * `fitsNarrow` (text/narrow-regex.ts) judges a text character by character in a loop. Here a
 * regex finds the first character outside those it accepts in the blocks news text is written
 * in (Latin letters, punctuation, currency signs), which is faster on the long texts that have
 * none; a text that has one is judged by `fitsNarrow`.
 */
const BLOCKS: readonly [number, number][] = [[0, 0x300], [0x2000, 0x20d0]];

const OUTSIDE_FITTING = ((): RegExp => {
  const hex = (c: number): string => `\\u${c.toString(16).padStart(4, '0')}`;
  let ranges = '';
  for (const [low, high] of BLOCKS) {
    let from = -1;
    for (let c = low; c <= high; c++) {
      const fits = c < high && fitsNarrow(String.fromCharCode(c));
      if (fits && from < 0) from = c;
      if (!fits && from >= 0) {
        ranges += from === c - 1 ? hex(from) : `${hex(from)}-${hex(c - 1)}`;
        from = -1;
      }
    }
  }
  return new RegExp(`[^${ranges}]`);
})();

/** `fitsNarrow(text)`, the same answer. */
export function fitsNarrowText(text: string): boolean {
  return !OUTSIDE_FITTING.test(text) || fitsNarrow(text);
}
