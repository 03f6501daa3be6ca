/** Slots of `KeyTrie.slot`: a process holds a handful of tries (more only in tests). */
export const TRIE_SLOTS = 8;
let nextSlot = 0;

/**
 * A trie over word keys: walking it along the words of a text finds every known name that
 * starts at a word in time proportional to the name's length, whatever the size of the KB.
 */
export class KeyTrie<T> {
  private readonly root: TrieNode<T> = emptyNode();
  private count = 0;
  /**
   * A small number told apart from the other tries' (they take turns through `TRIE_SLOTS`):
   * where callers memo per word what this trie says (src/analyzers/entities/word-forms.ts).
   */
  readonly slot = nextSlot++ % TRIE_SLOTS;

  get size(): number {
    return this.count;
  }

  add(keys: readonly string[], value: T): void {
    if (keys.length === 0) return;
    let node = this.root;
    for (const k of keys) node = childOf(node, k) ?? addChild(node, k);
    (node.values ??= []).push(value);
    this.count++;
  }

  /** Where the names starting with `key` go on from, or null when none does. */
  first(key: string): TrieStep<T> | null {
    return childOf(this.root, key);
  }

  /** Where the names through `step` go on with `key`, or null (a step-by-step walk; see `walk`). */
  next(step: TrieStep<T>, key: string): TrieStep<T> | null {
    return childOf(step as TrieNode<T>, key);
  }

  /** Whether names go on after `step`. */
  goesOn(step: TrieStep<T>): boolean {
    const node = step as TrieNode<T>;
    return node.onlyKey !== null || node.next !== null;
  }

  /**
   * Every match starting at `from`: calls `found(length, values)` for each prefix of
   * `keyAt(from), keyAt(from+1)…` that ends a stored sequence. `keyAt` returns null to stop.
   */
  walk(keyAt: (i: number) => string | null, from: number, found: (length: number, values: readonly T[]) => void): void {
    let node: TrieNode<T> | null = this.root;
    for (let i = from; node !== null && this.goesOn(node); i++) {
      const k = keyAt(i);
      if (k === null) return;
      node = childOf(node, k);
      if (node?.values) found(i - from + 1, node.values);
    }
  }
}

/** A node reached by some keys: the values of the sequences that end there. */
export interface TrieStep<T> {
  readonly values: readonly T[] | null;
}

/**
 * Most nodes of a KB's trie have one child (the next word of one multi-word name): that one
 * is held in two fields, and a Map is made only where names branch — a KB of 30,000 names
 * then builds and collects some 40,000 fewer Maps at load.
 */
interface TrieNode<T> extends TrieStep<T> {
  values: T[] | null;
  onlyKey: string | null;
  only: TrieNode<T> | null;
  next: Map<string, TrieNode<T>> | null;
}

function emptyNode<T>(): TrieNode<T> {
  return { values: null, onlyKey: null, only: null, next: null };
}

function childOf<T>(node: TrieNode<T>, key: string): TrieNode<T> | null {
  if (node.onlyKey !== null) return node.onlyKey === key ? node.only : null;
  return node.next?.get(key) ?? null;
}

function addChild<T>(node: TrieNode<T>, key: string): TrieNode<T> {
  const child = emptyNode<T>();
  if (node.onlyKey === null && node.next === null) {
    node.onlyKey = key;
    node.only = child;
    return child;
  }
  if (node.onlyKey !== null) {
    node.next = new Map([[node.onlyKey, node.only as TrieNode<T>]]);
    node.onlyKey = null;
    node.only = null;
  }
  (node.next as Map<string, TrieNode<T>>).set(key, child);
  return child;
}
