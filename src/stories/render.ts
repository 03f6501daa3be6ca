import { clip } from './align.js';
import type { Fact, StoryRecord } from './story.js';

/** Styles the text renderer uses (the CLI passes its painter; plain text: identity). */
export type Paint = (style: 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan', text: string) => string;

const plain: Paint = (_style, text) => text;
const STATUS_STYLE = { conflict: 'red', agreed: 'green', single_source: 'dim' } as const;

export interface RenderOptions {
  /** List single-source facts too (by default only their number is given). */
  all?: boolean;
  paint?: Paint;
}

/** One line per story, for `veille stories`. */
export function storyLine(story: StoryRecord, paint: Paint = plain): string {
  const when = story.first_seen === story.last_seen ? (story.first_seen ?? 'undated') : `${story.first_seen ?? '?'} → ${story.last_seen ?? '?'}`;
  const disputed = story.facts.filter((f) => f.status === 'conflict').length;
  return `${paint('bold', story.id)}  ${when}  ${story.article_count} art., ${story.independent_source_count} src.`
    + `${disputed ? paint('red', `  ${disputed} conflict${disputed > 1 ? 's' : ''}`) : ''}  ${clip(story.title, 90)}`;
}

function renderFact(f: Fact, paint: Paint): string[] {
  const lines = [`${paint('bold', f.id)} ${paint(STATUS_STYLE[f.status], f.status.toUpperCase())} ${f.kind}  ${f.key}`];
  for (const r of f.reports) lines.push(`     ${paint('cyan', r.source ?? r.doc.slice(0, 8))}: ${r.value}`);
  if (f.conflict) lines.push(`     ${paint('yellow', `≠ ${f.conflict}`)}`);
  return lines;
}

/** The readable story: documents, summary, the comparison of sources fact by fact, timeline, graph. */
export function renderStory(story: StoryRecord, options: RenderOptions = {}): string {
  const paint = options.paint ?? plain;
  const out: string[] = [paint('bold', story.title), storyLine(story, paint), '', paint('bold', 'Documents')];
  for (const d of story.documents) {
    const copy = d.duplicate_of ? paint('dim', `  copy of ${d.duplicate_of}`) : '';
    out.push(`  ${d.id}  ${d.date ?? 'undated'}  ${d.language}  ${d.source ?? paint('dim', '(no source)')}${copy}`);
  }
  out.push('', paint('bold', 'Summary'));
  for (const s of story.summary) out.push(`  • ${s.text.replace(/\s+/g, ' ').trim()} ${paint('dim', `[${s.doc.slice(0, 8)}]`)}`);
  const shown = story.facts.filter((f) => options.all || f.status !== 'single_source');
  const hidden = story.facts.length - shown.length;
  out.push('', paint('bold', 'Sources compared, fact by fact'));
  if (shown.length === 0) out.push('  (no fact reported by two sources)');
  for (const f of shown) out.push(...renderFact(f, paint).map((l) => `  ${l}`));
  if (hidden > 0) out.push(paint('dim', `  … and ${hidden} fact${hidden > 1 ? 's' : ''} reported by one source only (--all to list them)`));
  out.push('', paint('bold', 'Timeline'));
  if (story.timeline.length === 0) out.push('  (no dated fact)');
  for (const t of story.timeline) out.push(`  ${t.date.padEnd(10)}  ${t.event ? paint('cyan', t.event.padEnd(9)) : paint('dim', 'date'.padEnd(9))}  ${clip(t.label, 100)}`);
  const { nodes, edges } = story.graph;
  out.push('', paint('bold', `Actor graph: ${nodes.length} node${nodes.length === 1 ? '' : 's'}, ${edges.length} edge${edges.length === 1 ? '' : 's'}`));
  const name = new Map(nodes.map((n) => [n.id, n.code ? `${n.name} (${n.code})` : n.name]));
  for (const e of edges.slice(0, 12)) out.push(`  ${name.get(e.from)} → ${name.get(e.to)}  ${e.event} ×${e.count}  ${paint('dim', e.modality.join(', '))}`);
  if (edges.length > 12) out.push(paint('dim', `  … ${edges.length - 12} more (export with --graphml or --graph-json)`));
  return out.join('\n');
}
