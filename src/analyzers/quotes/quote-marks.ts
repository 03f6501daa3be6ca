import type { Words } from '../attribution/words.js';

/** A pair of quotation marks: word indices of the marks and the span of what they enclose. */
export interface MarkPair {
  open: number;
  close: number;
  start: number;
  end: number;
}

// A closing mark looks this deep in the stack for its opener; deeper openers stay unmatched.
const SEARCH_DEPTH = 4;
// Openers kept at most; older ones are forgotten (unbalanced text must not grow the stack).
const MAX_DEPTH = 16;
// Longer than this, a "quote" is two unbalanced marks, not words someone said.
export const MAX_QUOTE_CHARS = 8000;

interface Open {
  i: number;
  ch: string;
}

/**
 * The outermost pairs of quotation marks, in text order. One pass with a small stack, so
 * unbalanced or nested marks cost linear time. A quote does not cross a paragraph break,
 * except when the next paragraph opens with the same mark (the press convention for a
 * quote that goes on over several paragraphs).
 */
export function pairQuoteMarks(words: Words, marks: readonly { open: string; close: string }[]): MarkPair[] {
  const opens = new Set(marks.map((m) => m.open));
  const closesOf = new Map<string, Set<string>>();
  for (const m of marks) closesOf.set(m.open, (closesOf.get(m.open) ?? new Set()).add(m.close));
  const closers = new Set(marks.map((m) => m.close));
  const text = words.text;
  const pairs: MarkPair[] = [];
  let stack: Open[] = [];
  let para = -1;
  for (let i = 0; i < words.length; i++) {
    const w = words.list[i]!;
    if (w.kind !== 'punct' || (!opens.has(w.text) && !closers.has(w.text))) continue;
    const ch = w.text;
    if (w.para !== para) {
      const top = stack[stack.length - 1];
      const paraStart = i === 0 || words.list[i - 1]!.para !== w.para;
      para = w.para;
      if (top && paraStart && top.ch === ch && opens.has(ch)) continue; // continuation of a quote
      stack = [];
    }
    const straight = closesOf.get(ch)?.has(ch) === true;
    if (straight) {
      const before = w.start > 0 ? text[w.start - 1]! : ' ';
      const after = w.end < text.length ? text[w.end]! : ' ';
      const leftFlank = /[\s([{\u2014\u2013-]/.test(before);
      const rightFlank = /[\s.,;:!?)\]}\u2014\u2013-]/.test(after);
      const top = stack[stack.length - 1];
      if (top?.ch === ch && (rightFlank || !leftFlank)) {
        stack.pop();
        pushPair(pairs, words, top.i, i);
      } else if (leftFlank || !rightFlank) push(stack, { i, ch });
      continue;
    }
    let k = -1;
    for (let d = stack.length - 1; d >= Math.max(0, stack.length - SEARCH_DEPTH); d--) {
      if (closesOf.get(stack[d]!.ch)?.has(ch)) {
        k = d;
        break;
      }
    }
    if (k >= 0) {
      pushPair(pairs, words, stack[k]!.i, i);
      stack.length = k;
    } else if (opens.has(ch)) push(stack, { i, ch });
  }
  return outermost(pairs);
}

function push(stack: Open[], o: Open): void {
  stack.push(o);
  if (stack.length > MAX_DEPTH) stack.shift();
}

function pushPair(pairs: MarkPair[], words: Words, open: number, close: number): void {
  const text = words.text;
  let start = words.list[open]!.end;
  let end = words.list[close]!.start;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
  if (end <= start || end - start > MAX_QUOTE_CHARS) return;
  pairs.push({ open, close, start, end });
}

/** Pairs not inside another pair, in text order (pairs from one stack nest or are disjoint). */
function outermost(pairs: MarkPair[]): MarkPair[] {
  const sorted = [...pairs].sort((a, b) => a.open - b.open);
  const out: MarkPair[] = [];
  let lastClose = -1;
  for (const p of sorted) {
    if (p.open > lastClose) {
      out.push(p);
      lastClose = p.close;
    }
  }
  return out;
}
