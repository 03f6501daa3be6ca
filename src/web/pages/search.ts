import type { DocumentSummary, Snippet, StoreStats } from '../../store/store.js';
import { html, joinHtml, type SafeHtml } from '../html.js';
import { layout } from '../layout.js';
import { withQuery, type PageContext } from '../page-context.js';

export interface SearchParams {
  q: string;
  language: string;
  source: string;
  date_from: string;
  date_to: string;
  /** An entity key: only documents that mention it. */
  entity: string;
}

export interface SearchPageData {
  params: SearchParams;
  results: { doc: DocumentSummary; snippet: Snippet | null }[];
  nextCursor: string | null;
  facets: Pick<StoreStats, 'languages' | 'sources' | 'documents'>;
  /** Why the search could not run (a bad query or filter), shown above the results. */
  error: string | null;
  /** The name of the entity filtered on, when there is one. */
  entityName: string | null;
}

/** Sources shown in the facet; the rest are reachable by typing the name. */
const MAX_SOURCE_FACETS = 15;

/** The snippet with matched terms in <mark>, every piece escaped. */
export function renderSnippet(snippet: Snippet): SafeHtml {
  const parts: SafeHtml[] = [];
  let at = 0;
  for (const m of snippet.marks) {
    if (m.start < at || m.end > snippet.text.length) continue;
    parts.push(html`${snippet.text.slice(at, m.start)}<mark>${snippet.text.slice(m.start, m.end)}</mark>`);
    at = m.end;
  }
  parts.push(html`${snippet.text.slice(at)}`);
  return joinHtml(parts);
}

export function documentMeta(ctx: PageContext, doc: Pick<DocumentSummary, 'date' | 'source' | 'language'>): SafeHtml {
  const { t } = ctx;
  return joinHtml([
    html`<span>${doc.date ?? t.t('doc.undated')}</span>`,
    html`<span>${doc.source.name ?? t.t('doc.no_source')}</span>`,
    html`<span lang="${doc.language}">${doc.language}</span>`,
  ], ' · ');
}

function facetLinks(ctx: PageContext, name: 'language' | 'source', current: string, values: { value: string; count: number }[]): SafeHtml {
  const { t } = ctx;
  const items = values.map(({ value, count }) => {
    const active = value === current;
    const href = withQuery(ctx.url, { [name]: active ? null : value, cursor: null });
    return html`<li><a href="${href}"${active ? html` aria-current="true" class="on"` : ''}>${value}</a> <span class="count">${count}</span></li>`;
  });
  return html`<section class="facet"><h2>${t.t(`facet.${name}`)}</h2><ul>${items}</ul>${current ? html`<a class="clear" href="${withQuery(ctx.url, { [name]: null, cursor: null })}">${t.t('facet.clear')}</a>` : ''}</section>`;
}

export function searchPage(ctx: PageContext, data: SearchPageData): string {
  const { t } = ctx;
  const p = data.params;
  const languages = data.facets.languages.map((l) => ({ value: l.language, count: l.documents }));
  const sources = data.facets.sources.filter((s) => s.name !== null).slice(0, MAX_SOURCE_FACETS).map((s) => ({ value: s.name as string, count: s.documents }));
  const results = data.results.map(({ doc, snippet }) => html`<li class="hit">
<h3><a href="/documents/${doc.id}">${doc.title ?? doc.origin}</a></h3>
<p class="meta">${documentMeta(ctx, doc)}</p>
${snippet ? html`<p class="snippet">${renderSnippet(snippet)}</p>` : ''}
</li>`);
  const heading = p.q ? t.t('search.results_for', { q: p.q }) : t.t('search.latest');
  const body = html`<h1 class="visually-hidden">${t.t('search.title')}</h1>
<form class="search" method="get" action="/" role="search">
<label for="q" class="visually-hidden">${t.t('search.label')}</label>
<input id="q" name="q" type="search" value="${p.q}" placeholder="${t.t('search.placeholder')}" maxlength="1000" autocomplete="off">
${p.language ? html`<input type="hidden" name="language" value="${p.language}">` : ''}
${p.source ? html`<input type="hidden" name="source" value="${p.source}">` : ''}
${p.entity ? html`<input type="hidden" name="entity" value="${p.entity}">` : ''}
<button type="submit">${t.t('search.submit')}</button>
<details class="dates"${p.date_from || p.date_to ? html` open` : ''}><summary>${t.t('facet.date')}</summary>
<label>${t.t('facet.date_from')} <input name="date_from" value="${p.date_from}" placeholder="2023-10" pattern="\\d{4}(-\\d{2}(-\\d{2})?)?" inputmode="numeric" size="10"></label>
<label>${t.t('facet.date_to')} <input name="date_to" value="${p.date_to}" placeholder="2023-10-31" pattern="\\d{4}(-\\d{2}(-\\d{2})?)?" inputmode="numeric" size="10"></label>
</details>
</form>
<div class="with-facets">
<aside class="facets" aria-label="${t.t('facet.label')}">
${facetLinks(ctx, 'language', p.language, languages)}
${facetLinks(ctx, 'source', p.source, sources)}
</aside>
<section class="results" aria-labelledby="results-h">
<h2 id="results-h">${heading}</h2>
${p.entity ? html`<p class="chip">${t.t('search.entity', { name: data.entityName ?? p.entity })} <a href="${withQuery(ctx.url, { entity: null, cursor: null })}">${t.t('facet.clear')}</a></p>` : ''}
${data.error ? html`<p class="error" role="alert">${data.error}</p>` : ''}
${!data.error && data.results.length === 0 ? html`<p class="empty">${t.t('search.none')}</p>` : ''}
<ol class="hits">${results}</ol>
${data.nextCursor ? html`<p class="more"><a rel="next" href="${withQuery(ctx.url, { cursor: data.nextCursor })}">${t.t('page.next')}</a></p>` : ''}
</section>
</div>`;
  return layout(ctx, { title: p.q ? p.q : t.t('search.title'), section: 'search', body });
}
