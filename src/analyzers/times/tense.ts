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
 * Every tense marker of `text.slice(span.start, span.end)`, with offsets into `text`.
 * `narrow`: the text fits the narrow regex builds (text/narrow-regex.ts).
 */
export function tenseMarkers(text: string, span: Span, grammar: TimeGrammar, narrow = false): TenseMarker[] {
  if (!grammar.tenseScanner) return [];
  const scanner = pick(grammar.tenseScanner, narrow);
  const slice = text.slice(span.start, span.end);
  const markers: TenseMarker[] = [];
  scanner.lastIndex = 0;
  for (let m = scanner.exec(slice); m; m = scanner.exec(slice)) {
    if (m[0].length === 0) { scanner.lastIndex++; continue; }
    const groups = m.groups ?? {};
    let index = -1;
    for (let i = 0; i < grammar.tenseOf.length && index < 0; i++) if (groups[TENSE_GROUPS[i] ?? `p${i}`] !== undefined) index = i;
    if (index >= 0) markers.push({ start: span.start + m.index, end: span.start + m.index + m[0].length, tense: grammar.tenseOf[index]! });
  }
  return markers;
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
