/** Offset basis of 32-bit FNV-1a. */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * 32-bit FNV-1a of a string's UTF-16 code units: feature values hashed without building
 * "template=value" strings, so that tagging allocates nothing per feature.
 * @example hashString('paris') === hashString('paris') // stable across runs and machines
 */
export function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** `hashString(s.slice(from, to))` without making the slice (affixes of every scored word). */
export function hashRange(s: string, from: number, to: number): number {
  let h = FNV_OFFSET;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** Two hashes combined into one (murmur3's finalizer over both): a template id and a value; 30 bits. */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  // 30 bits: small integers for V8 (no boxed numbers in arrays and map keys); collisions stay rare
  return (h ^ (h >>> 16)) & 0x3fffffff;
}

/**
 * The feature value of a hint named `name` ("kb:B:PER", "title"): computed once by the caller,
 * not per token. As a signed 32-bit integer (small integers for V8); `mix` reads it the same.
 */
export const hintHash = (name: string): number => hashString(name) | 0;
