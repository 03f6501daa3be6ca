import type { Token } from '../../core/layers.js';
import type { Sentence } from '../../core/record.js';
import { formOf, piecesOf, type WordForm } from './word-forms.js';

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
  /** What every unit of the same text shares (src/analyzers/entities/word-forms.ts). */
  form: WordForm;
}

const OPENERS = new Set([':', '«', '"', '“', '—', '–', '(', '[', '‹', '„']);

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
    const isWord = t.kind === 'word' || t.kind === 'elision' || t.kind === 'clitic';
    const form = formOf(t.text, isWord);
    const pieces = t.kind === 'word' ? piecesOf(form) : null;
    if (pieces !== null) {
      pieces.forEach((p, i) => {
        const u = makeUnit(p.form, t.start + p.at, s, p.word);
        u.elision = p.elision;
        u.joined = p.joined;
        u.sentStart = p.word && i === 0 && (!firstWordSeen || afterOpener);
        units.push(u);
      });
      if (pieces.length > 0) firstWordSeen = true;
      continue;
    }
    const u = makeUnit(form, t.start, s, isWord);
    u.elision = t.kind === 'elision';
    if (isWord) {
      u.sentStart = !firstWordSeen || afterOpener;
      firstWordSeen = true;
    }
    units.push(u);
  }
  return units;
}

function makeUnit(form: WordForm, start: number, sentence: number, word: boolean): Unit {
  return {
    start,
    end: start + form.text.length,
    text: form.text,
    key: form.key,
    lower: form.lower,
    cap: form.cap,
    upper: form.upper,
    word,
    elision: false,
    joined: false,
    sentence,
    sentStart: false,
    form,
  };
}
