/**
 * Speakers described rather than named: "la porte-parole du ministère", "a senior diplomat",
 * "le dirigeant" (the one who spoke before), "the chancellor" (the one person with that role).
 */
import type { SpeakerContext } from './speaker-context.js';

// Words of a speaker described without a name at most ("La porte-parole du ministère polonais de la Défense").
const MAX_DESCRIPTION_WORDS = 10;

/** A short phrase with no punctuation but apostrophes: a description, not a clause. */
export function describes(ctx: SpeakerContext, a: number, b: number): boolean {
  if (b - a > MAX_DESCRIPTION_WORDS) return false;
  for (let i = a; i < b; i++) if (ctx.words.isPunct(i) && !/^[«»“”"„‹›]$/.test(ctx.words.at(i)!.text)) return false;
  return true;
}

export function hasRoleOrSource(ctx: SpeakerContext, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const key = ctx.words.key(i)!;
    if (ctx.lex.roleNouns.has(key) || ctx.lex.sourceNouns.has(key)) return true;
  }
  return false;
}

export function hasSourceNoun(ctx: SpeakerContext, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (ctx.lex.sourceNouns.has(ctx.words.key(i)!)) return true;
  return false;
}

// Words of a time or a prepositional phrase between an inverted verb and its subject at most.
const MAX_SKIPPED = 8;

/**
 * Skips what may stand between an inverted verb and its subject: time words ("a déclaré
 * mardi le ministre") and a prepositional phrase ("a écrit sur Telegram le gouverneur", "a
 * déclaré lors d'un point presse le ministre"), which ends at a determiner that does
 * not follow a preposition.
 */
export function skipBeforeSpeaker(ctx: SpeakerContext, from: number, limit: number): number {
  const { words, lex } = ctx;
  while (from < limit && lex.introducers.has(words.key(from)!)) from++;
  if (from >= limit || !lex.speakerStops.has(words.key(from)!) || !lex.prepositions.has(words.key(from)!)) return from;
  for (let i = from + 1; i < Math.min(limit, from + MAX_SKIPPED); i++) {
    const key = words.key(i)!;
    if (words.isPunct(i)) return from;
    if (lex.determiners.has(key) && !lex.prepositions.has(words.key(i - 1)!)) return i;
  }
  return from;
}

// Words of a bare role description at most ("le dirigeant nord-coréen").
const MAX_BARE_ROLE = 3;

/**
 * A definite role with nothing more ("le dirigeant", "the chancellor"): it refers back, like a
 * pronoun, to the one who spoke before. A complement ("du ministère") or a name makes it someone else.
 */
export function bareRole(ctx: SpeakerContext, a: number, b: number): boolean {
  const { words, lex } = ctx;
  const key = words.key(a)!;
  if (b - a < 2 || b - a > MAX_BARE_ROLE || !lex.determiners.has(key) || /^(un|une|des|a|an|some|ses|son|sa|leur|leurs|his|her|their|its)$/.test(key)) return false;
  if (!lex.roleNouns.has(words.key(a + 1)!)) return false;
  for (let i = a + 1; i < b; i++) if (words.isCapitalized(i) || lex.prepositions.has(words.key(i)!)) return false;
  return true;
}

/**
 * The one person of the document who holds the role a definite description names
 * ("le porte-parole", "the spokeswoman"), when it names no complement ("du ministère").
 */
export function roleHolder(ctx: SpeakerContext, a: number, b: number): string | null {
  const { words, lex } = ctx;
  if (!lex.determiners.has(words.key(a)!) || /^(un|une|des|a|an|some)$/.test(words.key(a)!)) return null;
  let role: string | null = null;
  for (let i = a + 1; i < b; i++) {
    const key = words.key(i)!;
    if (lex.prepositions.has(key)) return null;
    if (lex.roleNouns.has(key)) role ??= key;
  }
  if (!role) return null;
  const holders = [...ctx.mentions.byId.values()].filter((e) => e.type === 'PER' && e.roles.some((r) => r.toLowerCase().split(/\s+/).includes(role!)));
  return holders.length === 1 ? holders[0]!.id : null;
}

