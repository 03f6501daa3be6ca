import type { Quantity } from '../core/record.js';
import { clip, who, type Entry, type FactKindSpec } from './align.js';
import { entityKeysIn, intersects } from './entity-keys.js';
import { fold } from './fold.js';
import { sentenceAt } from './story-doc.js';
import { contentTerms, stem } from './terms.js';

/** Values this close (larger ÷ smaller) may be one figure told differently; further apart, two figures. */
const CLOSE_RATIO = 1.5;
/** "about 1 000" is read as ±10 %. */
const ABOUT = 0.1;
const SYMBOL: Record<Quantity['approx'], string> = { exact: '', more_than: '>', less_than: '<', about: '~' };

const unitKey = (q: Quantity): string | null => (q.unit ? stem(fold(q.unit)) : null);

/** The interval a quantity states: `plus de 1 000` is (1000, ∞), `1 000` is [1000, 1000]. */
function interval(q: Quantity): { lo: number; hi: number; openLo: boolean; openHi: boolean } {
  switch (q.approx) {
    case 'more_than': return { lo: q.value, hi: Infinity, openLo: true, openHi: true };
    case 'less_than': return { lo: -Infinity, hi: q.value, openLo: true, openHi: true };
    case 'about': return { lo: q.value * (1 - ABOUT), hi: q.value * (1 + ABOUT), openLo: false, openHi: false };
    default: return { lo: q.value, hi: q.value, openLo: false, openHi: false };
  }
}

/** Whether two stated intervals can hold the same value. */
export function compatibleValues(a: Quantity, b: Quantity): boolean {
  const [x, y] = [interval(a), interval(b)];
  if (x.hi < y.lo || y.hi < x.lo) return false;
  if (x.hi === y.lo) return !x.openHi && !y.openLo;
  if (y.hi === x.lo) return !y.openHi && !x.openLo;
  return true;
}

const close = (a: number, b: number): boolean => a > 0 && b > 0 && Math.max(a, b) / Math.min(a, b) <= CLOSE_RATIO;

function ofTerms(doc: Entry<Quantity>['doc'], q: Quantity): Set<string> {
  return new Set(q.of ? contentTerms(q.of, doc.record.doc.language) : []);
}

/** The entities named in the quantity's sentence: what the figure is about, in any language. */
function context(entry: Entry<Quantity>): Set<string> {
  const s = sentenceAt(entry.doc.record, entry.item.start);
  return entityKeysIn(entry.doc.record, s.start, s.end);
}

/** A figure this large, stated alike twice in one story, is one figure whatever its unit word. */
const DISTINCTIVE = 100;

/**
 * One figure: close values of one unit about the same thing (what it is `of`, the entities
 * around it), or the same value stated alike — across languages, where unit words differ,
 * with the same approximation, or large enough to be distinctive, or about the same entities.
 */
function sameQuantity(a: Entry<Quantity>, b: Entry<Quantity>): boolean {
  const [x, y] = [a.item, b.item];
  if (!close(x.value, y.value)) return false;
  const [ux, uy] = [unitKey(x), unitKey(y)];
  // The same number, whatever its approximation: "plus de 1 000" and "1,000" are one figure told differently.
  const sameValue = x.value === y.value;
  if (a.doc.record.doc.language === b.doc.record.doc.language) {
    if (ux !== null && ux === uy) return x.value === y.value || intersects(ofTerms(a.doc, x), ofTerms(b.doc, y)) || intersects(context(a), context(b));
    return sameValue && x.value >= DISTINCTIVE;
  }
  return sameValue && (x.approx === y.approx || x.value >= DISTINCTIVE || intersects(context(a), context(b)));
}

export const quantityFacts: FactKindSpec<Quantity> = {
  kind: 'quantity',
  items: (doc) => [...doc.record.quantities].sort((a, b) => a.start - b.start),
  same: sameQuantity,
  key: (entries) => {
    const q = (entries[0] as Entry<Quantity>).item;
    return [q.unit ?? 'number', q.of].filter(Boolean).join(' ');
  },
  report: (entry) => ({ value: `${clip(entry.item.text, 60)} (${SYMBOL[entry.item.approx]}${entry.item.value})`, modality: null, span: entry.item }),
  conflict: (entries) => {
    const [first, ...rest] = entries as [Entry<Quantity>, ...Entry<Quantity>[]];
    const other = rest.find((o) => o.doc.group !== first.doc.group && !compatibleValues(first.item, o.item));
    if (!other) return null;
    const [a, b] = [first.item, other.item];
    return `${a.value} ${a.approx} vs ${b.value} ${b.approx}: "${a.text}" (${who(first.doc)}) vs "${b.text}" (${who(other.doc)})`;
  },
  // A bare small count ("deux hommes") alone is no fact worth comparing.
  keepSingle: (entry) => entry.item.value >= 3 || entry.item.approx !== 'exact' || entry.item.of !== null,
};
