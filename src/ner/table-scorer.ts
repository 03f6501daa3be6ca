import { MAX_FEATURES, sentenceShouts, TEMPLATE as T } from './features.js';
import { mix } from './hash.js';
import type { Scorer } from './model.js';
import { TAG_COUNT } from './tags.js';
import type { NerHints, NerToken } from './types.js';
import type { PackedWeights } from './weights.js';
import { ROW, ROWS, WordTable } from './word-table.js';

const N = TAG_COUNT;
/** Tag-independent features before the hints besides the word's own: bias, 4 words and 2 shapes around, 4 pairs. */
const CONTEXT_FEATURES = 11;

/** TagPrev and TagPrev2 summed for each pair of previous tags: [((prev + 1) * 10 + prev2 + 1) * N + tag]. */
export function tagPairRows(w: PackedWeights): Float64Array {
  const out = new Float64Array(100 * N);
  for (let prev = -1; prev < 9; prev++) {
    for (let prev2 = -1; prev2 < 9; prev2++) {
      const at = ((prev + 1) * 10 + prev2 + 1) * N;
      const row = out.subarray(at, at + N);
      w.addTo(mix(T.TagPrev, prev + 2), row);
      w.addTo(mix(T.TagPrev2, mix(prev2 + 2, prev + 2)), row);
    }
  }
  return out;
}

/**
 * The scorer of one document over packed weights: the features of `tokenFeatures` and
 * `tagFeatures`, read from the word table where they belong to one word, looked up where they
 * pair two. Scores the same as `greedyTags` over computed features.
 */
export function tableScorer(table: WordTable, tagPairs: Float64Array, tokens: readonly NerToken[], hints: NerHints): Scorer {
  table.startDocument();
  const w = table.weights;
  const ids = new Int32Array(tokens.length).fill(-1);
  const shouts = sentenceShouts(tokens);
  // nearly always none: not asked for each token
  const shouting = shouts.size > 0;
  const idAt = (j: number, s: number): number => {
    const t = tokens[j];
    if (t === undefined || t.sentence !== s) return 0;
    let id = ids[j]!;
    if (id < 0) {
      id = table.idOf(t);
      ids[j] = id;
    }
    return id;
  };
  return {
    addStatic(i, scores) {
      const t = tokens[i]!;
      const s = t.sentence;
      const id = idAt(i, s);
      const p1 = idAt(i - 1, s);
      const p2 = idAt(i - 2, s);
      const n1 = idAt(i + 1, s);
      const n2 = idAt(i + 2, s);
      const { at, left, right, rows } = table;
      const prev = tokens[i - 1];
      const position = t.sentStart ? 0 : prev !== undefined && prev.sentence === s && prev.sentStart ? 1 : 2;
      const a = (id * 3 + position) * N;
      const l = p1 * N;
      const r = n1 * N;
      for (let k = 0; k < N; k++) scores[k]! += at[a + k]! + left[l + k]! + right[r + k]!;
      w.addRow(rows[p2 * ROWS + ROW.Prev2]!, scores);
      w.addRow(rows[n2 * ROWS + ROW.Next2]!, scores);
      w.addRow(table.shapePairRow(p1, id), scores);
      w.addRow(table.shapePairNextRow(id, n1), scores);
      w.addRow(table.prevWordShapeRow(p1, id), scores);
      w.addRow(table.nextWordShapeRow(id, n1), scores);
      let n = CONTEXT_FEATURES + table.ownCount[id]!;
      if (shouting && shouts.has(s)) {
        w.addRow(rows[id * ROWS + ROW.Caps]!, scores);
        n++;
      }
      // hints in the order `tokenFeatures` lists them, as many as it keeps
      for (const h of hints[i]!) if (n++ < MAX_FEATURES) w.addRow(table.hintRow(T.Hint, h), scores);
      if (p1 !== 0) for (const h of hints[i - 1]!) if (n++ < MAX_FEATURES) w.addRow(table.hintRow(T.HintPrev, h), scores);
      if (n1 !== 0) for (const h of hints[i + 1]!) if (n++ < MAX_FEATURES) w.addRow(table.hintRow(T.HintNext, h), scores);
    },
    addTags(i, prev, prev2, scores) {
      const row = ((prev + 1) * 10 + prev2 + 1) * N;
      for (let k = 0; k < N; k++) scores[k]! += tagPairs[row + k]!;
      const id = ids[i]!;
      w.addRow(table.tagRow(id, prev, false), scores);
      w.addRow(table.tagRow(id, prev, true), scores);
    },
  };
}
