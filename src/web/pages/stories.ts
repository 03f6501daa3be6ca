import type { StoryListItem } from '../../api/story-listing.js';
import { html } from '../html.js';
import { layout } from '../layout.js';
import { withQuery, type PageContext } from '../page-context.js';

export interface StoriesPageData {
  items: StoryListItem[];
  nextCursor: string | null;
  error: string | null;
}

/** `2023-10`, or `2023-10-17 → 2023-10-19`, or "undated". */
export function storyDates(ctx: PageContext, s: Pick<StoryListItem, 'first_seen' | 'last_seen'>): string {
  if (s.first_seen === s.last_seen) return s.first_seen ?? ctx.t.t('doc.undated');
  return `${s.first_seen ?? '?'} → ${s.last_seen ?? '?'}`;
}

export function storiesPage(ctx: PageContext, data: StoriesPageData): string {
  const { t } = ctx;
  const items = data.items.map((s) => html`<li class="hit story-hit">
<h3><a href="/stories/${s.id}">${s.title}</a></h3>
<p class="meta"><span>${storyDates(ctx, s)}</span> · <span>${t.t('story.counts', { articles: s.article_count, sources: s.independent_source_count })}</span>${s.languages.length ? html` · <span>${s.languages.join(', ')}</span>` : ''}</p>
<p class="small">${s.sources.join(', ')}</p>
<p class="fact-counts">${s.facts.conflict ? html`<span class="status conflict">${t.t('story.n_conflict', { n: s.facts.conflict })}</span> ` : ''}${s.facts.agreed ? html`<span class="status agreed">${t.t('story.n_agreed', { n: s.facts.agreed })}</span> ` : ''}<span class="status single_source">${t.t('story.n_single', { n: s.facts.single_source })}</span></p>
</li>`);
  const body = html`<h1>${t.t('stories.title')}</h1>
<p class="small">${t.t('stories.explain')}</p>
${data.error ? html`<p class="error" role="alert">${data.error}</p>` : ''}
${data.items.length === 0 && !data.error ? html`<p class="empty">${t.t('stories.none')}</p>` : html`<ol class="hits">${items}</ol>`}
${data.nextCursor ? html`<p class="more"><a rel="next" href="${withQuery(ctx.url, { cursor: data.nextCursor })}">${t.t('page.next')}</a></p>` : ''}`;
  return layout(ctx, { title: t.t('stories.title'), section: 'stories', body });
}
