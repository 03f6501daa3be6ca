/**
 * The search mix of the growth benchmarks: names, fixed words, phrases, prefixes and filtered
 * queries, each run SEARCH_RUNS times after one untimed pass; p50/p95 over all and p95 per kind.
 */
import type { SearchOptions, Store } from '../src/store/store.js';
import { round } from './support.js';

const SEARCH_RUNS = 3;

export interface SearchQuery { kind: string; options: SearchOptions }
export interface SearchLatency { p50: number; p95: number; byKind: Record<string, number> }

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

/** The mix for these names (people and organizations as `name`, places as `place`). */
export function searchMix(names: { name: string; place: boolean }[]): SearchQuery[] {
  const pick = (place: boolean, n: number): string[] => names.filter((x) => x.place === place).map((x) => x.name).slice(0, n);
  return [
    ...pick(false, 10).map((q) => ({ kind: 'name', options: { query: q } })),
    ...pick(true, 5).map((q) => ({ kind: 'place', options: { query: q } })),
    ...['gouvernement', 'inflation', 'manifestants', 'earthquake', 'accord', 'police'].map((q) => ({ kind: 'word', options: { query: q } })),
    ...['"accord de libre-échange"', '"pension reform"', '"banque centrale"', '"état-major"'].map((q) => ({ kind: 'phrase', options: { query: q } })),
    ...['négoci*', 'manifest*', 'elect*', 'invest*'].map((q) => ({ kind: 'prefix', options: { query: q } })),
    { kind: 'filtered', options: { query: 'accord', language: 'fr' } },
    { kind: 'filtered', options: { query: 'séisme', dateFrom: '2022-03' } },
    { kind: 'filtered', options: { query: 'protesters', language: 'en', dateTo: '2022-06' } },
  ];
}

export async function measureSearch(store: Store, mix: SearchQuery[]): Promise<SearchLatency> {
  const all: number[] = [];
  const byKind = new Map<string, number[]>();
  // one untimed pass first: statements prepared and pages cached, as in a server that has been running
  for (const q of mix) await store.search({ ...q.options, limit: 10 });
  for (let run = 0; run < SEARCH_RUNS; run++) {
    for (const q of mix) {
      const t0 = performance.now();
      await store.search({ ...q.options, limit: 10 });
      const ms = performance.now() - t0;
      all.push(ms);
      byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), ms]);
    }
  }
  return { p50: round(percentile(all, 50)), p95: round(percentile(all, 95)), byKind: Object.fromEntries([...byKind].map(([k, v]) => [k, round(percentile(v, 95))])) };
}
