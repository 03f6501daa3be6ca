/**
 * Most sticky matchers after a number start with a word from a list ("millions", "%", "euros",
 * "dizaine"…) after spaces: when the first character past the spaces cannot begin any of them,
 * the regex cannot match and is not run. Seen after every number of a text, these regexes were
 * about half the regex runs of the stage, each one's code cold once other stages had run.
 */

/** Characters from U+0100 up that case folding (flags `iu`) ties to one below it, in its lower case. */
const FOLD_PARTNERS: Readonly<Record<string, string>> = { 'ſ': 's', '\u212a': 'k', '\u212b': 'å', '\u1e9e': 'ß', 'Ÿ': 'ÿ', 'μ': 'µ', 'Μ': 'µ' };

/** Per unit below U+0100: 1 when a phrase can begin with it (after lower-casing the unit). */
export type FirstChars = Uint8Array;

const SPACE = /[\s\u00a0\u202f]/;
/** Below U+0100: 1 for the units `[\s\u00a0\u202f]` holds; their lower case otherwise. */
const IS_SPACE = new Uint8Array(0x100);
const LOWER = new Uint16Array(0x100);
for (let c = 0; c < 0x100; c++) {
  const ch = String.fromCharCode(c);
  IS_SPACE[c] = SPACE.test(ch) ? 1 : 0;
  const lower = ch.toLowerCase();
  LOWER[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
}

/** The first characters of phrases in `norm` form ("'" stands for ’ too, as in the regexes). */
export function firstChars(phrases: Iterable<string>): FirstChars {
  const table = new Uint8Array(0x100);
  for (const phrase of phrases) {
    const ch = phrase[0];
    if (ch === undefined) continue;
    const code = ch.charCodeAt(0);
    if (code < 0x100) table[LOWER[code]!] = 1;
    else {
      // Text units from U+0100 up are never ruled out; below it, only fold partners can match.
      const partner = FOLD_PARTNERS[ch];
      if (partner) table[partner.charCodeAt(0)] = 1;
    }
  }
  return table;
}

/** Can a phrase of `table` begin at `position` after spaces? (True when not judged here.) */
export function mayFollow(text: string, position: number, table: FirstChars): boolean {
  for (let i = position; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x100) return true; // a wide space (U+202F…), ’ or any other unit: the regex decides
    if (IS_SPACE[c] === 1) continue;
    return table[LOWER[c]!] === 1 || (c === 0x27 && table[0x27] === 1);
  }
  return false;
}

/** Below U+0100: the units a table of `unitsWhere` holds. */
export function unitsWhere(test: (ch: string) => boolean): FirstChars {
  const table = new Uint8Array(0x100);
  for (let c = 0; c < 0x100; c++) table[c] = test(String.fromCharCode(c)) ? 1 : 0;
  return table;
}

/** Can the unit at `position` be one of `table`? (True from U+0100 up: not judged here.) */
export function mayStartAt(text: string, position: number, table: FirstChars): boolean {
  if (position >= text.length) return false;
  const c = text.charCodeAt(position);
  return c >= 0x100 || table[c] === 1;
}
