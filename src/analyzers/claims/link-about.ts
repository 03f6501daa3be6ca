import type { Claim } from '../../core/record.js';
import type { ClaimContext } from './context.js';
import { demonymCountries } from './demonyms.js';
import { wordKey } from '../attribution/phrases.js';

// The least score for a denial to be linked: one clear sign (the source named, or the noun and the content) is needed.
const MIN_SCORE = 2;
// Assertions looked at before and after a denial at most (a 1 MB text must stay near linear).
const MAX_BEFORE = 60;
const MAX_AFTER = 20;
// Content words are compared by their first letters, so that "livré" meets "livraisons".
const STEM = 5;

/**
 * For each denial or doubt, the claim of the same document it answers (`about`), by what it
 * refers to: the source it names ("les allégations américaines" → a claim whose source is of
 * the United States), the noun it uses ("accusations" → a claim cued by "accuser"), the content
 * both share, and a claim named inside the denial itself ("a rejeté les accusations selon
 * lesquelles …"). Earlier claims are preferred; a party does not deny its own claim. A denial
 * whose content only refers to a claim ("toute implication") and matches none answers the last
 * claim of another party a few sentences before.
 */
export function linkAbout(ctx: ClaimContext, claims: Claim[], references: ReadonlySet<Claim>): void {
  const asserts = claims.filter((c) => c.stance === 'assert'); // in text order, as `claims` are
  const stems = new Map<Claim, Set<string>>();
  const stemsOf = (c: Claim): Set<string> => {
    let s = stems.get(c);
    if (!s) stems.set(c, (s = contentWords(ctx, c.start, c.end)));
    return s;
  };
  const cueKeys = new Map<Claim, string>();
  const cueKeyOf = (c: Claim): string => {
    let k = cueKeys.get(c);
    if (k === undefined) cueKeys.set(c, (k = wordKey(c.cue?.text ?? '')));
    return k;
  };
  for (const d of claims) {
    if (d.stance === 'assert') continue;
    const a = ctx.words.indexAt(d.start);
    const b = ctx.words.indexAt(d.end);
    const countries = demonymCountries(ctx.words, a, b, ctx.lex.lang);
    const named = new Set<string>();
    for (const m of ctx.mentions.inside(d.start, d.end)) {
      named.add(m.entity);
      const country = ctx.mentions.entity(m.entity)?.country;
      if (country) countries.add(country);
    }
    let family: readonly string[] = [];
    for (let i = a; i < b && family.length === 0; i++) family = ctx.lex.nouns.match((k) => ctx.words.key(k), i)?.value.family ?? [];
    const words = stemsOf(d);
    const denier = d.source ? ctx.mentions.entity(d.source) : undefined;
    const sentence = ctx.words.at(a)?.sentence;
    const split = firstAtOrAfter(asserts, d.start);
    let best: { claim: Claim; score: number } | null = null;
    for (let k = Math.max(0, split - MAX_BEFORE); k < Math.min(asserts.length, split + MAX_AFTER); k++) {
      const c = asserts[k]!;
      if (c.source !== null && c.source === d.source) continue;
      let score = 0;
      // "a rejeté les accusations … selon lesquelles …": the claim named in (or right after) the denied words
      if ((c.start >= d.start && c.end <= d.end) || (c.cue !== null && c.cue.start >= d.start && c.cue.start <= d.end)) score += 5;
      const source = c.source ? ctx.mentions.entity(c.source) : undefined;
      if (source && (named.has(source.id) || (source.country !== null && countries.has(source.country)))) score += 3;
      const cue = cueKeyOf(c);
      if (family.includes('*')) score += 0.5;
      if (family.some((stem) => stem !== '*' && cue.includes(stem))) score += 2;
      // who denies is often who the claim is about ("Washington accuse Téhéran …" — "L'Iran a démenti")
      if (denier && namedIn(ctx, c, denier.id, denier.country)) score += 2;
      // "X a revendiqué …, une affirmation démentie par Y": a claim just before, in the same sentence
      if (c.end <= d.start && ctx.words.at(ctx.words.indexAt(c.start))?.sentence === sentence) score += 1.5;
      const shared = overlap(words, stemsOf(c));
      if (shared >= 0) score += 3 * shared;
      score += c.end <= d.start ? 0.5 : -0.5;
      if (score < MIN_SCORE) continue;
      // on a tie, the closest claim before the denial
      if (!best || score > best.score || (score === best.score && c.end <= d.start && c.start > best.claim.start)) best = { claim: c, score };
    }
    d.about = best?.claim.id ?? (references.has(d) ? closestBefore(ctx, asserts, split, d)?.id ?? null : null);
  }
}

// A denial that only refers to a claim ("nie toute implication") answers, by default, the last claim of another party this many sentences back at most.
const DEFAULT_REACH_SENTENCES = 3;

function closestBefore(ctx: ClaimContext, asserts: readonly Claim[], split: number, d: Claim): Claim | null {
  const sentenceOf = (pos: number): number => ctx.words.at(Math.min(ctx.words.indexAt(pos), ctx.words.length - 1))?.sentence ?? 0;
  for (let k = split - 1; k >= Math.max(0, split - MAX_BEFORE); k--) {
    const c = asserts[k]!;
    if (c.end > d.start || (c.source !== null && c.source === d.source)) continue;
    return sentenceOf(d.start) - sentenceOf(c.start) <= DEFAULT_REACH_SENTENCES ? c : null;
  }
  return null;
}

/** Whether a claim's content names an entity, or anything of its country ("des entreprises chinoises" for China). */
function namedIn(ctx: ClaimContext, c: Claim, id: string, country: string | null): boolean {
  for (const m of ctx.mentions.inside(c.start, c.end)) {
    if (m.entity === id || (country !== null && ctx.mentions.entity(m.entity)?.country === country)) return true;
  }
  if (country === null) return false;
  return demonymCountries(ctx.words, ctx.words.indexAt(c.start), ctx.words.indexAt(c.end), ctx.lex.lang).has(country);
}

/** Index of the first claim that starts at or after `pos`. */
function firstAtOrAfter(claims: readonly Claim[], pos: number): number {
  let lo = 0;
  let hi = claims.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (claims[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Stems of the content words of a span (letters only, not grammar words, at least four letters). */
function contentWords(ctx: ClaimContext, start: number, end: number): Set<string> {
  const out = new Set<string>();
  const { lex } = ctx;
  for (let i = ctx.words.indexAt(start); i < ctx.words.length && ctx.words.at(i)!.end <= end; i++) {
    const key = ctx.words.key(i)!;
    if (key.length < 4 || !/^\p{L}+$/u.test(key) || lex.determiners.has(key) || lex.prepositions.has(key) || lex.pronouns.has(key)) continue;
    out.add(key.normalize('NFD').replace(/\p{M}/gu, '').slice(0, STEM));
  }
  return out;
}

/** The share of the smaller set found in the other, when at least two stems are shared; else -1. */
function overlap(x: Set<string>, y: Set<string>): number {
  let shared = 0;
  for (const s of x) if (y.has(s)) shared++;
  if (shared < 2) return -1;
  return shared / Math.min(x.size, y.size);
}
