/**
 * The index of the first element of `list` for which `before` is false, where every element
 * that satisfies `before` comes first (a list sorted by start, `before = (x) => x.start < pos`):
 * a binary search, so look-ups by position stay logarithmic.
 */
export function partitionPoint<T>(list: readonly T[], before: (x: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(list[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
