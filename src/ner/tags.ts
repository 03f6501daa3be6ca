/** The entity types the tagger knows. */
export const NER_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NerType = (typeof NER_TYPES)[number];

/** BIO tags, `O` first: index 0 is outside, 2k+1 begins type k, 2k+2 continues it. */
export const TAGS: readonly string[] = ['O', ...NER_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];
export const TAG_COUNT = TAGS.length;

export const isBegin = (tag: number): boolean => tag % 2 === 1;
export const isInside = (tag: number): boolean => tag > 0 && tag % 2 === 0;
export const typeOfTag = (tag: number): NerType | null => (tag === 0 ? null : NER_TYPES[(tag - 1) >> 1] ?? null);
export const beginOf = (type: NerType): number => 1 + 2 * NER_TYPES.indexOf(type);

/** Whether `tag` may follow `prev` (-1: start of sentence): an I- tag only continues its own type. */
export function allowedAfter(prev: number, tag: number): boolean {
  if (!isInside(tag)) return true;
  return prev > 0 && (prev - 1) >> 1 === (tag - 1) >> 1;
}

/** A tagged mention: tokens [first, last) of one type. */
export interface TaggedSpan {
  first: number;
  last: number;
  type: NerType;
}

/** The mentions a BIO tag sequence spells. */
export function spansOfTags(tags: ArrayLike<number>): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  let open: TaggedSpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i] as number;
    if (open && !(isInside(t) && typeOfTag(t) === open.type)) {
      out.push(open);
      open = null;
    }
    const type = typeOfTag(t);
    if (type && (isBegin(t) || !open)) open = { first: i, last: i + 1, type };
    else if (open) open.last = i + 1;
  }
  if (open) out.push(open);
  return out;
}

/** The BIO tags of `count` tokens holding `spans` (spans must not overlap). */
export function tagsOfSpans(count: number, spans: readonly TaggedSpan[]): Uint8Array {
  const tags = new Uint8Array(count);
  for (const s of spans) {
    const b = beginOf(s.type);
    for (let i = s.first; i < s.last && i < count; i++) tags[i] = i === s.first ? b : b + 1;
  }
  return tags;
}
