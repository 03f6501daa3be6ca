/**
 * The parts of the story page: the comparison of sources fact by fact, the timeline and the
 * actor graph's edges as a table (the drawing is story.js; the table is what keyboards,
 * screen readers and pages without JavaScript read). Every report, entry and edge links to
 * its span in its document.
 */
import type { Fact, StoryRecord, StorySpan } from '../../stories/story.js';
import { html, joinHtml, type SafeHtml } from '../html.js';
import type { PageContext } from '../page-context.js';
import { spanHref } from '../span-link.js';

/** Conflicts first (what an analyst checks), then what sources agree on, then the rest. */
const STATUS_ORDER = { conflict: 0, agreed: 1, single_source: 2 } as const;

type Sources = ReadonlyMap<string, string>;

/** Who published each document: its outlet, else "document <8 hex>". */
export function sourceNames(ctx: PageContext, story: StoryRecord): Map<string, string> {
  return new Map(story.documents.map((d) => [d.id, d.source ?? ctx.t.t('story.document', { id: d.id.slice(0, 8) })]));
}

/** A link to a span: its words as the link's title, `label` as its text. */
export function spanLink(span: StorySpan, label: string | SafeHtml, lang?: string): SafeHtml {
  return html`<a class="span-link" href="${spanHref(span)}" title="${span.text}"${lang ? html` lang="${lang}"` : ''}>${label}</a>`;
}

function factRow(ctx: PageContext, f: Fact, sources: Sources, languages: ReadonlyMap<string, string>): SafeHtml {
  const { t } = ctx;
  const reports = f.reports.map((r) => html`<li><span class="src">${sources.get(r.doc) ?? r.source ?? r.doc}</span> ${spanLink(r.span, r.value, languages.get(r.doc))}${r.modality ? html` <span class="modality">${t.t(`modality.${r.modality}`)}</span>` : ''}</li>`);
  return html`<tr class="fact ${f.status}" id="fact-${f.id}">
<td><span class="status ${f.status}">${t.t(`status.${f.status}`)}</span></td>
<td>${t.t(`fact.${f.kind}`)}</td>
<th scope="row">${f.key}</th>
<td><ul class="reports">${reports}</ul></td>
<td>${f.conflict ?? ''}</td>
</tr>`;
}

function factTable(ctx: PageContext, facts: readonly Fact[], sources: Sources, languages: ReadonlyMap<string, string>, caption: string): SafeHtml {
  const { t } = ctx;
  const heads = ['status', 'kind', 'fact', 'reports', 'difference'].map((k) => html`<th scope="col">${t.t(`compare.${k}`)}</th>`);
  return html`<div class="table-wrap"><table class="compare">
<caption class="visually-hidden">${caption}</caption>
<thead><tr>${heads}</tr></thead>
<tbody>${facts.map((f) => factRow(ctx, f, sources, languages))}</tbody>
</table></div>`;
}

/** The comparison table: shared facts (conflicts first), then single-source facts folded away. */
export function comparison(ctx: PageContext, story: StoryRecord): SafeHtml {
  const { t } = ctx;
  const sources = sourceNames(ctx, story);
  const languages = new Map(story.documents.map((d) => [d.id, d.language]));
  const sorted = [...story.facts].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
  const shared = sorted.filter((f) => f.status !== 'single_source');
  const single = sorted.filter((f) => f.status === 'single_source');
  return html`${shared.length ? factTable(ctx, shared, sources, languages, t.t('story.compare')) : html`<p class="empty">${t.t('story.no_shared')}</p>`}
${single.length ? html`<details class="single"><summary>${t.t('story.single', { n: single.length })}</summary>${factTable(ctx, single, sources, languages, t.t('story.single', { n: single.length }))}</details>` : ''}`;
}

export function timeline(ctx: PageContext, story: StoryRecord): SafeHtml {
  const { t } = ctx;
  if (story.timeline.length === 0) return html`<p class="empty">${t.t('story.no_timeline')}</p>`;
  const sources = sourceNames(ctx, story);
  const entries = story.timeline.map((e) => html`<li>
<time datetime="${e.date}">${e.date}</time>
<span class="badge${e.event ? '' : ' date'}">${e.event ?? t.t('story.date')}</span>
<span class="label">${e.label}</span>
<span class="small">${joinHtml(e.spans.map((s) => spanLink(s, sources.get(s.doc) ?? s.doc)), ', ')}</span>
</li>`);
  return html`<ol class="timeline">${entries}</ol>`;
}

/** The graph's edges as a table, each with links to the reports that tell it. */
export function graphTable(ctx: PageContext, story: StoryRecord): SafeHtml {
  const { t } = ctx;
  const { nodes, edges } = story.graph;
  if (edges.length === 0) return html`<p class="empty">${t.t('story.no_graph')}</p>`;
  const sources = sourceNames(ctx, story);
  const names = new Map(nodes.map((n) => [n.id, n.code ? `${n.name} (${n.code})` : n.name]));
  const rows = edges.map((e) => html`<tr>
<td>${names.get(e.from) ?? e.from}</td><td><span class="badge">${e.event}</span></td><td>${names.get(e.to) ?? e.to}</td>
<td class="num">${e.count}</td><td>${e.modality.map((m) => t.t(`modality.${m}`)).join(', ')}</td>
<td>${joinHtml(e.spans.map((s) => spanLink(s, sources.get(s.doc) ?? s.doc)), ', ')}</td>
</tr>`);
  const heads = ['actor', 'event', 'recipient'].map((k) => html`<th scope="col">${t.t(`field.${k}`)}</th>`);
  return html`<div class="table-wrap"><table class="edges">
<caption class="visually-hidden">${t.t('story.graph')}</caption>
<thead><tr>${heads}<th scope="col" class="num">${t.t('story.reports')}</th><th scope="col">${t.t('field.modality')}</th><th scope="col">${t.t('compare.reports')}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}
