import type { Claim, Doc, Modality, TextSpan, TimeExpression } from '../../core/record.js';
import type { Governance } from './governance.js';
import type { Match } from './match.js';
import type { Participant } from './participant.js';
import type { SentenceContext } from './sentence-context.js';
import { relativeToDoc } from './dating.js';
import { W } from './word-class.js';

/** An event's modality, the words that set it, and who reports it. */
export interface ModalityResult {
  modality: Modality;
  cue: TextSpan | null;
  /** The entity reporting the event, when it is someone's statement. */
  attributedTo: string | null;
}

interface Candidate {
  modality: Modality;
  cue: TextSpan | null;
}

// when several apply, the first wins: a denied report is negated, a report of a plan is future, of 2018 historical
const PRIORITY: Modality[] = ['negated', 'hypothetical', 'future', 'historical', 'reported'];
const NEG_AFTER = new Set(['pas', 'jamais', 'plus', 'point', 'guère', 'nullement']);

export interface ModalityInput {
  ctx: SentenceContext;
  m: Match;
  gov: Governance;
  claim: Claim | null;
  time: TimeExpression | null;
  doc: Pick<Doc, 'date' | 'text'>;
  actor: readonly Participant[];
}

export function modalityOf({ ctx, m, gov, claim, time, doc, actor }: ModalityInput): ModalityResult {
  const span = (first: number, last: number): TextSpan => {
    const start = ctx.view.tokens[first]!.start;
    const end = ctx.view.tokens[last]!.end;
    return { start, end, text: doc.text.slice(start, end) };
  };
  const found: Candidate[] = [];
  const add = (modality: Modality, cue: TextSpan | null): void => {
    if (!found.some((c) => c.modality === modality)) found.push({ modality, cue });
  };

  const negation = negationOf(ctx, m);
  if (negation) add('negated', span(negation.first, negation.last));

  let speaker: Participant[] | null = null;
  let reported = false;
  if (claim) {
    const cue = claim.cue ?? { start: claim.start, end: claim.end, text: claim.text };
    if (claim.stance === 'deny') add('negated', cue);
    else if (claim.stance === 'doubt') add('hypothetical', cue);
    else {
      add('reported', cue);
      reported = true;
    }
  }
  if (gov.effect && gov.effect !== 'suppress' && gov.cue) {
    const cue = span(gov.cue.first, gov.cue.last);
    if (gov.effect === 'reported') {
      add('reported', cue);
      reported = true;
    } else add(gov.effect, cue);
    speaker = gov.speaker;
  }

  const cues = lexicalCues(ctx, m);
  for (const cue of cues) {
    // "said they would meet": the future of a report, not a hypothesis
    if (cue.kind === 'hypothetical' && reported && cues.some((c) => c.kind === 'report_future' && c.first === cue.first)) continue;
    const kind = cue.kind === 'report_future' ? (reported ? 'future' : 'hypothetical') : cue.kind;
    add(kind, span(cue.first, cue.last));
  }
  if (m.tag === 'fut') add('future', span(m.head, m.head));
  // the French conditional: hypothetical, or the press's "allegedly" inside a report
  if (m.tag === 'cond' && !reported) add('hypothetical', span(m.head, m.head));
  if (time) {
    const rel = relativeToDoc(time, doc, ctx.lexicon.historicalMonths);
    // "depuis 2021": still going on, not history
    if (rel && !(rel === 'historical' && sinceBefore(ctx, time.start))) add(rel, { start: time.start, end: time.end, text: time.text });
  }
  const tense = supportTense(ctx, m);
  if (tense) add(tense.modality, span(tense.at, tense.at));

  const claimSource = claim?.source ?? null;
  // the nearest reporter: a verb inside a claim's content ("se disent inquiets de voir que …") before the claim's source
  const speakerEntity = speaker?.find((p) => p.entity)?.entity?.id ?? claimSource;
  // a speaker stating its own act is the act ("Morocco says it is ready to reopen")
  const claimSpeaker = claimSource === null ? [] : ctx.parts.filter((p) => p.entity?.id === claimSource);
  const selfReport = [...(speaker ?? []), ...claimSpeaker].some((s) => actor.some((a) => same(s, a))) || (claimSource !== null && actor.some((a) => a.entity?.id === claimSource));
  const ranked = found
    .filter((c) => !(c.modality === 'reported' && selfReport))
    .sort((a, b) => PRIORITY.indexOf(a.modality) - PRIORITY.indexOf(b.modality));
  const top = ranked[0];
  if (!top) return { modality: 'asserted', cue: null, attributedTo: null };
  const attributedTo = reported && !selfReport ? speakerEntity : null;
  return { modality: top.modality, cue: top.cue, attributedTo };
}

/** The same actor: one entity, or one country where a side names no sector ("la Turquie" and "le ministère turc"). */
function same(a: Participant, b: Participant): boolean {
  if (a.entity && b.entity && a.entity.id === b.entity.id) return true;
  return a.code !== null && a.code === b.code && (a.sector === b.sector || a.sector === null || b.sector === null);
}

function sinceBefore(ctx: SentenceContext, offset: number): boolean {
  const k = ctx.view.tokens.findIndex((t) => t.start === offset);
  return k > 0 && ctx.lexicon.ongoing.has(ctx.view.keys[k - 1] as string);
}

/** A noun takes the tense of its support verb: "effectuera une visite" is future, "effectuerait" hypothetical. */
function supportTense(ctx: SentenceContext, m: Match): { modality: 'future' | 'hypothetical'; at: number } | null {
  if (m.tag !== 'noun') return null;
  for (let k = m.head - 1, plain = 0; k >= 0 && plain <= 3; k--) {
    const tag = ctx.lexicon.supportVerbs.get(ctx.view.keys[k] as string);
    if (tag === 'fut') return { modality: 'future', at: k };
    if (tag === 'cond') return { modality: 'hypothetical', at: k };
    if (tag) return null;
    const c = ctx.view.classes[k]!;
    if (ctx.partAt[k]! >= 0 || c & (W.BOUNDARY | W.COMP | W.REL)) return null;
    if (!(c & (W.DET | W.POSS | W.ADV | W.NUMBER))) plain++;
  }
  return null;
}

/** "n'a pas livré", "ne livre pas", "did not meet", "aucune visite", "no talks", "ne participera pas aux exercices". */
function negationOf(ctx: SentenceContext, m: Match): { first: number; last: number } | null {
  const own = verbNegation(ctx, m.head, m.tag === 'noun');
  if (own || m.tag !== 'noun') return own;
  // a noun is negated with its support verb
  for (let k = m.head - 1, plain = 0; k >= 0 && plain <= 3; k--) {
    if (ctx.lexicon.supportVerbs.has(ctx.view.keys[k] as string)) return verbNegation(ctx, k, false);
    const c = ctx.view.classes[k]!;
    if (ctx.partAt[k]! >= 0 || c & (W.BOUNDARY | W.COMP | W.REL)) return null;
    if (!(c & (W.DET | W.POSS | W.ADV | W.NUMBER | W.PREP))) plain++;
  }
  return null;
}

function verbNegation(ctx: SentenceContext, head: number, noun: boolean): { first: number; last: number } | null {
  const m = { head, tag: noun ? 'noun' : 'verb' };
  const { classes: cls, keys } = ctx.view;
  let first = -1;
  let last = -1;
  for (let k = m.head - 1; k >= 0 && k >= m.head - 6; k--) {
    const c = cls[k]!;
    if (ctx.partAt[k]! >= 0) break;
    if (c & W.NEG) {
      first = k;
      if (last < 0) last = k;
      continue;
    }
    if (!(c & (W.AUX | W.PASS_AUX | W.ADV | W.CLITIC | W.REFLEX | W.INF_MARK)) && !(m.tag === 'noun' && c & W.GEN)) break;
  }
  if (first >= 0 && m.head + 1 < keys.length && NEG_AFTER.has(keys[m.head + 1] as string) && keys[first] !== 'pas') last = m.head + 1;
  else if (first < 0 && m.head + 1 < keys.length && NEG_AFTER.has(keys[m.head + 1] as string)) {
    // "ne livre pas": the "ne" before, the "pas" after
    const ne = m.head - 1 >= 0 && cls[m.head - 1]! & W.NEG ? m.head - 1 : m.head - 2 >= 0 && cls[m.head - 2]! & W.NEG ? m.head - 2 : -1;
    if (ne >= 0) return { first: ne, last: m.head + 1 };
  }
  return first >= 0 ? { first, last } : null;
}

/** Future, hypothetical and historical cues in the verb group before the trigger, or just after a noun. */
function lexicalCues(ctx: SentenceContext, m: Match): { kind: 'future' | 'hypothetical' | 'historical' | 'report_future'; first: number; last: number }[] {
  const { classes: cls, keys } = ctx.view;
  const out: { kind: 'future' | 'hypothetical' | 'historical' | 'report_future'; first: number; last: number }[] = [];
  const lo = Math.max(0, m.head - ctx.lexicon.window);
  for (let k = m.head - 1; k >= lo; k--) {
    const c = cls[k]!;
    if (c & W.BOUNDARY && keys[k] !== '«') break;
    const other = ctx.matchAt[k]!;
    if (other >= 0 && ctx.matches[other] !== m && ctx.matches[other]!.tag !== 'noun') break;
    for (const hit of ctx.lexicon.modality.at(keys, k)) if (hit.last < m.head) out.push({ kind: hit.value, first: hit.first, last: hit.last });
    if (c & (W.COMP | W.OPENER)) break;
  }
  if (m.tag === 'noun') {
    for (let k = m.last + 1; k <= m.last + 2 && k < keys.length; k++) {
      for (const hit of ctx.lexicon.afterNoun.at(keys, k)) out.push({ kind: hit.value, first: hit.first, last: hit.last });
    }
    for (const hit of ctx.lexicon.modality.at(keys, m.last + 1)) if (hit.value !== 'historical') out.push({ kind: hit.value, first: hit.first, last: hit.last });
  }
  return out;
}
