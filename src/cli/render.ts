import type { AnalysisRecord } from '../core/record.js';
import type { Style } from './io.js';

type Paint = (style: Style, text: string) => string;

interface Highlight {
  start: number;
  end: number;
  label: string;
  style: Style;
}

/** The spans worth highlighting, by layer; the earliest and then longest wins where they overlap. */
function highlights(record: AnalysisRecord): Highlight[] {
  const all: Highlight[] = [];
  for (const e of record.entities) for (const m of e.mentions) all.push({ start: m.start, end: m.end, label: e.type, style: 'cyan' });
  for (const t of record.times) all.push({ start: t.start, end: t.end, label: `time ${t.value}`, style: 'yellow' });
  for (const n of record.quantities) all.push({ start: n.start, end: n.end, label: `qty ${n.value}`, style: 'magenta' });
  for (const q of record.quotes) all.push({ start: q.start, end: q.end, label: `quote ${q.kind}`, style: 'green' });
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Highlight[] = [];
  let reached = 0;
  for (const h of all) {
    if (h.start >= reached && h.end > h.start) {
      kept.push(h);
      reached = h.end;
    }
  }
  return kept;
}

/**
 * The document text with its extracted spans marked: coloured on a terminal,
 * `[text|LABEL]` when colour is off so that the marks survive a pipe.
 */
export function highlightText(record: AnalysisRecord, paint: Paint, colored: boolean): string {
  const text = record.doc.text;
  let out = '';
  let at = 0;
  for (const h of highlights(record)) {
    out += text.slice(at, h.start);
    const span = text.slice(h.start, h.end);
    out += colored ? paint(h.style, span) : `[${span}|${h.label}]`;
    at = h.end;
  }
  return out + text.slice(at);
}

/** A readable summary of one record: header, highlighted text, then each layer as a list. */
export function renderRecord(record: AnalysisRecord, paint: Paint, colored: boolean): string {
  const d = record.doc;
  const lines: string[] = [];
  const meta = [d.language, d.date ?? 'no date', d.source.name ?? 'no source'].join(' · ');
  lines.push(paint('bold', `── ${d.origin}`) + paint('dim', `  ${d.id}  ${meta}`));
  if (d.title) lines.push(paint('bold', d.title));
  lines.push('', highlightText(record, paint, colored), '');
  lines.push(paint('dim', `${record.sentences.length} sentences`));
  if (record.entities.length > 0) {
    lines.push(paint('bold', `entities (${record.entities.length})`));
    for (const e of record.entities) {
      const facts = [e.type, e.kb, e.country, e.sector].filter(Boolean).join(', ');
      const roles = e.roles.length > 0 ? ` — ${e.roles.join('; ')}` : '';
      lines.push(`  ${paint('cyan', e.name)} [${facts}] ×${e.mentions.length}${roles}`);
    }
  }
  if (record.times.length > 0) {
    lines.push(paint('bold', `times (${record.times.length})`));
    for (const t of record.times) lines.push(`  ${paint('yellow', t.text)} → ${t.value} (${t.granularity})`);
  }
  if (record.quantities.length > 0) {
    lines.push(paint('bold', `quantities (${record.quantities.length})`));
    for (const n of record.quantities) lines.push(`  ${paint('magenta', n.text)} → ${n.approx} ${n.value}${n.unit ? ` ${n.unit}` : ''}`);
  }
  if (record.quotes.length > 0) {
    lines.push(paint('bold', `quotes (${record.quotes.length})`));
    for (const q of record.quotes) lines.push(`  ${q.kind} ${paint('green', `“${q.text}”`)} — ${q.speaker_text ?? 'unknown speaker'}`);
  }
  if (record.claims.length > 0) {
    lines.push(paint('bold', `claims (${record.claims.length})`));
    for (const c of record.claims) lines.push(`  ${c.stance}${c.about ? ` (answers ${c.about})` : ''}: ${c.text}`);
  }
  if (record.events.length > 0) {
    lines.push(paint('bold', `events (${record.events.length})`));
    for (const v of record.events) {
      const who = (ps: typeof v.actor): string => ps.map((p) => p.code ?? p.name).join('+') || '?';
      lines.push(`  ${v.event} ${who(v.actor)} → ${who(v.recipient)} [${v.modality}] ${v.date ?? ''} “${v.event_text}”`);
    }
  }
  return lines.join('\n');
}
