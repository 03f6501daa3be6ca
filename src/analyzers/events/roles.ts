import type { EventLexicon } from './lexicon.js';
import type { Match } from './match.js';
import type { Participant } from './participant.js';
import type { Slot } from './pattern.js';
import type { SentenceContext } from './sentence-context.js';
import { W } from './word-class.js';

const STOP = W.BOUNDARY | W.OPENER;

/** The participants of `p`'s coordination group ("la Grèce et l'Égypte"), pronouns resolved. */
export function groupOf(ctx: SentenceContext, p: Participant): Participant[] {
  const members = p.group < 0 ? [p] : ctx.parts.filter((q) => q.group === p.group);
  return members.flatMap((q) => (q.kind === 'pronoun' ? ctx.resolve(q) : [q]));
}

/** The preposition right before a participant (articles, adverbs, titles and up to two plain words between), or -1. */
export function prepBefore(ctx: SentenceContext, first: number): number {
  const cls = ctx.view.classes;
  let plain = 0;
  for (let k = first - 1; k >= 0 && k >= first - 5; k--) {
    const c = cls[k]!;
    // "des"/"du" open a sentence as articles ("Des soldats ont tiré"), elsewhere as "de" + article
    if (c & W.PREP) {
      if (k === 0 && c & W.DET) return -1;
      // "after a Syrian missile shot down": a conjunction there, the name is a subject
      if (c & W.OPENER) return -1;
      // "des milliers de Kényans", "thousands of people": the quantity is not what the noun depends on
      if (c & W.GEN && k > 0 && cls[k - 1]! & (W.QUANT | W.NUMBER)) return -1;
      return k;
    }
    if (ctx.partAt[k]! >= 0) return -1;
    if (c & (W.DET | W.ADV | W.NUMBER)) continue;
    // "du président chilien Gabriel Boric": role words may stand between
    if (ctx.roleAt[k] && plain < 3) {
      plain++;
      continue;
    }
    return -1;
  }
  return -1;
}

/**
 * The subject of the clause ending at `from`: the nearest participant to the left that no
 * preposition introduces, looking past a parenthesis between commas; "qui"/"who" gives its
 * antecedent; a `que`/`that`, a clause opener or strong punctuation ends the search.
 */
export function subjectBefore(ctx: SentenceContext, from: number): Participant[] | null {
  const { classes: cls } = ctx.view;
  let k = from - 1;
  let j = k;
  while (j >= 0 && cls[j]! & (W.AUX | W.ADV | W.NEG | W.CLITIC | W.REFLEX) && ctx.partAt[j]! < 0) j--;
  // "X s'est entretenu avec Y et a déclaré", "Chad opened its border but kept refusing": the verbs share a subject
  if (j >= 0 && (cls[j]! & W.COORD || ctx.view.keys[j] === 'but' || ctx.view.keys[j] === 'mais') && ctx.partAt[j]! < 0) {
    const previous = ctx.matches.filter((m) => m.last < j && m.tag !== 'noun').at(-1);
    if (previous && ![...Array(j - previous.last).keys()].some((d) => cls[previous.last + d]! & (W.COMP | STOP))) return subjectBefore(ctx, previous.head);
    const first = ctx.parts.find((p) => p.last < j && !p.possessor && prepBefore(ctx, p.first) < 0);
    if (first && ![...Array(j - first.last).keys()].some((d) => cls[first.last + d]! & (W.COMP | W.BOUNDARY))) return groupOf(ctx, first);
  }
  if (j >= 0 && cls[j]! & W.COMMA) {
    let o = j - 1;
    while (o >= 0 && !(cls[o]! & (W.COMMA | W.BOUNDARY | W.COMP | W.OPENER))) o--;
    if (o >= 0 && cls[o]! & W.COMMA) {
      const inside = ctx.parts.filter((p) => p.first > o && p.last < j);
      const words = [...Array(j - o - 1).keys()].map((d) => o + 1 + d).filter((t) => !(cls[t]! & W.DET));
      if (inside.length > 0 && words.every((t) => inside.some((p) => p.first <= t && t <= p.last)) && new Set(inside.map((p) => p.group)).size === 1) {
        return groupOf(ctx, inside[0]!);
      }
      k = o - 1;
    } else k = j - 1;
  }
  let sawNamed = false;
  let fallback: Participant[] | null = null;
  while (k >= 0) {
    const c = cls[k]!;
    // "the Sendero (Shining Path) group": a parenthesis is looked past
    if (ctx.view.keys[k] === ')') {
      while (k >= 0 && ctx.view.keys[k] !== '(') k--;
      k--;
      continue;
    }
    if (c & STOP) return fallback;
    const pi = ctx.partAt[k]!;
    if (pi >= 0) {
      const p = ctx.parts[pi]!;
      // "Joseph Kony's LRA network has threatened": with nothing named after it, the owner acts
      if (p.possessor && !sawNamed) return groupOf(ctx, p);
      if (!(p.kind === 'nominal' && p.code === null)) sawNamed = true;
      if (p.possessor || prepBefore(ctx, p.first) >= 0) {
        k = p.first - 1;
        continue;
      }
      // "Turkish aircraft including armed drones": a noun of no country is a fallback, a named one further left wins
      if (p.kind === 'nominal' && p.code === null && groupOf(ctx, p).length === 1) {
        fallback ??= groupOf(ctx, p);
        k = p.first - 1;
        continue;
      }
      return groupOf(ctx, p);
    }
    if (c & W.REL) return antecedent(ctx, k) ?? fallback;
    if (c & W.COMP) return fallback;
    k--;
  }
  return fallback;
}

/** What "qui"/"who" stands for: the participant right before it, unless it is a place a preposition introduces ("la guerre au Yémen, qui"). */
function antecedent(ctx: SentenceContext, rel: number): Participant[] | null {
  let k = rel - 1;
  if (k >= 0 && ctx.view.classes[k]! & W.COMMA) k--;
  const pi = k >= 0 ? ctx.partAt[k]! : -1;
  if (pi < 0) return null;
  const p = ctx.parts[pi]!;
  return p.place && prepBefore(ctx, p.first) >= 0 ? null : groupOf(ctx, p);
}

/** The first participant starting within `span` tokens after `from` (articles and plain words skipped). */
function participantFrom(ctx: SentenceContext, from: number, span: number): Participant | null {
  const cls = ctx.view.classes;
  let noun = false;
  for (let k = from; k < ctx.view.tokens.length && k < from + span; k++) {
    const pi = ctx.partAt[k]!;
    if (pi >= 0) {
      const p = ctx.parts[pi]!;
      return p.possessor ? participantFrom(ctx, p.last + 2, span) : p;
    }
    const c = cls[k]!;
    if (c & (STOP | W.COMMA | W.COMP | W.REL) || (c & W.PREP && !(c & W.DET))) return null;
    // "l'allié de la France": the name completes another noun
    if (noun && c & W.GEN) return null;
    if (c === 0 && !ctx.roleAt[k]) noun = true;
  }
  return null;
}

/** The direct object right of a verb: articles, adverbs and up to three plain words may come first. */
export function objectAfter(ctx: SentenceContext, m: Match): Participant[] | null {
  const { classes: cls, tokens } = ctx.view;
  let skipped = 0;
  for (let k = m.thenLast + 1; k < tokens.length; k++) {
    if (k === m.withAt) continue;
    const pi = ctx.partAt[k]!;
    if (pi >= 0) {
      const p = ctx.parts[pi]!;
      if (p.possessor) {
        k = p.last + 1;
        continue;
      }
      return groupOf(ctx, p);
    }
    const c = cls[k]!;
    if (c & W.DET) continue;
    if (c & (W.PREP | STOP | W.COMMA | W.COMP | W.REL)) return null;
    if (c & (W.ADV | W.NEG | W.NUMBER | W.POSS)) continue;
    if (ctx.matchAt[k]! >= 0 && ctx.matches[ctx.matchAt[k]!]!.tag !== 'noun') return null;
    if (++skipped > 3) return null;
  }
  return null;
}

/** A participant after one of the prepositions of `set` (contractions included), right of the trigger, in the same clause. */
export function afterPreposition(ctx: SentenceContext, m: Match, set: ReadonlySet<string>): Participant[] | null {
  const { classes: cls, keys, tokens } = ctx.view;
  for (let k = m.thenLast + 1; k < tokens.length && k <= m.last + 14; k++) {
    const c = cls[k]!;
    if (c & STOP) return null;
    if (ctx.partAt[k]! >= 0) {
      k = ctx.parts[ctx.partAt[k]!]!.last;
      continue;
    }
    if (set.has(keys[k] as string)) {
      const p = participantFrom(ctx, k + 1, 6);
      if (p) return groupOf(ctx, p);
    } else if (c & W.COMP) return null;
  }
  return null;
}

// the word sets of `prep:` slots, per lexicon (its contractions) and slot: the same few slots are filled again and again
const prepSets = new WeakMap<EventLexicon, Map<string, Set<string>>>();

/** The prepositions of a `prep:à|au` slot with their contractions ("à" → "au", "aux"). */
function prepositionSet(lexicon: EventLexicon, slot: `prep:${string}`): Set<string> {
  let sets = prepSets.get(lexicon);
  if (!sets) prepSets.set(lexicon, (sets = new Map()));
  let set = sets.get(slot);
  if (!set) sets.set(slot, (set = new Set(slot.slice(5).split('|').flatMap((p) => [p, ...(lexicon.contractions.get(p) ?? [])]))));
  return set;
}

/** "X's visit", "sa visite" (the clause subject, else the nearest participant), "la visite de X" (one other complement may come first). */
export function genitiveOf(ctx: SentenceContext, m: Match): Participant[] | null {
  const { classes: cls, tokens } = ctx.view;
  let k = m.head - 1;
  let plain = 0;
  while (k >= 0 && plain < 2 && cls[k] === 0 && ctx.partAt[k]! < 0) { k--; plain++; }
  if (k >= 1 && cls[k]! & W.POSSESSOR && ctx.partAt[k - 1]! >= 0) return groupOf(ctx, ctx.parts[ctx.partAt[k - 1]!]!);
  if (k >= 0 && cls[k]! & W.POSS && ctx.partAt[k]! < 0) return possessorOf(ctx, m.head);
  for (let r = m.last + 1; r < tokens.length && r <= m.last + 8; r++) {
    const c = cls[r]!;
    if (c & (STOP | W.COMMA | W.COMP | W.REL)) return null;
    if (ctx.partAt[r]! >= 0) return null;
    if (c & W.GEN) {
      const p = participantFrom(ctx, r + 1, 4);
      if (p) return p.code !== null || p.entity !== null ? groupOf(ctx, p) : null;
      continue;
    }
    if (c & W.PREP) {
      const p = participantFrom(ctx, r + 1, 3);
      if (!p) return null;
      r = p.last;
    }
  }
  return null;
}

/** Whose "sa"/"their": the clause's subject, else the nearest participant before, else the first after not behind a preposition. */
export function possessorOf(ctx: SentenceContext, at: number): Participant[] | null {
  const subject = subjectBefore(ctx, at);
  if (subject) return subject;
  for (let k = at - 1; k >= 0; k--) if (ctx.partAt[k]! >= 0) return groupOf(ctx, ctx.parts[ctx.partAt[k]!]!);
  for (const p of ctx.parts) if (p.first > at && !p.possessor && prepBefore(ctx, p.first) < 0) return groupOf(ctx, p);
  return null;
}

/** The `par`/`by` agent after the trigger. */
export function agentAfter(ctx: SentenceContext, m: Match, near = false): Participant[] | null {
  const { classes: cls, tokens } = ctx.view;
  const reach = near ? 6 : 14;
  for (let k = m.thenLast + 1; k < tokens.length && k <= m.last + reach; k++) {
    const c = cls[k]!;
    if (c & STOP) return null;
    if (c & W.AGENT && ctx.partAt[k]! < 0) {
      const p = participantFrom(ctx, k + 1, 4);
      if (p) return groupOf(ctx, p);
    }
  }
  return null;
}

/** A nationality next to a noun: "l'invasion russe", "the Israeli air strike". */
export function demonymNear(ctx: SentenceContext, m: Match): Participant[] | null {
  for (const k of [m.last + 1, m.last + 2, m.head - 1, m.head - 2]) {
    const pi = k >= 0 ? ctx.partAt[k] : undefined;
    if (pi === undefined || pi < 0) continue;
    const p = ctx.parts[pi]!;
    if (p.kind !== 'demonym') continue;
    const between = k > m.last ? [m.last + 1, k] : [k + 1, m.head];
    let ok = true;
    for (let t = between[0]!; t < between[1]!; t++) if (ctx.view.classes[t] !== 0 || ctx.partAt[t]! >= 0) ok = false;
    if (ok) return [p];
  }
  return null;
}

/** A place after a locative or destination preposition: the host of a visit. */
export function placeAfter(ctx: SentenceContext, m: Match): Participant[] | null {
  for (const p of ctx.parts) {
    if (p.first <= m.thenLast || p.first > m.last + 12 || !p.place) continue;
    const k = prepBefore(ctx, p.first);
    if (k < 0) continue;
    const c = ctx.view.classes[k]!;
    if (!(c & (W.DEST | W.LOC))) continue;
    // stop at a clause boundary between trigger and place
    let crossed = false;
    for (let t = m.thenLast + 1; t < p.first; t++) if (ctx.view.classes[t]! & (STOP | W.COMP)) crossed = true;
    if (!crossed) return [p];
  }
  return null;
}

/** The first participant after the trigger in the sentence (not an excluded one). */
export function firstAfter(ctx: SentenceContext, m: Match, exclude: ReadonlySet<Participant>): Participant[] | null {
  for (const p of ctx.parts) {
    // a participant may hold the pattern's `with` word ("a rappelé son ambassadeur en Espagne")
    if (p.last <= m.last && !(m.withAt >= p.first && m.withAt <= p.last) || p.first <= m.head || p.possessor || exclude.has(p)) continue;
    let crossed = false;
    for (let t = m.last + 1; t < p.first; t++) if (ctx.view.keys[t] === ';') crossed = true;
    if (crossed) return null;
    return groupOf(ctx, p).filter((q) => !exclude.has(q));
  }
  return null;
}

/** What the role finders need beyond the sentence: the subject of an infinitive, the speaker of a report. */
export interface RoleHints {
  /** For a non-finite verb: the subject of the verb governing it. */
  controller: Participant[] | null;
  speaker: Participant[] | null;
  /** Nouns whose clause subject is the one who speaks about them ("a imputé l'embuscade"): no clause subject. */
  noClauseSubject: boolean;
}

/** The participants a slot list finds for a match: the first slot that finds any. */
export function fillSlots(ctx: SentenceContext, m: Match, slots: readonly Slot[], hints: RoleHints, exclude: ReadonlySet<Participant>): Participant[] {
  for (const slot of slots) {
    const found = fillSlot(ctx, m, slot, hints, exclude)?.filter((p) => !exclude.has(p));
    if (found && found.length > 0) return found;
  }
  return [];
}

function fillSlot(ctx: SentenceContext, m: Match, slot: Slot, hints: RoleHints, exclude: ReadonlySet<Participant>): Participant[] | null {
  switch (slot) {
    case 'subject':
      if (m.passive) return agentAfter(ctx, m);
      return subjectBefore(ctx, m.head) ?? (m.nonFinite ? hints.controller ?? nearestPerson(ctx, m.head) : null);
    case 'object':
      return m.passive ? subjectBefore(ctx, m.head) : objectAfter(ctx, m);
    case 'genitive':
      return genitiveOf(ctx, m);
    case 'agent':
      // a noun's agent, unless its pattern looks there first, is close to it ("a rally … by X")
      return agentAfter(ctx, m, m.tag === 'noun' && m.pattern.actor[0] !== 'agent');
    case 'demonym':
      return demonymNear(ctx, m);
    case 'clause_subject':
      return hints.noClauseSubject || !afterSupportVerb(ctx, m) ? null : subjectBefore(ctx, m.head);
    case 'place':
      return placeAfter(ctx, m);
    case 'after':
      // in the passive, what follows is the agent; what the verb acts on is its subject
      return m.passive ? subjectBefore(ctx, m.head) : firstAfter(ctx, m, exclude);
    case 'speaker':
      return hints.speaker;
    default:
      return afterPreposition(ctx, m, prepositionSet(ctx.lexicon, slot));
  }
}

/** "a lancé une attaque", "held talks": a support verb before the noun (articles, adjectives between), so its subject acts. */
function afterSupportVerb(ctx: SentenceContext, m: Match): boolean {
  for (let k = m.head - 1, plain = 0; k >= 0 && plain <= 5; k--) {
    if (ctx.lexicon.supportVerbs.has(ctx.view.keys[k] as string)) return true;
    const c = ctx.view.classes[k]!;
    if (ctx.partAt[k]! >= 0 || c & (STOP | W.COMP | W.REL)) return false;
    // "opened mortar and machine-gun fire"
    if (!(c & (W.DET | W.POSS | W.ADV | W.NUMBER | W.COMMA | W.COORD))) plain++;
  }
  return false;
}

/** The nearest person named before: who an infinitive with no subject in sight is about ("… de Lula après avoir accepté"). */
function nearestPerson(ctx: SentenceContext, at: number): Participant[] | null {
  let person: Participant | null = null;
  for (const p of ctx.parts) if (p.last < at && !p.possessor && p.entity?.type === 'PER') person = p;
  return person ? groupOf(ctx, person) : null;
}
