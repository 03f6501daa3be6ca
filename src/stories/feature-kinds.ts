/**
 * Kinds of story features, the one-letter prefix of every key: `e:` entity (KB id or type and
 * name), `c:` country code, `p:` a word written as a name, `w:<lang>:` a content term, `n:` a
 * number, `d:` a resolved date, `v:` a PLOVER event signature, `y:` the year an undated
 * text is about (src/stories/text-year.ts; read back by `pack` for the year factor). `f:` is reserved.
 */
export type FeatureKind = 'e' | 'c' | 'p' | 'w' | 'n' | 'd' | 'v' | 'y';

export function featureKind(key: string): FeatureKind {
  return key[0] as FeatureKind;
}

/**
 * How much a shared feature of each kind says about two reports being one story: a shared
 * knowledge-base entity most (the same people and places), a resolved date or an event
 * signature nearly as much, a name as written a little less (it may be ambiguous), a
 * country alone little (most news names one), a year named by two undated texts little (it is
 * there mainly to carry the year to `similarity`). Calibrated on the stories gold (docs/stories.md).
 */
export const KIND_WEIGHT: Readonly<Record<FeatureKind, number>> = { e: 2, c: 0.5, p: 1.5, w: 1, n: 1, d: 1.5, v: 1.5, y: 0.5 };

/** Language-dependent features (content terms) do not meet across languages. */
export const isNeutral = (key: string): boolean => featureKind(key) !== 'w';
