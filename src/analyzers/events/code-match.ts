import type { Claim, Doc, EventParticipant, TextSpan, TimeExpression, UncodedReason, UncodedSentence } from '../../core/record.js';
import type { SentenceCues } from './cues.js';
import { clauseOf } from './clause.js';
import { dateOf, timeOf } from './dating.js';
import type { EventDraft } from './draft.js';
import type { Governance } from './governance.js';
import { locationOf, nearbyPlaceCode } from './location.js';
import type { Match } from './match.js';
import { modalityOf } from './modality.js';
import type { Participant } from './participant.js';
import { participantKey, sameParticipant, toEventParticipants, UNKNOWN_ACTOR } from './participants-out.js';
import { eventScale, futureRecode, isContext, isMode, negatedRecode, quadCode, requiresRecipient, type PloverCategory } from './plover.js';
import { fillSlots, type RoleHints } from './roles.js';
import type { SentenceContext } from './sentence-context.js';
import { W } from './word-class.js';

export interface CodeInput {
  ctx: SentenceContext;
  m: Match;
  gov: Governance;
  hints: RoleHints;
  cues: SentenceCues;
  doc: Pick<Doc, 'date' | 'text'>;
  times: readonly TimeExpression[];
  claim: Claim | null;
  /** Categories of the triggers this one governs and suppresses ("a promis de livrer" → AID). */
  embedded: readonly PloverCategory[];
  /** The actor of an event of the same category coded earlier in the sentence ("une frappe … qui a tué"). */
  sentenceActor: EventParticipant[] | null;
}

export type CodeResult =
  | { kind: 'event'; draft: EventDraft; actor: Participant[] }
  | { kind: 'uncoded'; item: UncodedSentence };

/** Codes one match into an event, or says why it gives none. */
export function codeMatch(input: CodeInput): CodeResult {
  const { ctx, m, gov, hints, cues, doc } = input;
  const pattern = m.pattern;
  const category0 = pattern.event as PloverCategory;
  const sentence = ctx.view.span;
  const span = (first: number, last: number): TextSpan => {
    const start = ctx.view.tokens[first]!.start;
    const end = ctx.view.tokens[last]!.end;
    return { start, end, text: doc.text.slice(start, end) };
  };
  const trigger = span(phraseStart(ctx, m), m.last);
  const uncoded = (reason: UncodedReason, detail: string | null): CodeResult => ({
    kind: 'uncoded',
    item: { start: sentence.start, end: sentence.end, trigger, rule: pattern.id, event: category0, reason, detail },
  });

  let actorParts = fillSlots(ctx, m, pattern.actor, hints, new Set());
  let recipientParts = fillSlots(ctx, m, pattern.recipient, hints, new Set(actorParts));
  // "X will meet Y": the meeting is reciprocal, but an agreement to meet is X's, toward Y (kept for the AGREE recode below)
  const directed = pattern.reciprocal && actorParts.length > 0 && recipientParts.length === 1 ? { actor: actorParts, recipient: recipientParts } : null;
  if (pattern.reciprocal) {
    // "la coopération entre X et Y": the pair are the actors; "X a rencontré Y": both are
    actorParts = recipientParts.length >= 2 ? recipientParts : [...actorParts, ...recipientParts.filter((p) => !actorParts.includes(p))];
    recipientParts = [];
  }
  const time = timeOf(ctx.view, m, input.times, ctx.matches);
  const place = locationOf(ctx, m);
  // "a livré des armes au Niger": the country a thing goes to is the recipient, not where it happened (a visit's host is both)
  const eventLoc = place && !pattern.mode.includes('visit') && recipientParts.some((p) => p.entity?.id === place.entity) ? null : place;
  const modality = modalityOf({ ctx, m, gov, claim: input.claim, time, doc, actor: actorParts });
  const placeCode = place?.code ?? nearbyPlaceCode(ctx, m);
  // a local party or person the knowledge base does not know acts where the event is, else in the one country the sentence names
  const homeCode = placeCode ?? soleCountry(ctx);
  let actor = toEventParticipants(actorParts, placeCode, homeCode);
  // a country given by that guess does not make the recipient the actor itself ("X party demands that the Turkish government…")
  const knownActor = toEventParticipants(actorParts, placeCode);
  let recipient = toEventParticipants(recipientParts, placeCode, homeCode).filter((r) => !knownActor.some((a) => sameParticipant(a, r)));
  const negated = modality.modality === 'negated';
  if (actor.length === 0 && input.sentenceActor) actor = input.sentenceActor;
  if (actor.length === 0 && pattern.actorFromPlace && placeCode !== null) actor = [{ entity: null, code: placeCode, sector: 'CVL', name: eventLoc?.name ?? placeCode }];
  if (actor.length === 0) {
    if (!pattern.actorOptional) return uncoded(negated ? 'negated' : 'no_actor', null);
    actor = [UNKNOWN_ACTOR];
  }
  const needsRecipient = requiresRecipient(category0) || pattern.requiresRecipient;
  if (needsRecipient && recipient.length === 0 && !(pattern.reciprocal && actor.length >= 2)) {
    return uncoded(negated ? 'negated' : 'no_recipient', pattern.requiresRecipient ? 'the pattern needs a recipient' : `${category0} needs a recipient`);
  }

  // the PLOVER coding rules: a promise of violence is a threat, of a withdrawal a concession; a future cooperation is AGREE
  let category = category0;
  let mode = pattern.mode.length > 0 ? [...pattern.mode] : cues.modes(category0, clauseOf(ctx.view, m));
  let recodedFrom: string | null = null;
  let finalModality = modality;
  const conflict = input.embedded.find((c) => quadCode(c) === 4);
  if (category === 'AGREE' && conflict) {
    const r = futureRecode(conflict, []);
    if (r) [category, mode, recodedFrom] = [r.event, r.mode, 'AGREE'];
  }
  // "will not accept": the refusal itself is asserted
  const refused = modality.modality === 'negated' && gov.effect !== 'negated' && input.claim?.stance !== 'deny' ? negatedRecode(category) : null;
  if (refused) {
    [category, mode, recodedFrom] = [refused, [], category];
    finalModality = { ...modality, modality: 'asserted' };
  }
  // "will withdraw unless…": a conditional future act is a threat
  const conditional = ['future', 'hypothetical'].includes(modality.modality) && threatCondition(ctx, m);
  if (conditional && category !== 'THREATEN' && recodedFrom === null) {
    const r = futureRecode(category, mode);
    const mode2 = r?.event === 'THREATEN' ? r.mode : [];
    [category, mode, recodedFrom] = ['THREATEN', mode2, category];
  } else if (modality.modality === 'future' && recodedFrom === null) {
    const r = futureRecode(category, mode);
    if (r) [category, mode, recodedFrom] = [r.event, r.mode, category];
    if (r?.event === 'AGREE' && directed) {
      const agreeing = toEventParticipants(directed.actor, placeCode, homeCode);
      const toward = toEventParticipants(directed.recipient, placeCode, homeCode).filter((x) => !agreeing.some((a) => sameParticipant(a, x)));
      if (agreeing.length > 0 && toward.length > 0) [actor, recipient] = [agreeing, toward];
    }
  }
  mode = mode.filter((x) => isMode(category, x));
  const context = [...pattern.context, ...cues.contexts.filter((c) => !pattern.context.includes(c))].filter(isContext);
  const dated = time ? dateOf(time) : null;
  const date = dated ?? (['asserted', 'reported', 'negated'].includes(finalModality.modality) ? doc.date : null);
  const draft: EventDraft = {
    event: category,
    mode,
    context,
    actor,
    recipient,
    date,
    time: time?.id ?? null,
    event_loc: eventLoc,
    modality: finalModality.modality,
    attributed_to: modality.attributedTo,
    quad_code: quadCode(category),
    event_scale: eventScale(category, mode),
    start: trigger.start,
    end: trigger.end,
    event_text: trigger.text,
    evidence: { start: sentence.start, end: sentence.end },
    rule: pattern.id,
    modality_cue: finalModality.modality === 'asserted' ? null : modality.cue,
    mentions: [{ ...trigger, evidence: { start: sentence.start, end: sentence.end } }],
    ...(recodedFrom !== null ? { recoded_from: recodedFrom } : {}),
    sentence: ctx.view.index,
    actorKeys: keys(actor),
    recipientKeys: keys(recipient),
  };
  return { kind: 'event', draft, actor: actorParts };
}

/** The one country a sentence names (by name, place or nationality), else null. */
function soleCountry(ctx: SentenceContext): string | null {
  let code: string | null = null;
  for (const p of ctx.parts) {
    if (p.code === null) continue;
    if (code !== null && p.code !== code) return null;
    code = p.code;
  }
  return code;
}

/** A condition word after the trigger in its sentence ("unless", "à moins que"). */
function threatCondition(ctx: SentenceContext, m: Match): boolean {
  for (let k = m.last + 1; k < ctx.view.tokens.length; k++) if (ctx.lexicon.threatConditions.at(ctx.view.keys, k).length > 0) return true;
  return false;
}

const keys = (list: readonly EventParticipant[]): string[] => list.map(participantKey).sort();

/** Where the trigger phrase starts: the auxiliaries of a compound tense belong to it ("a atterri"). */
function phraseStart(ctx: SentenceContext, m: Match): number {
  if (m.tag === 'noun') return m.head;
  let k = m.head;
  while (k > 0 && ctx.view.classes[k - 1]! & (W.AUX | W.PASS_AUX) && ctx.partAt[k - 1]! < 0) k--;
  return k;
}
