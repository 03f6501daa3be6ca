import type { Claim, Doc, Entity, EventRecord, TextSpan, TimeExpression, UncodedSentence } from '../../core/record.js';
import type { Token } from '../../core/layers.js';
import type { Span } from '../../core/record.js';
import type { KnowledgeBase } from '../../kb/knowledge-base.js';
import { codeMatch } from './code-match.js';
import { sentenceCues } from './cues.js';
import { deduplicate } from './dedup.js';
import type { EventDraft } from './draft.js';
import { findParticipants } from './find-participants.js';
import { findTriggers } from './find-triggers.js';
import { governanceOf, type Governance } from './governance.js';
import type { EventGrammar } from './grammar.js';
import { isVerbal, type Match } from './match.js';
import type { Participant } from './participant.js';
import { eventScale, type PloverCategory } from './plover.js';
import { prepBefore, subjectBefore, type RoleHints } from './roles.js';
import type { SentenceContext } from './sentence-context.js';
import { SentenceViewer, tokenAt, type SentenceView } from './sentence-view.js';
import { W } from './word-class.js';

/** What the coder reads: the document and the layers it requires. */
export interface EventsInput {
  doc: Pick<Doc, 'text' | 'date' | 'language'>;
  sentences: readonly Span[];
  tokens: readonly Token[];
  entities: readonly Entity[];
  times: readonly TimeExpression[];
  claims: readonly Claim[];
}

/**
 * Codes the PLOVER events of a document: triggers from the patterns, actors and recipients
 * from the entities, modality from cues, reports and claims, date from the times; the same
 * event told twice is one. Triggers that give no event are listed in `uncoded` with why.
 */
export function extractEvents(input: EventsInput, grammar: EventGrammar, kb: KnowledgeBase): { events: EventRecord[]; uncoded: UncodedSentence[] } {
  const { doc } = input;
  const lang = grammar.lexicon.code;
  const viewer = new SentenceViewer(input.tokens, grammar.words);
  const mentions = sortedMentions(input.entities);
  const countryEntity = new Map<string, Entity>();
  const isCountry = (e: Entity): boolean => e.country !== null && e.type === 'GPE' && (kb.country(e.country)?.kb ?? null) === e.kb;
  for (const e of input.entities) if (isCountry(e) && !countryEntity.has(e.country as string)) countryEntity.set(e.country as string, e);

  const isTriggerWord = (key: string): boolean => grammar.index.byForm.has(key);
  const drafts: EventDraft[] = [];
  const uncoded: UncodedSentence[] = [];
  let previousSubject: Participant[] | null = null;
  let mi0 = 0;
  for (let index = 0; index < input.sentences.length; index++) {
    const view = viewer.view(input.sentences[index]!, index);
    if (view.tokens.length === 0) continue;
    while (mi0 < mentions.length && mentions[mi0]!.mention.end <= view.span.start) mi0++;
    const own: { entity: Entity; mention: TextSpan }[] = [];
    for (let k = mi0; k < mentions.length && mentions[k]!.mention.start < view.span.end; k++) own.push(mentions[k]!);
    // triggers first: most sentences have none, and then need nothing more
    const entityAt = view.hasTriggerWord ? entityTokens(view, own) : null;
    const found = entityAt ? findTriggers(view, grammar.lexicon, (k) => entityAt[k] === 1) : [];
    if (found.every((m) => m.pattern.event === null) && !(grammar.unframed.size > 0 && view.hasUnframed)) {
      previousSubject = firstNamed(view, own) ?? previousSubject;
      continue;
    }
    const { participants, partAt, roleAt, agentStart } = findParticipants(view, { text: doc.text, lang, lexicon: grammar.lexicon, kb, mentions: own, countryEntity, isCountry, isTriggerWord });
    // "aid groups", "riot police": a noun naming who acts is no event
    const matches = found.filter((m) => !(m.tag === 'noun' && agentStart[m.last + 1]));
    const matchAt = new Array<number>(view.tokens.length).fill(-1);
    matches.forEach((m, i) => { for (let k = m.head; k <= m.last; k++) matchAt[k] = i; });
    const memory = previousSubject;
    const ctx: SentenceContext = {
      view, lexicon: grammar.lexicon, parts: participants, partAt, roleAt, matches, matchAt,
      resolve: (p) => resolvePronoun(ctx, p, memory),
    };
    unframedIn(ctx, grammar, lang, uncoded);
    if (matches.length > 0) codeSentence(ctx, input, drafts, uncoded);
    previousSubject = sentenceSubject(ctx) ?? previousSubject;
  }

  const events: EventRecord[] = deduplicate(drafts).map((d, i) => {
    const { sentence: _s, actorKeys: _a, recipientKeys: _r, ...record } = d;
    return { id: `v${i + 1}`, ...record, event_scale: eventScale(d.event as PloverCategory, d.mode) };
  });
  uncoded.sort((a, b) => a.trigger.start - b.trigger.start || a.rule.localeCompare(b.rule));
  return { events, uncoded };
}

function codeSentence(ctx: SentenceContext, input: EventsInput, drafts: EventDraft[], uncoded: UncodedSentence[]): void {
  const govs: Governance[] = ctx.matches.map((_, i) => governanceOf(ctx, i));
  const embedded = ctx.matches.map(() => [] as PloverCategory[]);
  govs.forEach((g, i) => {
    const event = ctx.matches[i]!.pattern.event;
    if (g.effect === 'suppress' && g.governor && event) embedded[ctx.matches.indexOf(g.governor)]!.push(event);
  });
  const cues = sentenceCues(ctx.view, ctx.lexicon);
  const actors = new Map<Match, Participant[]>();
  const own: EventDraft[] = [];
  ctx.matches.forEach((m, i) => {
    const gov = govs[i]!;
    const pattern = m.pattern;
    if (pattern.event === null) return;
    if (pattern.inReport && !(gov.effect === 'reported' && gov.governor?.pattern.event === null)) return;
    if (gov.effect === 'suppress' && gov.governor) {
      const start = ctx.view.tokens[m.head]!.start;
      const end = ctx.view.tokens[m.last]!.end;
      uncoded.push({
        start: ctx.view.span.start, end: ctx.view.span.end, trigger: { start, end, text: input.doc.text.slice(start, end) },
        rule: pattern.id, event: pattern.event, reason: 'filtered', detail: `stated through ${gov.governor.pattern.id}`,
      });
      return;
    }
    const hints: RoleHints = {
      controller: m.nonFinite ? controllerOf(ctx, i, gov, actors) : null,
      speaker: gov.speaker,
      // "a imputé l'embuscade": the accuser is not the attacker; "announced a suspension": the announcer acts
      noClauseSubject: gov.via === 'object' && gov.effect === 'reported' && gov.governor?.pattern.event != null,
    };
    const claim = claimAt(input.claims, ctx.view.tokens[m.head]!.start);
    const sameCategory = own.filter((d) => d.event === pattern.event).at(-1);
    const result = codeMatch({ ctx, m, gov, hints, cues, doc: input.doc, times: input.times, claim, embedded: embedded[i]!, sentenceActor: sameCategory?.actor ?? null });
    if (result.kind === 'uncoded') uncoded.push(result.item);
    else {
      drafts.push(result.draft);
      own.push(result.draft);
      actors.set(m, result.actor);
    }
  });
}

/** Who does what an infinitive says: the actor of the verb it depends on ("a accepté de se rendre"). */
function controllerOf(ctx: SentenceContext, i: number, gov: Governance, actors: Map<Match, Participant[]>): Participant[] | null {
  const governor = gov.via === 'infinitive' ? gov.governor : null;
  for (let g = i - 1; g >= 0; g--) {
    const m = ctx.matches[g]!;
    if (governor ? m !== governor : !isVerbal(m) || ctx.matches[i]!.head - m.last > 10) continue;
    const known = actors.get(m);
    if (known && known.length > 0) return known;
    return subjectBefore(ctx, m.head);
  }
  return null;
}

function claimAt(claims: readonly Claim[], offset: number): Claim | null {
  let best: Claim | null = null;
  for (const c of claims) if (c.start <= offset && offset < c.end && (!best || c.end - c.start < best.end - best.start)) best = c;
  return best;
}

/** What a pronoun stands for: the nearest participant before it with a country (else one with a name), else the previous sentence's subject. */
function resolvePronoun(ctx: SentenceContext, p: Participant, previous: Participant[] | null): Participant[] {
  let named: Participant | null = null;
  for (let k = ctx.parts.indexOf(p) - 1; k >= 0; k--) {
    const q = ctx.parts[k]!;
    if (q.kind === 'pronoun' || q.possessor || prepBefore(ctx, q.first) >= 0) continue;
    if (q.code !== null) return [q];
    named ??= q.entity ? q : null;
  }
  return named ? [named] : (previous ?? []);
}

/** The subject of a sentence's first clause, remembered for the pronouns of the next. */
function sentenceSubject(ctx: SentenceContext): Participant[] | null {
  for (const p of ctx.parts) {
    if (p.kind === 'pronoun' || p.possessor || prepBefore(ctx, p.first) >= 0) continue;
    if (p.entity?.type === 'PER' || p.entity?.type === 'GPE' || p.entity?.type === 'ORG' || p.kind === 'nominal') return [p];
  }
  const first = ctx.matches[0];
  return first ? subjectBefore(ctx, first.head) : null;
}

/** Words known to name events that no pattern codes: listed so that users see them. */
function unframedIn(ctx: SentenceContext, grammar: EventGrammar, lang: string, uncoded: UncodedSentence[]): void {
  if (grammar.unframed.size === 0) return;
  ctx.view.words.forEach((word, k) => {
    if (!word.unframed || ctx.matchAt[k]! >= 0 || ctx.partAt[k]! >= 0 || ctx.view.classes[k]! & W.CAPITAL) return;
    const tok = ctx.view.tokens[k]!;
    uncoded.push({
      start: ctx.view.span.start, end: ctx.view.span.end, trigger: { start: tok.start, end: tok.end, text: tok.text },
      rule: `${lang}/unframed`, event: null, reason: 'unknown_pattern', detail: 'no pattern codes this word yet',
    });
  });
}

/** 1 for each token inside an entity mention. */
function entityTokens(view: SentenceView, mentions: readonly { mention: TextSpan }[]): number[] {
  const at = new Array<number>(view.tokens.length).fill(0);
  for (const { mention } of mentions) {
    const first = tokenAt(view, mention.start);
    const last = tokenAt(view, mention.end - 1);
    for (let k = first; k >= 0 && k <= last; k++) at[k] = 1;
  }
  return at;
}

/** A sentence without triggers still names who the next one's pronouns may stand for. */
function firstNamed(view: SentenceView, mentions: readonly { entity: Entity; mention: TextSpan }[]): Participant[] | null {
  const m = mentions.find((x) => x.entity.type === 'PER' || x.entity.type === 'ORG' || (x.entity.type === 'GPE' && x.entity.country !== null));
  if (!m) return null;
  const first = tokenAt(view, m.mention.start);
  const last = tokenAt(view, m.mention.end - 1);
  const e = m.entity;
  return [{ first, last, kind: 'entity', entity: e, code: e.country, sector: e.sector, name: e.name, place: e.type === 'GPE', country: false, group: -1, possessor: false }];
}

function sortedMentions(entities: readonly Entity[]): { entity: Entity; mention: TextSpan }[] {
  return entities.flatMap((entity) => entity.mentions.map((mention) => ({ entity, mention }))).sort((a, b) => a.mention.start - b.mention.start || b.mention.end - a.mention.end);
}

