import type { Claim, Quote } from '../../core/record.js';
import { documentContext, type AttributionInput } from '../attribution/document-context.js';
import type { ClaimContext, ClaimDraft } from './context.js';
import { claimLexicon } from './lexicon.js';
import { linkAbout } from './link-about.js';
import { nounClaims } from './noun-claims.js';
import { quoteClaims } from './quote-claims.js';
import { findStanceVerbs } from './stance-verbs.js';
import { verbClaim } from './verb-claims.js';

/** What the claims analyzer reads of a document: what the quotes analyzer reads, and its quotes. */
export interface ClaimInput extends AttributionInput {
  quotes: readonly Quote[];
}

/**
 * The claims of a document: assertions (reported speech, "allégations selon lesquelles …",
 * "accuse X de …"), denials and doubts, each with its source, cue and — for a denial or a
 * doubt — the claim it answers. A denial by several parties is one claim per party.
 * @example extractClaims(…'Moscou a démenti les accusations américaines.'…) // [{ stance: 'deny', source: <Russia>, text: 'les accusations américaines', … }]
 */
export function extractClaims(input: ClaimInput): Claim[] {
  const base = documentContext(input, claimLexicon(input.lang));
  if (!base) return [];
  const quotes = [...input.quotes].filter((q) => q.end <= input.text.length).sort((a, b) => a.start - b.start);
  const indirectEnds = new Map<number, number>();
  for (const q of quotes) if (q.kind === 'indirect' && !indirectEnds.has(q.start)) indirectEnds.set(q.start, q.end);
  const ctx: ClaimContext = { ...base, quotes, indirectEnds };
  const stance = findStanceVerbs(ctx.words, ctx.lex);
  const drafts: ClaimDraft[] = [];
  for (const c of stance) {
    const d = verbClaim(ctx, c);
    if (d) drafts.push(d);
  }
  drafts.push(...nounClaims(ctx, stance), ...quoteClaims(ctx));
  const references = new Set<Claim>();
  const claims = number(ctx, drafts, references);
  linkAbout(ctx, claims, references);
  return claims;
}

/** One claim per draft and source, in text order, numbered c1, c2…; the same claim found twice is kept once. */
function number(ctx: ClaimContext, drafts: ClaimDraft[], references: Set<Claim>): Claim[] {
  const sorted = [...drafts].sort((a, b) => a.start - b.start || b.end - a.end || a.cue.start - b.cue.start);
  const seen = new Set<string>();
  const out: Claim[] = [];
  for (const d of sorted) {
    const key = `${d.start}:${d.end}:${d.stance}:${d.cue.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const source of d.sources) {
      const claim: Claim = {
        id: `c${out.length + 1}`,
        start: d.start,
        end: d.end,
        text: ctx.text.slice(d.start, d.end),
        stance: d.stance,
        source,
        cue: { start: d.cue.start, end: d.cue.end, text: ctx.text.slice(d.cue.start, d.cue.end) },
        about: null,
        events: [],
        rule: `${ctx.lex.lang}/${d.rule}`,
      };
      out.push(claim);
      if (d.reference) references.add(claim);
    }
  }
  return out;
}
