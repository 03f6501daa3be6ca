import type { AnalysisRecord, EventRecord, Span, TimeExpression } from '../core/record.js';
import { clip } from './align.js';
import { dayRange, isoDay } from './dates.js';
import type { Fact, TimelineEntry } from './story.js';
import { sentenceAt, type StoryDoc } from './story-doc.js';

/** The event whose telling a report's span is (its own span or one of its mentions). */
export function eventAt(record: AnalysisRecord, span: Span): EventRecord | undefined {
  return record.events.find((v) => (v.start === span.start && v.end === span.end)
    || (v.mentions ?? []).some((m) => m.start === span.start && m.end === span.end));
}

const timeAt = (record: AnalysisRecord, span: Span): TimeExpression | undefined =>
  record.times.find((t) => t.start === span.start && t.end === span.end);

function rangeOf(date: string, time: TimeExpression | undefined): TimelineEntry['range'] {
  if (time?.range) return { ...time.range };
  const days = dayRange(date);
  return days ? { from: isoDay(days.from), to: isoDay(days.to) } : null;
}

/**
 * The story's facts on a line of time: events that have a date (the most precise any report
 * gives) and the dates the documents state, in order of the interval they can denote (its
 * start, then the narrower first); intervals are kept as ranges.
 */
export function storyTimeline(docs: readonly StoryDoc[], facts: readonly Fact[]): TimelineEntry[] {
  const byId = new Map(docs.map((d) => [d.record.doc.id, d]));
  const entries: TimelineEntry[] = [];
  for (const fact of facts) {
    if (fact.kind === 'event') {
      // The most precise date any report gives; among equals, a report of what happened.
      let best: { event: EventRecord; doc: StoryDoc; value: string } | null = null;
      const rank = (v: EventRecord): number => (v.date?.length ?? 0) * 2 + (v.modality === 'asserted' || v.modality === 'reported' ? 1 : 0);
      for (const r of fact.reports) {
        const doc = byId.get(r.doc);
        const event = doc ? eventAt(doc.record, r.span) : undefined;
        if (doc && event?.date && (!best || rank(event) > rank(best.event))) best = { event, doc, value: r.value };
      }
      if (!best?.event.date) continue;
      const time = best.event.time ? best.doc.record.times.find((t) => t.id === best.event.time) : undefined;
      entries.push({
        date: best.event.date, range: rangeOf(best.event.date, time), kind: 'event', event: best.event.recoded_from ?? best.event.event,
        label: `${fact.key}: ${best.value}`, spans: fact.reports.map((r) => r.span),
      });
    } else if (fact.kind === 'time') {
      const first = fact.reports[0];
      const doc = first ? byId.get(first.doc) : undefined;
      const time = doc && first ? timeAt(doc.record, first.span) : undefined;
      if (!doc || !time) continue;
      const sentence = sentenceAt(doc.record, time.start);
      entries.push({
        date: time.value, range: rangeOf(time.value, time), kind: 'time', event: null,
        label: clip(doc.record.doc.text.slice(sentence.start, sentence.end), 120), spans: fact.reports.map((r) => r.span),
      });
    }
  }
  const width = (e: TimelineEntry): number => (e.range ? Date.parse(e.range.to) - Date.parse(e.range.from) : Infinity);
  return entries.sort((a, b) => (a.range?.from ?? a.date).localeCompare(b.range?.from ?? b.date) || width(a) - width(b)
    || (a.kind === b.kind ? 0 : a.kind === 'event' ? -1 : 1) || a.label.localeCompare(b.label));
}
