import type { PackedDoc } from './packed.js';
import { similarity } from './similarity.js';

export interface PartitionItem {
  packed: PackedDoc;
  /** Items with the same group start in one cluster and stay together (copies, a large story). */
  group: string;
}

/**
 * Average-link agglomerative clustering (UPGMA) of a neighbourhood: clusters merge, most
 * similar pair first, while the mean similarity between their items is at least `threshold`.
 * Mean similarity to a cluster is similarity to its centroid, so a story joins another only
 * when it resembles it as a whole, not through one borderline report (single link chains
 * "same kind, different event" stories together). Deterministic: ties go to the pair that
 * comes first in item order. Returns clusters as lists of item indexes, each ascending.
 */
export function averageLinkPartition(items: readonly PartitionItem[], threshold: number): number[][] {
  const n = items.length;
  const sim: Float64Array[] = items.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = similarity((items[i] as PartitionItem).packed, (items[j] as PartitionItem).packed);
      (sim[i] as Float64Array)[j] = s;
      (sim[j] as Float64Array)[i] = s;
    }
  }
  const clusters: number[][] = [];
  const byGroup = new Map<string, number[]>();
  items.forEach((item, i) => {
    const members = byGroup.get(item.group);
    if (members) members.push(i);
    else {
      const fresh = [i];
      byGroup.set(item.group, fresh);
      clusters.push(fresh);
    }
  });
  // total[a][b]: the sum of item similarities between clusters a and b.
  const total = clusters.map((a) => clusters.map((b) => {
    let s = 0;
    for (const i of a) for (const j of b) s += (sim[i] as Float64Array)[j] as number;
    return s;
  }));
  const alive = clusters.map(() => true);
  for (;;) {
    let best = -1, ba = -1, bb = -1;
    for (let a = 0; a < clusters.length; a++) {
      if (!alive[a]) continue;
      for (let b = a + 1; b < clusters.length; b++) {
        if (!alive[b]) continue;
        const mean = (total[a]![b] as number) / ((clusters[a] as number[]).length * (clusters[b] as number[]).length);
        if (mean > best) { best = mean; ba = a; bb = b; }
      }
    }
    if (ba < 0 || best < threshold) break;
    (clusters[ba] as number[]).push(...(clusters[bb] as number[]));
    alive[bb] = false;
    for (let c = 0; c < clusters.length; c++) {
      const merged = (total[ba]![c] as number) + (total[bb]![c] as number);
      total[ba]![c] = merged;
      total[c]![ba] = merged;
    }
  }
  return clusters.filter((_, c) => alive[c]).map((c) => [...c].sort((x, y) => x - y));
}
