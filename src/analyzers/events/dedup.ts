import type { EventParticipant } from '../../core/record.js';
import type { EventDraft } from './draft.js';

const isUnknown = (list: readonly EventParticipant[]): boolean => list.length === 1 && list[0]!.sector === 'UNK' && list[0]!.entity === null && list[0]!.code === null;

/** In one sentence: the same participants, or one side unnamed (a strike and what it killed). */
function fits(a: readonly EventParticipant[], ak: readonly string[], b: readonly EventParticipant[], bk: readonly string[]): boolean {
  return a.length === 0 || b.length === 0 || isUnknown(a) || isUnknown(b) || sameKeys(ak, bk);
}

const sameKeys = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((k, i) => k === b[i]);

/**
 * Whether `b` tells the same event as `a`: same category and modality; in one sentence,
 * participants that fit together (a noun and a verb for one strike); across sentences, the
 * same actors, the same recipients or none stated, and the same date.
 */
function sameEvent(a: EventDraft, b: EventDraft): boolean {
  if (a.event !== b.event || a.modality !== b.modality) return false;
  if (a.sentence === b.sentence) return fits(a.actor, a.actorKeys, b.actor, b.actorKeys) && fits(a.recipient, a.recipientKeys, b.recipient, b.recipientKeys);
  // an unnamed actor is no identity across sentences; two places are two events
  if (a.date !== b.date || !sameKeys(a.actorKeys, b.actorKeys) || isUnknown(a.actor)) return false;
  if (a.event_loc && b.event_loc && a.event_loc.entity !== b.event_loc.entity) return false;
  return a.recipientKeys.length === 0 || b.recipientKeys.length === 0 || sameKeys(a.recipientKeys, b.recipientKeys);
}

/** Folds `b` into `a`: `a` keeps its trigger and gains `b`'s telling and what it lacked. */
function merge(a: EventDraft, b: EventDraft): void {
  if (isUnknown(a.actor) && !isUnknown(b.actor)) [a.actor, a.actorKeys] = [b.actor, b.actorKeys];
  if (a.recipient.length === 0 && b.recipient.length > 0) [a.recipient, a.recipientKeys] = [b.recipient, b.recipientKeys];
  if (a.time === null && b.time !== null) [a.time, a.date] = [b.time, b.date];
  a.event_loc ??= b.event_loc;
  a.attributed_to ??= b.attributed_to;
  for (const m of b.mode) if (!a.mode.includes(m)) a.mode.push(m);
  for (const c of b.context) if (!a.context.includes(c)) a.context.push(c);
  a.mentions = [...(a.mentions ?? []), ...(b.mentions ?? [])].sort((x, y) => x.start - y.start);
}

/** One event per event told, in text order of first telling; each keeps every telling in `mentions`. */
export function deduplicate(drafts: readonly EventDraft[]): EventDraft[] {
  const out: EventDraft[] = [];
  for (const d of [...drafts].sort((x, y) => x.start - y.start)) {
    const same = out.find((o) => sameEvent(o, d));
    if (same) merge(same, d);
    else out.push({ ...d, mode: [...d.mode], context: [...d.context], mentions: [...(d.mentions ?? [])] });
  }
  return out;
}
