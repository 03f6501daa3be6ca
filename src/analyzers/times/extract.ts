import type { Span, TimeExpression } from '../../core/record.js';
import type { Context, DayAnchor, Resolution, RuleMatch } from './context.js';
import type { Tense, TimeGrammar } from './grammar.js';
import { INTERPRETERS } from './interpret.js';
import { narrowView } from '../../text/narrow-regex.js';
import { lexiconKey } from './pattern.js';
import { needsContext } from './interpret-clock.js';
import { formatPeriod, periodInRange } from './period.js';
import { parseReference, type Reference } from './reference.js';
import { scanMatches } from './scan.js';
import { SentenceTenses } from './tense.js';

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

/** What the context of each expression of one text reads (module functions, not closures made per text). */
interface Run {
  text: string;
  /** The text the regexes run on: the text itself or its narrow view. */
  scanned: string;
  sentences: readonly Span[];
  grammar: TimeGrammar;
  ref: Reference | null;
  narrow: boolean;
  tensesBySentence: Map<number, SentenceTenses>;
  items: Item[];
}

function sentenceOf({ sentences, text }: Run, position: number): { index: number; span: Span } {
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
}

function contextFor(run: Run, item: Item): Context {
  const { match } = item;
  const sentence = sentenceOf(run, match.start);
  return {
    grammar: run.grammar,
    ref: run.ref,
    tense(): Tense | null {
      let tenses = run.tensesBySentence.get(sentence.index);
      if (!tenses) {
        tenses = new SentenceTenses(run.scanned, sentence.span, run.grammar, run.narrow);
        run.tensesBySentence.set(sentence.index, tenses);
      }
      return tenses.nearest(match);
    },
    dayAnchor(): DayAnchor | null {
      let best: Item | null = null;
      let bestDistance = Infinity;
      for (const other of run.items) {
        if (other === item || !denotesDay(other)) continue;
        const o = other.match;
        const inSentence = o.start >= sentence.span.start && o.end <= sentence.span.end;
        // Same sentence: nearest on either side; otherwise the latest before, far behind.
        const distance = inSentence
          ? (o.end <= match.start ? match.start - o.end : o.start - match.end)
          : o.end <= match.start ? run.text.length + (match.start - o.end) : Infinity;
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
}

/**
 * The time expressions of a text, resolved against the document date (scan.ts finds the
 * matches). Clock times and parts of day are resolved last, on the day mentioned nearest to
 * them; ids `t1`, `t2`… in text order.
 */
export function extractTimes({ text, sentences, date, grammar }: TimeExtractionInput): TimeExpression[] {
  const ref: Reference | null = parseReference(date);
  // The narrow view stands in for letters the narrow builds cannot class, when their key is
  // one letter no anchor word or rule prefix holds (the word scan then reads them alike).
  const view = narrowView(text, (code) => {
    const key = lexiconKey(String.fromCharCode(code));
    return key.length === 1 && !grammar.words.letters.has(key);
  });
  const narrow = view !== null;
  const scanned = view ?? text;
  const tensesBySentence = new Map<number, SentenceTenses>();
  const items: Item[] = [];

  const run: Run = { text, scanned, sentences, grammar, ref, narrow, tensesBySentence, items };

  // Each candidate in turn, longest first at the leftmost place: taken when its interpreter
  // accepts it (clock times wait for the second pass); `ignore` rules are taken and dropped.
  scanMatches(scanned, grammar, (candidate) => {
    if (candidate.rule.kind === 'ignore') return true;
    const item: Item = { match: candidate, resolution: null, anchorItem: null };
    if (!needsContext(candidate)) {
      item.resolution = INTERPRETERS[candidate.rule.kind](candidate, contextFor(run, item));
      if (!usable(item.resolution)) return false;
    }
    items.push(item);
    return true;
  }, narrow, text);

  for (const item of items) {
    if (item.resolution || item.match.rule.kind === 'ignore') continue;
    const r = INTERPRETERS[item.match.rule.kind as Exclude<typeof item.match.rule.kind, 'ignore'>](item.match, contextFor(run, item));
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
