import type { ClaimContext, ClaimDraft } from './context.js';
import { contentEnd } from './clause.js';
import { countryEntity } from './country-entity.js';
import { demonymCountries } from './demonyms.js';
import { subjectBefore } from '../attribution/speaker.js';
import type { StanceCue } from './stance-verbs.js';

// Words between a claim noun and its connector ("les accusations américaines répétées selon lesquelles").
const MAX_TO_CONNECTOR = 6;
// Words before a claim noun that still belong to its phrase ("de nouvelles accusations").
const MAX_MODIFIERS = 2;
// Reported content shorter than this is no claim.
const MIN_CONTENT_WORDS = 2;

/**
 * Claims stated by a noun: "des accusations selon lesquelles Minsk aurait livré des
 * munitions", "allegations that …". The source is the country of a demonym ("américaines"), an
 * entity in a complement ("de Washington"), or the subject of the verb the noun is the object
 * of ("l'Ukraine a formulé de nouvelles accusations") — never the subject of a denial.
 */
export function nounClaims(ctx: ClaimContext, stance: readonly StanceCue[]): ClaimDraft[] {
  const { words, lex } = ctx;
  const key = (k: number): string | undefined => words.key(k);
  const denialEnds = new Set(stance.filter((c) => c.stance !== 'assert').map((c) => c.last));
  const out: ClaimDraft[] = [];
  for (let i = 0; i < words.length; i++) {
    const noun = lex.nouns.match(key, i);
    if (!noun) continue;
    const sentEnd = words.sentenceEnd(i);
    let k = i + noun.length;
    let connector = 0;
    for (; k < Math.min(sentEnd, i + noun.length + MAX_TO_CONNECTOR + 1); k++) {
      connector = lex.connectors.match(key, k)?.length ?? 0;
      if (connector > 0 || words.isPunct(k)) break;
    }
    if (connector === 0) continue;
    const from = k + connector;
    // "The United States claims that …" is reported speech, found as a quote already
    if (ctx.indirectEnds.has(words.at(from)?.start ?? -1)) continue;
    const to = contentEnd(ctx, from, false);
    if (to - from < MIN_CONTENT_WORDS) continue;
    const sentStart = words.sentenceStart(i);
    let npStart = i;
    for (let n = 0; n < MAX_MODIFIERS && npStart - 1 > sentStart && !words.isPunct(npStart - 1) && !denialEnds.has(npStart) && !lex.auxiliaries.has(key(npStart - 1)!); n++) npStart--;
    const source = named(ctx, Math.max(sentStart, i - MAX_MODIFIERS), i, i + noun.length, k) ?? (denialEnds.has(npStart) || npStart <= sentStart ? null : subjectBefore(ctx, sentStart, npStart)?.head ?? null);
    out.push({
      start: words.at(from)!.start,
      end: words.at(to - 1)!.end,
      stance: 'assert',
      sources: [source],
      cue: { start: words.at(i)!.start, end: words.at(k + connector - 1)!.end },
      rule: 'assert/noun-that',
      pronoun: false,
    });
    i = k + connector - 1;
  }
  return out;
}

/** A source named in the noun phrase: an entity after the noun ("de Washington"), or a demonym before or after it. */
function named(ctx: ClaimContext, before: number, noun: number, nounEnd: number, connector: number): string | null {
  const { words } = ctx;
  const after = ctx.mentions.inside(words.at(nounEnd)?.start ?? Infinity, words.at(connector - 1)?.end ?? 0)[0];
  if (after && connector > nounEnd) return after.entity;
  for (const country of [...demonymCountries(words, nounEnd, connector, ctx.lex.lang), ...demonymCountries(words, before, noun, ctx.lex.lang)]) {
    const id = countryEntity(ctx.mentions, country);
    if (id) return id;
  }
  // "US allegations that …": an entity right before the noun
  const prev = ctx.mentions.inside(words.at(before)?.start ?? Infinity, words.at(noun - 1)?.end ?? 0).pop();
  return prev && words.indexAt(prev.end) === noun ? prev.entity : null;
}
