import type { Span, TimeExpression } from '../../core/record.js';
import type { Context, DayAnchor, Resolution, RuleMatch } from './context.js';
import type { Tense, TimeGrammar } from './grammar.js';
import { INTERPRETERS } from './interpret.js';
import { fitsNarrow } from '../../text/narrow-regex.js';
import { needsContext } from './interpret-clock.js';
import { formatPeriod, periodInRange } from './period.js';
import { parseReference, type Reference } from './reference.js';
import { scanMatches } from './scan.js';
import { nearestTense, tenseMarkers, type TenseMarker } from './tense.js';

export interface TimeExtractionInput {
  text: string;
  /** Sentence spans in text order; tense is read inside the sentence of each expression. */
  sentences: readonly Span[];
  /** The document date (`doc.date`): `2023-10-18`, `2023-10`, `2023` or null. */
  date: string | null;
  grammar: TimeGrammar;
}

interface Item {
  match: RuleMatch;
  resolution: Resolution | null;
  anchorItem: Item | null;
}

/** Without sentences, tense is read this far around an expression. */
const WINDOW = 200;

function usable(r: Resolution | null): r is Resolution {
  return r !== null && (r.period === null || periodInRange(r.period));
}

/** Can a clock time or part of day be put on this expression's day? */
function denotesDay(item: Item): boolean {
  const r = item.resolution;
  return r !== null && r.anchor !== 'context' && (r.granularity === 'day' || (r.granularity === 'time' && r.day !== undefined));
}

/**
 * The time expressions of a text, resolved against the document date (scan.ts finds the
 * matches). Clock times and parts of day are resolved last, on the day mentioned nearest to
 * them; ids `t1`, `t2`… in text order.
 */
export function extractTimes({ text, sentences, date, grammar }: TimeExtractionInput): TimeExpression[] {
  const ref: Reference | null = parseReference(date);
  const narrow = fitsNarrow(text);
  const markersBySentence = new Map<number, TenseMarker[]>();
  const items: Item[] = [];

  const sentenceOf = (position: number): { index: number; span: Span } => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = sentences[mid]!;
      if (position < s.start) hi = mid - 1;
      else if (position >= s.end) lo = mid + 1;
      else return { index: mid, span: s };
    }
    return { index: -1 - position, span: { start: Math.max(0, position - WINDOW), end: Math.min(text.length, position + WINDOW) } };
  };

  const contextFor = (item: Item): Context => {
    const { match } = item;
    const sentence = sentenceOf(match.start);
    return {
      grammar,
      ref,
      tense(): Tense | null {
        let markers = markersBySentence.get(sentence.index);
        if (!markers) {
          markers = tenseMarkers(text, sentence.span, grammar, narrow);
          markersBySentence.set(sentence.index, markers);
        }
        return nearestTense(markers, match);
      },
      dayAnchor(): DayAnchor | null {
        let best: Item | null = null;
        let bestDistance = Infinity;
        for (const other of items) {
          if (other === item || !denotesDay(other)) continue;
          const o = other.match;
          const inSentence = o.start >= sentence.span.start && o.end <= sentence.span.end;
          // Same sentence: nearest on either side; otherwise the latest before, far behind.
          const distance = inSentence
            ? (o.end <= match.start ? match.start - o.end : o.start - match.end)
            : o.end <= match.start ? text.length + (match.start - o.end) : Infinity;
          if (distance < bestDistance) {
            best = other;
            bestDistance = distance;
          }
        }
        item.anchorItem = best;
        const r = best?.resolution;
        return best && r ? { value: r.value, period: r.period, day: r.day ?? null } : null;
      },
    };
  };

  // Each candidate in turn, longest first at the leftmost place: taken when its interpreter
  // accepts it (clock times wait for the second pass); `ignore` rules are taken and dropped.
  scanMatches(text, grammar, (candidate) => {
    if (candidate.rule.kind === 'ignore') return true;
    const item: Item = { match: candidate, resolution: null, anchorItem: null };
    if (!needsContext(candidate)) {
      item.resolution = INTERPRETERS[candidate.rule.kind](candidate, contextFor(item));
      if (!usable(item.resolution)) return false;
    }
    items.push(item);
    return true;
  }, narrow);

  for (const item of items) {
    if (item.resolution || item.match.rule.kind === 'ignore') continue;
    const r = INTERPRETERS[item.match.rule.kind as Exclude<typeof item.match.rule.kind, 'ignore'>](item.match, contextFor(item));
    item.resolution = usable(r) ? r : null;
  }

  const kept = items.filter((i) => i.resolution !== null);
  const ids = new Map<Item, string>(kept.map((item, i) => [item, `t${i + 1}`]));
  return kept.map((item) => {
    const r = item.resolution!;
    const { match } = item;
    const anchor = r.anchor === 'doc' ? 'doc' : r.anchor === 'context' && item.anchorItem ? (ids.get(item.anchorItem) ?? null) : null;
    return {
      id: ids.get(item)!,
      start: match.start,
      end: match.end,
      text: match.text,
      value: r.value,
      granularity: r.granularity,
      range: r.period ? formatPeriod(r.period) : null,
      anchor,
      rule: r.how ? `${match.rule.id}/${r.how}` : match.rule.id,
    };
  });
}
