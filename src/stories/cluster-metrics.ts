/**
 * Clustering scores against a gold partition (Bagga & Baldwin 1998 for B-cubed): `gold` and
 * `predicted` give each document's cluster label, index by index. A document without a
 * predicted story should be given a label of its own by the caller.
 */
export interface ClusterScore {
  precision: number;
  recall: number;
  f1: number;
  /** Pairwise counts (same-cluster document pairs); zero for B-cubed. */
  tp: number;
  fp: number;
  fn: number;
  goldClusters: number;
  predictedClusters: number;
}

const f1 = (p: number, r: number): number => (p + r > 0 ? (2 * p * r) / (p + r) : 0);

function sizes(labels: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of labels) m.set(l, (m.get(l) ?? 0) + 1);
  return m;
}

/** B-cubed precision and recall, averaged over documents. */
export function bcubed(gold: readonly string[], predicted: readonly string[]): ClusterScore {
  const [gs, ps] = [sizes(gold), sizes(predicted)];
  const both = sizes(gold.map((g, i) => `${g}\u0000${predicted[i]}`));
  let p = 0, r = 0;
  gold.forEach((g, i) => {
    const shared = both.get(`${g}\u0000${predicted[i]}`) as number;
    p += shared / (ps.get(predicted[i] as string) as number);
    r += shared / (gs.get(g) as number);
  });
  const n = gold.length || 1;
  return { precision: p / n, recall: r / n, f1: f1(p / n, r / n), tp: 0, fp: 0, fn: 0, goldClusters: gs.size, predictedClusters: ps.size };
}

/** Precision and recall over document pairs put in one cluster. */
export function pairwise(gold: readonly string[], predicted: readonly string[]): ClusterScore {
  const pairs = (m: Map<string, number>): number => [...m.values()].reduce((s, k) => s + (k * (k - 1)) / 2, 0);
  const [gs, ps] = [sizes(gold), sizes(predicted)];
  const tp = pairs(sizes(gold.map((g, i) => `${g}\u0000${predicted[i]}`)));
  const [goldPairs, predictedPairs] = [pairs(gs), pairs(ps)];
  const precision = predictedPairs > 0 ? tp / predictedPairs : 1;
  const recall = goldPairs > 0 ? tp / goldPairs : 1;
  return { precision, recall, f1: f1(precision, recall), tp, fp: predictedPairs - tp, fn: goldPairs - tp, goldClusters: gs.size, predictedClusters: ps.size };
}
