import type { Claim } from '../core/record.js';
import { clip, who, type Entry, type FactKindSpec } from './align.js';
import { entitiesById, entityKeysIn, intersects, storyEntityKey } from './entity-keys.js';
import { contentTerms } from './terms.js';

/** Share of content terms two claims of one language must have in common to be one claim. */
const SAME_CONTENT = 0.2;

function source(entry: Entry<Claim>): { key: string | null; country: string | null; name: string | null } {
  const e = entry.item.source ? entitiesById(entry.doc.record).get(entry.item.source) : undefined;
  return e ? { key: storyEntityKey(e), country: e.country, name: e.name } : { key: null, country: null, name: null };
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

const terms = (entry: Entry<Claim>): Set<string> => new Set(contentTerms(entry.item.text, entry.doc.record.doc.language));

/**
 * The same source (entity, or its country) and the same content: in one language, shared
 * terms (fewer suffice when the very same source takes the same stance); across languages,
 * the same stance with the same entities named, or from the very same source.
 */
function sameClaim(a: Entry<Claim>, b: Entry<Claim>): boolean {
  const [sa, sb] = [source(a), source(b)];
  const sameEntity = sa.key !== null && sa.key === sb.key;
  const sameSource = sa.key !== null && sb.key !== null
    ? sameEntity || (sa.country !== null && sa.country === sb.country)
    : sa.key === null && sb.key === null;
  if (!sameSource) return false;
  const sameStance = a.item.stance === b.item.stance;
  if (a.doc.record.doc.language === b.doc.record.doc.language) {
    const overlap = jaccard(terms(a), terms(b));
    return overlap >= SAME_CONTENT || (sameEntity && sameStance && overlap > 0);
  }
  if (!sameStance || sa.key === null) return false;
  return sameEntity || intersects(entityKeysIn(a.doc.record, a.item.start, a.item.end), entityKeysIn(b.doc.record, b.item.start, b.item.end));
}

export const claimFacts: FactKindSpec<Claim> = {
  kind: 'claim',
  items: (doc) => [...doc.record.claims].sort((a, b) => a.start - b.start),
  same: sameClaim,
  key: (entries) => {
    const first = entries[0] as Entry<Claim>;
    const s = source(first);
    return `${first.item.stance} ${s.name ?? '?'}: ${clip(first.item.text, 50)}`;
  },
  report: (entry) => ({ value: `${entry.item.stance}: ${clip(entry.item.text)}`, modality: null, span: entry.item }),
  conflict: (entries) => {
    const [first, ...rest] = entries as [Entry<Claim>, ...Entry<Claim>[]];
    const other = rest.find((o) => o.doc.group !== first.doc.group && o.item.stance !== first.item.stance);
    return other ? `stance differs: ${first.item.stance} (${who(first.doc)}) vs ${other.item.stance} (${who(other.doc)})` : null;
  },
};

export { jaccard };
