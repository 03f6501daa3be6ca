import type { Span } from '../../core/record.js';
import type { Tense, TimeGrammar } from './grammar.js';
import { pick } from '../../text/narrow-regex.js';

/** The group names of the tense scanner (`p0`, `p1`…, see grammar.ts), made once. */
const TENSE_GROUPS = Array.from({ length: 64 }, (_, i) => `p${i}`);

/** A verb form that tells the tense, found in a sentence. */
export interface TenseMarker {
  start: number;
  end: number;
  tense: Tense;
}

/**
 * The tense markers of one sentence, read as far as the expressions asked about need: the
 * marker nearest to an expression is the last one before it or the first one after it, so the
 * scan stops at the first marker past the expression (most sentences are not read to their end).
 * The markers read are always the first ones of the whole scan, in the same order.
 */
export class SentenceTenses {
  private readonly markers: TenseMarker[] = [];
  private readonly slice: string;
  /** Where the scan resumes in `slice`; -1 once it reached the end. */
  private resume = 0;

  constructor(text: string, private readonly span: Span, private readonly grammar: TimeGrammar, private readonly narrow = false) {
    this.slice = grammar.tenseScanner ? text.slice(span.start, span.end) : '';
    if (!grammar.tenseScanner) this.resume = -1;
  }

  /** The tense of the marker nearest to `around` (see `nearestTense`). */
  nearest(around: Span): Tense | null {
    while (this.resume >= 0 && (this.markers.length === 0 || this.markers[this.markers.length - 1]!.start < around.end)) this.next();
    return nearestTense(this.markers, around);
  }

  /** Every marker of the sentence. */
  all(): TenseMarker[] {
    while (this.resume >= 0) this.next();
    return this.markers;
  }

  /** Reads the next marker, or marks the end. */
  private next(): void {
    const { grammar, slice, span } = this;
    const scanner = pick(grammar.tenseScanner!, this.narrow);
    scanner.lastIndex = this.resume;
    for (let m = scanner.exec(slice); m; m = scanner.exec(slice)) {
      if (m[0].length === 0) { scanner.lastIndex++; continue; }
      const groups = m.groups ?? {};
      let index = -1;
      for (let i = 0; i < grammar.tenseOf.length && index < 0; i++) if (groups[TENSE_GROUPS[i] ?? `p${i}`] !== undefined) index = i;
      this.resume = scanner.lastIndex;
      if (index >= 0) {
        this.markers.push({ start: span.start + m.index, end: span.start + m.index + m[0].length, tense: grammar.tenseOf[index]! });
        return;
      }
    }
    this.resume = -1;
  }
}

/**
 * Every tense marker of `text.slice(span.start, span.end)`, with offsets into `text`.
 * `narrow`: the text fits the narrow regex builds (text/narrow-regex.ts).
 */
export function tenseMarkers(text: string, span: Span, grammar: TimeGrammar, narrow = false): TenseMarker[] {
  return new SentenceTenses(text, span, grammar, narrow).all();
}

/** The tense of the marker nearest to `span` (markers inside the span are ignored). */
export function nearestTense(markers: readonly TenseMarker[], span: Span): Tense | null {
  let best: Tense | null = null;
  let bestDistance = Infinity;
  for (const marker of markers) {
    const distance = marker.end <= span.start ? span.start - marker.end : marker.start >= span.end ? marker.start - span.end : Infinity;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = marker.tense;
    }
  }
  return best;
}
