import type { StoryRecord } from '../../stories/story.js';
import { html } from '../html.js';
import { layout } from '../layout.js';
import type { PageContext } from '../page-context.js';
import { entityHref } from './entities.js';
import { storyDates } from './stories.js';
import { comparison, graphTable, sourceNames, spanLink, timeline } from './story-parts.js';

/** Scripts of the story page: cytoscape (served from node_modules) and the drawing code. */
export const STORY_SCRIPTS = ['/static/vendor/cytoscape.min.js', '/static/story.js'] as const;

/**
 * One story: its summary (each sentence links to its span), the sources compared fact by
 * fact, the timeline, the actor graph, the documents and the entities.
 * `titles` holds each document's title (null when it has none).
 */
export function storyPage(ctx: PageContext, story: StoryRecord, titles: ReadonlyMap<string, string | null>): string {
  const { t } = ctx;
  const sources = sourceNames(ctx, story);
  const language = new Map(story.documents.map((d) => [d.id, d.language]));
  const summary = story.summary.map((s) => html`<li>${spanLink(s, s.text, language.get(s.doc))} <span class="small">— ${sources.get(s.doc)}</span></li>`);
  const documents = story.documents.map((d) => html`<li><a href="/documents/${d.id}">${titles.get(d.id) ?? d.id}</a>
<span class="small">${d.date ?? t.t('doc.undated')} · ${d.source ?? t.t('doc.no_source')} · <span lang="${d.language}">${d.language}</span>${d.duplicate_of ? html` · ${t.t('story.copy_of', { id: d.duplicate_of.slice(0, 8) })}` : ''}</span></li>`);
  const entities = story.entities.slice(0, 30).map((e) => html`<li><a href="${entityHref(e.kb ?? `${e.type}:${e.name}`)}">${e.name}</a> <span class="count">${e.docs}/${story.article_count}</span></li>`);
  const body = html`<article class="story">
<header class="doc-head">
<p class="small"><a href="/stories">${t.t('stories.title')}</a></p>
<h1>${story.title}</h1>
<p class="meta"><span>${storyDates(ctx, story)}</span> · <span>${t.t('story.counts', { articles: story.article_count, sources: story.independent_source_count })}</span> · <a href="/api/stories/${story.id}">${t.t('doc.json')}</a> · <code>${story.id}</code></p>
</header>
<section aria-labelledby="summary-h"><h2 id="summary-h">${t.t('story.summary')}</h2>
${summary.length ? html`<ol class="summary">${summary}</ol>` : html`<p class="empty">${t.t('story.no_summary')}</p>`}
</section>
<section aria-labelledby="compare-h"><h2 id="compare-h">${t.t('story.compare')}</h2>
<p class="small">${t.t('story.compare_explain')}</p>
${comparison(ctx, story)}
</section>
<section aria-labelledby="timeline-h"><h2 id="timeline-h">${t.t('story.timeline')}</h2>
${timeline(ctx, story)}
</section>
<section aria-labelledby="graph-h"><h2 id="graph-h">${t.t('story.graph')}</h2>
${story.graph.edges.length ? html`<div id="story-graph" class="graph" data-src="/api/stories/${story.id}/graph" role="img" aria-label="${t.t('story.graph_label', { nodes: story.graph.nodes.length, edges: story.graph.edges.length })}"></div>` : ''}
${graphTable(ctx, story)}
<p class="downloads"><a href="/api/stories/${story.id}/graph?format=graphml" download="veille-${story.id}.graphml">GraphML</a> · <a href="/api/stories/${story.id}/graph?format=jgf">JSON Graph Format</a></p>
</section>
<div class="story-side">
<section aria-labelledby="docs-h"><h2 id="docs-h">${t.t('story.documents')}</h2><ul class="story-docs">${documents}</ul></section>
<section aria-labelledby="ent-h"><h2 id="ent-h">${t.t('story.entities')}</h2><ul class="story-entities">${entities}</ul></section>
</div>
</article>`;
  return layout(ctx, { title: story.title, section: 'stories', body, scripts: story.graph.edges.length ? STORY_SCRIPTS : [] });
}
