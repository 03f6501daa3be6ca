import type { EventParticipant, EventRecord, Modality, TextSpan } from '../core/record.js';
import { clip, who, type Entry, type FactKindSpec } from './align.js';
import { dayGap, dayRange } from './dates.js';
import { entitiesById, intersects, storyEntityKey } from './entity-keys.js';
import { fold } from './fold.js';
import { publicationNote } from './publication.js';
import type { StoryDoc } from './story-doc.js';

/** Said to have happened (or reported so), still to come (or possible), denied, or of the past. */
type ModalityClass = 'done' | 'coming' | 'negated' | 'past';
const CLASS: Record<Modality, ModalityClass> = {
  asserted: 'done', reported: 'done', future: 'coming', hypothetical: 'coming', negated: 'negated', historical: 'past',
};
/** Two dated reports further apart than this are two occurrences of a kind of event, not one. */
const SAME_EVENT_MAX_GAP_DAYS = 31;

/** The category before PLOVER recoding: a future CONSULT is coded AGREE, yet it is the same visit. */
const baseCategory = (v: EventRecord): string => v.recoded_from ?? v.event;

interface Sides {
  /** Entity keys of participants linked to the knowledge base. */
  linked: Set<string>;
  /** Country codes, or folded names for participants without one. */
  codes: Set<string>;
}

function sides(doc: StoryDoc, list: readonly EventParticipant[]): Sides {
  const entities = entitiesById(doc.record);
  const linked = new Set<string>();
  const codes = new Set<string>();
  for (const p of list) {
    const e = p.entity ? entities.get(p.entity) : undefined;
    if (e?.kb) linked.add(storyEntityKey(e));
    codes.add(p.code ?? fold(p.name));
  }
  return { linked, codes };
}

/** Participants agree: the same linked entities when both sides name some, else the same codes. */
function sameSide(a: Sides, b: Sides): boolean {
  if (a.linked.size > 0 && b.linked.size > 0) return intersects(a.linked, b.linked);
  return intersects(a.codes, b.codes);
}

function sameEvent(a: Entry<EventRecord>, b: Entry<EventRecord>): boolean {
  const [x, y] = [a.item, b.item];
  if (baseCategory(x) !== baseCategory(y)) return false;
  if ((CLASS[x.modality] === 'past') !== (CLASS[y.modality] === 'past')) return false;
  const [dx, dy] = [dayRange(x.date), dayRange(y.date)];
  if (dx && dy && dayGap(dx, dy) > SAME_EVENT_MAX_GAP_DAYS) return false;
  if (!sameSide(sides(a.doc, x.actor), sides(b.doc, y.actor))) return false;
  const [ra, rb] = [sides(a.doc, x.recipient), sides(b.doc, y.recipient)];
  return ra.codes.size === 0 || rb.codes.size === 0 || sameSide(ra, rb);
}

/** Every telling of the event: its mentions, or its own span. */
function tellings(v: EventRecord): TextSpan[] {
  return v.mentions?.length ? v.mentions : [{ start: v.start, end: v.end, text: v.event_text }];
}

/** Letters two tellings must share at the start of a word to count as the same verb or noun. */
const MIN_LIKENESS = 4;

const commonPrefix = (a: string, b: string): number => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

interface Telling {
  event: EventRecord;
  span: TextSpan;
}

const words = (t: string): string[] => fold(t).split(/[^\p{L}]+/u).filter((w) => w.length >= 4);

/** Every telling of an entry: of its event and of the events of its document absorbed into it. */
const allTellings = (entry: Entry<EventRecord>): Telling[] =>
  [entry.item, ...entry.also].flatMap((event) => tellings(event).map((span) => ({ event, span })));

/** How much two tellings read alike: the longest common prefix of their words ("atterri" in "a atterri", "atterrira"). */
function likeness(a: TextSpan, b: TextSpan): number {
  let best = 0;
  for (const x of words(a.text)) for (const y of words(b.text)) best = Math.max(best, commonPrefix(x, y));
  return best;
}

/** An entry's tellings with the modality class of its first telling: what the document says of the fact. */
const ownTellings = (entry: Entry<EventRecord>): Telling[] =>
  allTellings(entry).filter((t) => CLASS[t.event.modality] === CLASS[entry.item.modality]);

/**
 * The telling of `entry` that reads most like the others' (the same verb, maybe in another
 * tense: "a atterri" beside "atterrira"), when one shares at least MIN_LIKENESS letters;
 * else its first telling. Only tellings in the modality the document gives the fact count.
 */
function tellingFor(entry: Entry<EventRecord>, others: readonly Entry<EventRecord>[]): Telling {
  const mine = ownTellings(entry);
  const theirs = others.flatMap(ownTellings);
  let best = mine[0] as Telling;
  let bestScore = MIN_LIKENESS - 1;
  for (const t of mine) {
    for (const o of theirs) {
      const score = likeness(t.span, o.span);
      if (score > bestScore) { bestScore = score; best = t; }
    }
  }
  return best;
}

function participantsLabel(list: readonly EventParticipant[]): string {
  return list.map((p) => p.code ?? p.name).filter((x, i, all) => all.indexOf(x) === i).join('+') || '?';
}

function conflict(entries: readonly Entry<EventRecord>[]): string | null {
  const [first, ...rest] = entries as [Entry<EventRecord>, ...Entry<EventRecord>[]];
  for (const other of rest) {
    if (other.doc.group === first.doc.group) continue;
    const [ma, mb] = [first.item.modality, other.item.modality];
    if (CLASS[ma] !== CLASS[mb]) {
      const [ta, tb] = [tellingFor(first, [other]).span.text, tellingFor(other, [first]).span.text];
      const coming = CLASS[ma] === 'coming' ? first : CLASS[mb] === 'coming' ? other : null;
      const done = coming === first ? other : first;
      const note = coming && CLASS[done.item.modality] === 'done' ? `; ${publicationNote(coming.doc, done.doc)}` : '';
      return `modality differs: "${ta}" (${ma}, ${who(first.doc)}) vs "${tb}" (${mb}, ${who(other.doc)})${note}`;
    }
    const [da, db] = [first.item.date, other.item.date];
    if (da && db && da.length === 10 && db.length === 10 && da !== db) {
      return `dates differ: ${da} (${who(first.doc)}) vs ${db} (${who(other.doc)})`;
    }
  }
  return null;
}

export const eventFacts: FactKindSpec<EventRecord> = {
  kind: 'event',
  items: (doc) => [...doc.record.events].sort((a, b) => a.start - b.start),
  same: sameEvent,
  key: (entries) => {
    const v = (entries[0] as Entry<EventRecord>).item;
    const person = v.actor.find((p) => p.entity !== null && p.name)?.name;
    return `${baseCategory(v)} ${participantsLabel(v.actor)}→${participantsLabel(v.recipient)}${person ? ` (${person})` : ''}`;
  },
  report: (entry, others) => {
    const { event: v, span } = tellingFor(entry, others);
    return { value: `${clip(span.text, 60)} (${v.modality}${v.date ? `, ${v.date}` : ''})`, modality: v.modality, span: { start: span.start, end: span.end } };
  },
  conflict,
};
