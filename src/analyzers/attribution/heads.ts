/**
 * Which mentions of a subject are its head: subject-like mentions (not complements, not noun
 * modifiers), the one chosen among them and those coordinated with it, and the phrase they make.
 */
import type { MentionRef } from './mentions.js';
import { wordRange, type SpeakerContext } from './speaker-context.js';

// Words between two mentions of one entity that still make one phrase ("ministre belge des Affaires étrangères Hadja Lahbib").
const MAX_PHRASE_GAP = 6;

/**
 * A mention that can be a subject: not the complement of a preposition ("le porte-parole de
 * l'armée"), not a noun modifier before a role ("Kremlin spokesman"). Words before `floor` (the
 * cue of "selon le Pentagone") are not looked at.
 */
function subjectLike(ctx: SpeakerContext, m: MentionRef, floor: number): boolean {
  const { words, lex } = ctx;
  const [a, b] = wordRange(ctx, m);
  const sentence = words.at(a)?.sentence;
  let p = a - 1;
  for (let n = 0; n < 2 && p >= floor && words.at(p)?.sentence === sentence && lex.determiners.has(words.key(p)!); n++) p--;
  if (p >= floor && words.at(p)?.sentence === sentence && lex.prepositions.has(words.key(p)!)) return false;
  const next = words.at(b)?.sentence === sentence ? words.key(b)! : '';
  if (lex.roleNouns.has(next) || next === "'s" || next === "'") return false; // "Kremlin spokesman", "Ukraine's president"
  return true;
}


/**
 * Picks the head among subject-like mentions: the first, or a person named right after it in
 * the same noun phrase ("UN relief chief Martin Griffiths"), and the
 * mentions coordinated with it ("la Biélorussie et la Russie").
 */
export function chooseHead(ctx: SpeakerContext, heads: MentionRef[]): { head: MentionRef; group: MentionRef[] } {
  const { words, lex } = ctx;
  const gapWords = (x: MentionRef, y: MentionRef): [number, number] => [words.indexAt(x.end), words.indexAt(y.start)];
  const sameNounPhrase = (x: MentionRef, y: MentionRef): boolean => {
    const [a, b] = gapWords(x, y);
    for (let i = a; i < b; i++) {
      const key = words.key(i)!;
      if (!(words.isCapitalized(i) || lex.roleNouns.has(key) || lex.determiners.has(key) || lex.nameParticles.has(key))) return false;
    }
    return true;
  };
  // "UN relief chief Martin Griffiths": a role noun right before the person
  const roleBefore = (x: MentionRef, y: MentionRef): boolean => {
    const [a, b] = gapWords(x, y);
    if (b <= a || b - a > 3 || !lex.roleNouns.has(words.key(b - 1)!)) return false;
    for (let i = a; i < b; i++) if (words.isPunct(i)) return false;
    return true;
  };
  let idx = 0;
  for (let k = 0; k < heads.length - 1 && heads[k]!.type !== 'PER' && (sameNounPhrase(heads[k]!, heads[k + 1]!) || roleBefore(heads[k]!, heads[k + 1]!)); k++) {
    if (heads[k + 1]!.type === 'PER') {
      idx = k + 1;
      break;
    }
  }
  const coordinated = (x: MentionRef, y: MentionRef): boolean => {
    const [a, b] = gapWords(x, y);
    if (b <= a) return false;
    for (let i = a; i < b; ) {
      const key = words.key(i)!;
      if (key === ',' || lex.determiners.has(key)) {
        i++;
        continue;
      }
      const c = lex.coordinators.match((j) => words.key(j), i);
      if (!c) return false;
      i += c.length;
    }
    return true;
  };
  let lo = idx;
  let hi = idx;
  while (lo > 0 && coordinated(heads[lo - 1]!, heads[lo]!)) lo--;
  while (hi < heads.length - 1 && coordinated(heads[hi]!, heads[hi + 1]!)) hi++;
  const group = heads.slice(lo, hi + 1).filter((m, i, all) => all.findIndex((x) => x.entity === m.entity) === i);
  return { head: heads[idx]!, group };
}

/** Start of the noun phrase ending in a mention: determiners, titles, role nouns, capitalized words before it. */
export function phraseStart(ctx: SpeakerContext, a: number, floor: number): number {
  const { words, lex } = ctx;
  while (a - 1 >= floor) {
    const key = words.key(a - 1)!;
    if (words.isPunct(a - 1)) break;
    if (lex.determiners.has(key) || lex.nameParticles.has(key) || lex.roleNouns.has(key) || words.isCapitalized(a - 1)) a--;
    else break;
  }
  return a;
}

/** End of the phrase of the group: later mentions of the same entities close by ("ministre belge … Hadja Lahbib"). */
export function phraseEnd(ctx: SpeakerContext, group: MentionRef[], limit: number): number {
  const ids = new Set(group.map((m) => m.entity));
  let end = ctx.words.indexAt(group[group.length - 1]!.end);
  for (const m of ctx.mentions.inside(ctx.words.at(end)?.start ?? Infinity, ctx.words.at(limit - 1)?.end ?? 0)) {
    const [a, b] = wordRange(ctx, m);
    if (!ids.has(m.entity) || a - end > MAX_PHRASE_GAP) break;
    let punct = false;
    for (let i = end; i < a; i++) punct ||= ctx.words.isPunct(i);
    if (punct) break;
    end = b;
  }
  return end;
}

export function headsIn(ctx: SpeakerContext, a: number, b: number): MentionRef[] {
  if (b <= a) return [];
  const found = ctx.mentions.startingIn(ctx.words.at(a)!.start, ctx.words.at(b - 1)!.end).filter((m) => subjectLike(ctx, m, a) && namesSomeone(ctx, m));
  // "Trade Commissioner Pierre Lemaire": a title taken for a mention is part of the name after it
  return found.filter((m, i) => !(onlyRoleWords(ctx, m) && found[i + 1] !== undefined && ctx.words.indexAt(found[i + 1]!.start) === ctx.words.indexAt(m.end)));
}

/** A mention with a capital, or a role phrase ("le président russe"); not a common noun taken for a name. */
function namesSomeone(ctx: SpeakerContext, m: MentionRef): boolean {
  const [a, b] = wordRange(ctx, m);
  for (let i = a; i < b; i++) if (ctx.words.isCapitalized(i) || ctx.lex.roleNouns.has(ctx.words.key(i)!)) return true;
  return false;
}

function onlyRoleWords(ctx: SpeakerContext, m: MentionRef): boolean {
  const [a, b] = wordRange(ctx, m);
  for (let i = a; i < b; i++) if (!ctx.lex.roleNouns.has(ctx.words.key(i)!)) return false;
  return b > a;
}

