import type { Match } from './match.js';
import type { Participant } from './participant.js';
import type { ContentEffect } from './pattern.js';
import { firstAfter, groupOf, subjectBefore, fillSlots } from './roles.js';
import type { SentenceContext } from './sentence-context.js';
import { W } from './word-class.js';

/** How a trigger depends on another: an intention's content, a report, a denial. */
export interface Governance {
  governor: Match | null;
  effect: ContentEffect | null;
  /** `object`: the trigger is a noun the governor takes as object ("a nié les accusations"). */
  via: 'infinitive' | 'clause' | 'object' | 'inverted' | 'attribution' | null;
  /** Who reports or states it (the governor's subject, or the "selon X"). */
  speaker: Participant[] | null;
  /** The words that govern: the governor's phrase, or "selon". */
  cue: { first: number; last: number } | null;
}

const NONE: Governance = { governor: null, effect: null, via: null, speaker: null, cue: null };
const CONTENT_LINKS = new Set([':', '«', '“', '"', "``", 'selon', 'lesquelles', 'lesquels', 'laquelle', 'lequel']);

/** The governor of `matches[mi]`, if any: the nearest earlier content-taking trigger it depends on, an inverted report after it, or an attribution. */
export function governanceOf(ctx: SentenceContext, mi: number): Governance {
  const m = ctx.matches[mi]!;
  const { classes: cls, keys } = ctx.view;
  for (let gi = mi - 1; gi >= 0; gi--) {
    const g = ctx.matches[gi]!;
    let hardStop = false;
    let clause = false;
    let plain = 0;
    let objectPosition = true;
    for (let t = g.last + 1; t < m.head; t++) {
      const c = cls[t]!;
      const k = keys[t] as string;
      if (k === ';' || (c & W.BOUNDARY && !CONTENT_LINKS.has(k) && k !== '»' && k !== '”')) hardStop = true;
      if (c & W.COMP || CONTENT_LINKS.has(k)) clause = true;
      if (ctx.partAt[t]! >= 0 || (c & W.PREP && !(c & W.DET)) || c & (W.COMMA | W.COMP | W.REL | W.BOUNDARY)) objectPosition = false;
      else if (!(c & (W.DET | W.ADV | W.POSS | W.NUMBER))) {
        if (c === 0 && plain < 2) plain++;
        else objectPosition = false;
      }
    }
    if (hardStop) break;
    const content = g.pattern.content;
    if (!content) continue;
    let effect: ContentEffect | null = null;
    let via: Governance['via'] = null;
    if (m.nonFinite && m.head - g.last <= 10 && !clause) [effect, via] = [content.infinitive, 'infinitive'];
    else if (m.tag === 'noun' && objectPosition) [effect, via] = [content.object, 'object'];
    else if (clause || g.pattern.event === null) [effect, via] = [content.clause, 'clause'];
    if (effect === null) continue;
    return { governor: g, effect, via, speaker: speakerOf(ctx, g), cue: { first: g.head, last: g.last } };
  }
  const topic = passiveTopic(ctx, mi);
  if (topic) return topic;
  const inverted = invertedReport(ctx, mi);
  if (inverted) return inverted;
  return attributionOf(ctx) ?? NONE;
}

// the last sentence's attribution: its triggers are coded one after another (a WeakMap costs a hash per context)
let attributed: { ctx: SentenceContext; found: Governance | null } | null = null;

/** The sentence's attribution, found once for all its triggers. */
function attributionOf(ctx: SentenceContext): Governance | null {
  if (attributed?.ctx !== ctx) attributed = { ctx, found: attribution(ctx) };
  return attributed.found;
}

/** Who speaks through a governor: a reporting verb's subject, an accusation's author. */
function speakerOf(ctx: SentenceContext, g: Match): Participant[] | null {
  if (g.pattern.event === null) return g.passive ? null : subjectBefore(ctx, g.head);
  const found = fillSlots(ctx, g, g.pattern.actor, { controller: null, speaker: null, noClauseSubject: false }, new Set());
  return found.length > 0 ? found : null;
}

/** "…, a déclaré X." / "…, Kenyan police said.": a report after the trigger, a comma or closing quote between. */
function invertedReport(ctx: SentenceContext, mi: number): Governance | null {
  const m = ctx.matches[mi]!;
  for (let gi = ctx.matches.length - 1; gi > mi; gi--) {
    const g = ctx.matches[gi]!;
    if (g.pattern.event !== null || !g.pattern.content?.clause) continue;
    let separated = false;
    for (let t = m.last + 1; t < g.head; t++) {
      const k = ctx.view.keys[t] as string;
      if (k === ',' || k === '»' || k === '”' || k === "''") separated = true;
      if (k === ';') return null;
    }
    if (!separated) continue;
    // French inverts: "…, a déclaré le ministre"; English: "…, the minister said"
    let k = g.head - 1;
    while (k >= 0 && ctx.view.classes[k]! & (W.AUX | W.ADV | W.CLITIC)) k--;
    const before = k >= 0 ? (ctx.view.keys[k] as string) : '';
    const speaker = [',', '»', '”', "''"].includes(before) ? firstAfter(ctx, g, new Set()) : subjectBefore(ctx, g.head);
    return { governor: g, effect: g.pattern.content.clause, via: 'inverted', speaker, cue: { first: g.head, last: g.last } };
  }
  return null;
}

/** "selon Tass", "according to officials": the sentence is reported by whoever follows. */
function attribution(ctx: SentenceContext): Governance | null {
  for (let k = 0; k < ctx.view.tokens.length; k++) {
    const hits = ctx.lexicon.attribution.at(ctx.view.keys, k);
    if (hits.length === 0) continue;
    const last = Math.max(...hits.map((h) => h.last));
    // "selon lesquelles": a content clause, not a source
    if ((ctx.view.classes[last + 1] ?? 0) & W.COMP) continue;
    for (let t = last + 1; t < ctx.view.tokens.length && t <= last + 4; t++) {
      const pi = ctx.partAt[t]!;
      if (pi >= 0) return { governor: null, effect: 'reported', via: 'attribution', speaker: groupOf(ctx, ctx.parts[pi]!), cue: { first: k, last } };
    }
    return { governor: null, effect: 'reported', via: 'attribution', speaker: null, cue: { first: k, last } };
  }
  return null;
}

/** A noun that is the subject of a passive governor ("Les accusations ont été rejetées") is what it acts on. */
function passiveTopic(ctx: SentenceContext, mi: number): Governance | null {
  const m = ctx.matches[mi]!;
  const g = ctx.matches[mi + 1];
  if (m.tag !== 'noun' || !g || !g.passive || !g.pattern.content?.object) return null;
  for (let t = m.last + 1; t < g.head; t++) {
    const c = ctx.view.classes[t]!;
    const p = ctx.partAt[t]!;
    if (p >= 0 && ctx.parts[p]!.kind !== 'demonym') return null;
    if (p < 0 && !(c & (W.AUX | W.PASS_AUX | W.ADV | W.NEG))) return null;
  }
  return { governor: g, effect: g.pattern.content.object, via: 'object', speaker: speakerOf(ctx, g), cue: { first: g.head, last: g.last } };
}
