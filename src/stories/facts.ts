import type { Fact, FactKind, FactStatus } from './story.js';
import { alignFacts, type AlignedFact } from './align.js';
import { claimFacts } from './facts-claims.js';
import { eventFacts } from './facts-events.js';
import { quantityFacts } from './facts-quantities.js';
import { quoteFacts } from './facts-quotes.js';
import { timeFacts } from './facts-times.js';
import type { StoryDoc } from './story-doc.js';

const STATUS_ORDER: Record<FactStatus, number> = { conflict: 0, agreed: 1, single_source: 2 };
const KIND_ORDER: Record<FactKind, number> = { event: 0, quantity: 1, claim: 2, quote: 3, time: 4 };

/**
 * Source comparison, fact by fact: events, quantities, claims, quotes and times of all the
 * story's documents aligned into facts, conflicts first, then agreed facts, then those one
 * source alone reports; within each, by kind, then where they first appear.
 */
export function compareFacts(docs: readonly StoryDoc[]): Fact[] {
  const facts: AlignedFact[] = [
    ...alignFacts(docs, eventFacts, (v) => v.start),
    ...alignFacts(docs, quantityFacts, (q) => q.start),
    ...alignFacts(docs, claimFacts, (c) => c.start),
    ...alignFacts(docs, quoteFacts, (q) => q.start),
    ...alignFacts(docs, timeFacts, (t) => t.start),
  ];
  facts.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]
    || a.first[0] - b.first[0] || a.first[1] - b.first[1]);
  return facts.map(({ first: _first, ...fact }, i) => ({ id: `f${i + 1}`, ...fact }));
}
