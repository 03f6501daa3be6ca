/**
 * A trie over word keys: walking it along the words of a text finds every known name that
 * starts at a word in time proportional to the name's length, whatever the size of the KB.
 */
export class KeyTrie<T> {
  private readonly root: TrieNode<T> = { next: null, values: null };
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(keys: readonly string[], value: T): void {
    if (keys.length === 0) return;
    let node = this.root;
    for (const k of keys) {
      node.next ??= new Map();
      let child = node.next.get(k);
      if (!child) {
        child = { next: null, values: null };
        node.next.set(k, child);
      }
      node = child;
    }
    (node.values ??= []).push(value);
    this.count++;
  }

  /**
   * Every match starting at `from`: calls `found(length, values)` for each prefix of
   * `keyAt(from), keyAt(from+1)…` that ends a stored sequence. `keyAt` returns null to stop.
   */
  walk(keyAt: (i: number) => string | null, from: number, found: (length: number, values: readonly T[]) => void): void {
    let node: TrieNode<T> | undefined = this.root;
    for (let i = from; node?.next; i++) {
      const k = keyAt(i);
      if (k === null) return;
      node = node.next.get(k);
      if (!node) return;
      if (node.values) found(i - from + 1, node.values);
    }
  }
}

interface TrieNode<T> {
  next: Map<string, TrieNode<T>> | null;
  values: T[] | null;
}
