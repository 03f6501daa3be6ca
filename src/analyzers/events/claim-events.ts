import type { Refiner } from '../../core/analyzer.js';
import type { Claim, EventRecord } from '../../core/record.js';

/**
 * Each claim's `events`: the events told inside its content (a trigger of one of their
 * mentions within the claim's span), in event order.
 */
export function linkClaimEvents(claims: readonly Claim[], events: readonly EventRecord[]): Claim[] {
  return claims.map((c) => ({
    ...c,
    events: events.filter((v) => (v.mentions ?? [v]).some((m) => c.start <= m.start && m.end <= c.end)).map((v) => v.id),
  }));
}

/** The pipeline step that fills `claims[].events` once events exist (claims are assigned before them). */
export const claimEventsRefiner: Refiner = {
  name: 'claim-events',
  version: '1',
  requires: ['claims', 'events'],
  refines: ['claims'],
  refine: ({ layers }) => ({ claims: linkClaimEvents(layers.claims ?? [], layers.events ?? []) }),
};
