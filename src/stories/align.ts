import type { Modality, Span } from '../core/record.js';
import type { Fact, FactKind, FactReport } from './story.js';
import { sourceName, storySpan, type StoryDoc } from './story-doc.js';

/** One item of one document that may report a fact. */
export interface Entry<T> {
  doc: StoryDoc;
  item: T;
  /** Later items of the same document that tell the same fact (absorbed into this entry). */
  also: T[];
}

/**
 * How one kind of item (events, quantities…) is aligned across documents: which items a
 * document offers, when two of them denote the same fact, and what differs when their
 * sources disagree. Each kind is one file (facts-events.ts, facts-quantities.ts, …).
 */
export interface FactKindSpec<T> {
  kind: FactKind;
  items(doc: StoryDoc): T[];
  same(a: Entry<T>, b: Entry<T>): boolean;
  key(entries: readonly Entry<T>[]): string;
  /** The report of an entry; `others` are the fact's other entries (to choose the telling span). */
  report(entry: Entry<T>, others: readonly Entry<T>[]): { value: string; modality: Modality | null; span: Span };
  /** What differs between the entries (one per document), or null when they agree. */
  conflict(entries: readonly Entry<T>[]): string | null;
  /** Whether a fact reported by one source only is worth listing. */
  keepSingle?(entry: Entry<T>): boolean;
}

/** A fact before numbering: its kind, key, status, reports, conflict, and where it first appears. */
export type AlignedFact = Omit<Fact, 'id'> & { first: [number, number] };

/**
 * Groups the items of all documents into facts: each item, in document then text order,
 * joins the first fact with an entry that it denotes the same fact as (so a French and an
 * English report meet through a third), else starts one. A
 * document reports a fact once: its first telling, later ones absorbed into it (`also`).
 */
export function alignFacts<T>(docs: readonly StoryDoc[], spec: FactKindSpec<T>, at: (item: T) => number): AlignedFact[] {
  const groups: Entry<T>[][] = [];
  for (const doc of docs) {
    for (const item of spec.items(doc)) {
      const entry: Entry<T> = { doc, item, also: [] };
      const group = groups.find((g) => g.some((e) => spec.same(e, entry) || e.also.some((item) => e.doc === doc && spec.same({ ...e, item }, entry))));
      const mine = group?.find((e) => e.doc === doc);
      if (!group) groups.push([entry]);
      else if (mine) mine.also.push(item);
      else group.push(entry);
    }
  }
  const facts: AlignedFact[] = [];
  for (const entries of groups) {
    const sources = new Set(entries.map((e) => e.doc.group));
    if (sources.size < 2 && spec.keepSingle && !spec.keepSingle(entries[0] as Entry<T>)) continue;
    const conflict = sources.size < 2 ? null : spec.conflict(entries);
    facts.push({
      kind: spec.kind,
      key: spec.key(entries),
      status: sources.size < 2 ? 'single_source' : conflict ? 'conflict' : 'agreed',
      reports: entries.map((e) => toReport(e, spec.report(e, entries.filter((o) => o !== e)))),
      conflict,
      first: [(entries[0] as Entry<T>).doc.index, at((entries[0] as Entry<T>).item)],
    });
  }
  return facts;
}

function toReport<T>(entry: Entry<T>, r: { value: string; modality: Modality | null; span: Span }): FactReport {
  return { doc: entry.doc.record.doc.id, source: sourceName(entry.doc), value: r.value, modality: r.modality, span: storySpan(entry.doc, r.span) };
}

/** "X (Bloomberg)" / "X (doc 0c888438)": who said it, for conflict descriptions. */
export function who(doc: StoryDoc): string {
  return doc.record.doc.source.name ?? `doc ${doc.record.doc.id.slice(0, 8)}`;
}

/** Shortens a value for display, on a word boundary. */
export function clip(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6)).trimEnd()}…`;
}
