/**
 * A set of words where a trailing `*` matches any ending ("sanction*" matches "sanctions").
 * Exact words are one hash lookup; prefixes are few and checked in turn.
 */
export class WordMatcher {
  private readonly exact = new Set<string>();
  private readonly prefixes: string[] = [];

  constructor(words: Iterable<string>) {
    for (const w of words) {
      if (w.endsWith('*')) this.prefixes.push(w.slice(0, -1));
      else this.exact.add(w);
    }
  }

  get size(): number {
    return this.exact.size + this.prefixes.length;
  }

  has(key: string): boolean {
    if (this.exact.has(key)) return true;
    for (const p of this.prefixes) if (key.startsWith(p)) return true;
    return false;
  }
}
