import type { Token } from '../../core/layers.js';
import type { Sentence } from '../../core/record.js';
import { wordKey } from './phrases.js';

/** A token with what the rules look at: its key, its sentence and its paragraph. */
export interface Word {
  start: number;
  end: number;
  text: string;
  key: string;
  kind: Token['kind'];
  sentence: number;
  para: number;
}

/** The words of a document, in order, with their sentences. */
export class Words {
  readonly list: Word[] = [];
  /** First word index of each sentence that has words, and one past its last. */
  private readonly sentFirst = new Map<number, number>();
  private readonly sentEnd = new Map<number, number>();

  constructor(readonly text: string, tokens: readonly Token[], readonly sentences: readonly Sentence[]) {
    let s = 0;
    let para = 0;
    let prevEnd = 0;
    for (const t of tokens) {
      if (t.start < prevEnd || t.end > text.length || t.end <= t.start) continue; // out of order or outside: ignore
      while (s < sentences.length - 1 && (sentences[s] as Sentence).end <= t.start) s++;
      if (this.list.length > 0 && text.slice(prevEnd, t.start).includes('\n')) para++;
      this.list.push({ start: t.start, end: t.end, text: t.text, key: wordKey(t.text), kind: t.kind, sentence: s, para });
      prevEnd = t.end;
    }
    this.list.forEach((w, i) => {
      if (!this.sentFirst.has(w.sentence)) this.sentFirst.set(w.sentence, i);
      this.sentEnd.set(w.sentence, i + 1);
    });
  }

  get length(): number {
    return this.list.length;
  }

  at(i: number): Word | undefined {
    return this.list[i];
  }

  key(i: number): string | undefined {
    return this.list[i]?.key;
  }

  /** Index of the first word that starts at or after `pos` (length when none). */
  indexAt(pos: number): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.list[mid] as Word).start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First word index of the sentence of word `i`. */
  sentenceStart(i: number): number {
    const w = this.list[i];
    return w ? (this.sentFirst.get(w.sentence) ?? i) : i;
  }

  /** One past the last word index of the sentence of word `i`. */
  sentenceEnd(i: number): number {
    const w = this.list[i];
    return w ? (this.sentEnd.get(w.sentence) ?? i + 1) : i;
  }

  isPunct(i: number): boolean {
    const w = this.list[i];
    return w !== undefined && (w.kind === 'punct' || w.kind === 'symbol');
  }

  isCapitalized(i: number): boolean {
    const w = this.list[i];
    return w !== undefined && /^\p{Lu}/u.test(w.text);
  }
}
