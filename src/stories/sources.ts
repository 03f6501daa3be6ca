import type { AnalysisRecord } from '../core/record.js';
import { fold } from './fold.js';

/**
 * Independent sources: documents are one source when one is a near-identical copy of another
 * (syndication, lightly edited reprints) or when the same outlet published them. Returns a
 * group number per document (0, 1, … in order of first appearance).
 */
export function sourceGroups(docs: readonly { record: AnalysisRecord; duplicateOf: string | null }[]): number[] {
  const parent = docs.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const union = (a: number, b: number): void => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const byId = new Map(docs.map((d, i) => [d.record.doc.id, i]));
  const byOutlet = new Map<string, number>();
  docs.forEach((d, i) => {
    const original = d.duplicateOf === null ? undefined : byId.get(d.duplicateOf);
    if (original !== undefined) union(i, original);
    const outlet = d.record.doc.source.name;
    if (outlet) {
      const key = fold(outlet.trim());
      const first = byOutlet.get(key);
      if (first === undefined) byOutlet.set(key, i);
      else union(i, first);
    }
  });
  const numbers = new Map<number, number>();
  return docs.map((_, i) => {
    const root = find(i);
    if (!numbers.has(root)) numbers.set(root, numbers.size);
    return numbers.get(root) as number;
  });
}
