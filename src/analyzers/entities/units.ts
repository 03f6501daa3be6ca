import type { Token } from '../../core/layers.js';
import type { Sentence } from '../../core/record.js';
import { WORD_PIECE, wordKey } from '../../kb/name-key.js';

/**
 * The matcher's view of a token: words split at hyphens and inner apostrophes
 * ("Nord-Coréens" → "Nord", "Coréens"), so that names match whatever the tokenizer joined.
 */
export interface Unit {
  start: number;
  end: number;
  text: string;
  /** The transliteration-folded key (src/kb/name-key.ts); punctuation keeps its text. */
  key: string;
  /** Lower-cased text. */
  lower: string;
  /** Starts with an upper-case letter (or is a number-led name like "G20"). */
  cap: boolean;
  /** Two or more letters, all upper case ("ONU", "U.S."). */
  upper: boolean;
  word: boolean;
  elision: boolean;
  /** Glued to the next unit by a hyphen or apostrophe inside one token. */
  joined: boolean;
  sentence: number;
  /** First word of its sentence, or first after an opening quote, colon or dash. */
  sentStart: boolean;
}

const UPPER_FIRST = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const LETTERS = /\p{L}/gu;
const OPENERS = new Set([':', '«', '"', '“', '—', '–', '(', '[', '‹', '„']);
const SPLIT_CHARS = /[-‐‑’'.&]/;

export function buildUnits(tokens: readonly Token[], sentences: readonly Sentence[]): Unit[] {
  const units: Unit[] = [];
  let s = 0;
  let firstWordSeen = false;
  for (const t of tokens) {
    while (s < sentences.length && t.start >= (sentences[s]?.end ?? Infinity)) {
      s++;
      firstWordSeen = false;
    }
    const prev = units[units.length - 1];
    const afterOpener = prev !== undefined && !prev.word && OPENERS.has(prev.text) && prev.sentence === s;
    if (t.kind === 'word' && SPLIT_CHARS.test(t.text)) {
      const pieces = [...t.text.matchAll(WORD_PIECE)];
      pieces.forEach((m, i) => {
        const start = t.start + (m.index ?? 0);
        const possessive = i === pieces.length - 2 && pieces[i + 1]?.[0] === 's' && /['’]$/.test(m[0]);
        if (i === pieces.length - 1 && pieces.length > 1 && m[0] === 's' && /['’]$/.test(pieces[i - 1]?.[0] ?? '')) {
          units.push(makeUnit(`${t.text.slice(m.index! - 1, m.index! + 1)}`, start - 1, s, false)); // English "'s"
          return;
        }
        const u = makeUnit(possessive ? m[0].slice(0, -1) : m[0], start, s, true);
        u.elision = !possessive && /['’]$/.test(m[0]);
        u.joined = i < pieces.length - 1 && !possessive;
        u.sentStart = i === 0 && (!firstWordSeen || afterOpener);
        units.push(u);
      });
      if (pieces.length > 0) firstWordSeen = true;
      continue;
    }
    const isWord = t.kind === 'word' || t.kind === 'elision' || t.kind === 'clitic';
    const u = makeUnit(t.text, t.start, s, isWord);
    u.elision = t.kind === 'elision';
    if (isWord) {
      u.sentStart = !firstWordSeen || afterOpener;
      firstWordSeen = true;
    }
    units.push(u);
  }
  return units;
}

function makeUnit(text: string, start: number, sentence: number, word: boolean): Unit {
  const letters = word ? text.match(LETTERS)?.length ?? 0 : 0;
  const cap = word && UPPER_FIRST.test(text);
  return {
    start,
    end: start + text.length,
    text,
    key: word ? wordKey(text) : text,
    lower: text.toLowerCase(),
    cap,
    upper: cap && letters >= 2 && !HAS_LOWER.test(text),
    word,
    elision: false,
    joined: false,
    sentence,
    sentStart: false,
  };
}
