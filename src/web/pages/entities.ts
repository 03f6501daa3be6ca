import type { EntitySummary } from '../../store/store.js';
import { html } from '../html.js';
import { layout } from '../layout.js';
import { withQuery, type PageContext } from '../page-context.js';

export const ENTITY_TYPES = ['PER', 'ORG', 'GPE', 'LOC', 'MISC'] as const;

export interface EntitiesPageData {
  type: string;
  q: string;
  items: EntitySummary[];
  nextCursor: string | null;
  error: string | null;
}

export const entityHref = (key: string): string => `/entities/${encodeURIComponent(key)}`;

export function entitiesPage(ctx: PageContext, data: EntitiesPageData): string {
  const { t } = ctx;
  const options = ENTITY_TYPES.map((ty) => html`<option value="${ty}"${data.type === ty ? html` selected` : ''}>${t.t(`etype.${ty}`)}</option>`);
  const rows = data.items.map((e) => html`<tr>
<th scope="row"><a href="${entityHref(e.key)}">${e.name}</a></th>
<td>${t.t(`etype.${e.type}`)}</td><td>${e.kb ?? ''}</td><td>${e.country ?? ''}</td><td>${e.sector ?? ''}</td>
<td class="num">${e.documents}</td><td class="num">${e.mentions}</td>
</tr>`);
  const body = html`<h1>${t.t('entities.title')}</h1>
<form class="filters" method="get" action="/entities">
<label>${t.t('entities.name')} <input name="q" type="search" value="${data.q}" maxlength="200"></label>
<label>${t.t('field.type')} <select name="type"><option value="">${t.t('filter.any')}</option>${options}</select></label>
<button type="submit">${t.t('filter.apply')}</button>
</form>
${data.error ? html`<p class="error" role="alert">${data.error}</p>` : ''}
${data.items.length === 0 && !data.error ? html`<p class="empty">${t.t('entities.none')}</p>` : html`<div class="table-wrap"><table>
<thead><tr><th scope="col">${t.t('field.name')}</th><th scope="col">${t.t('field.type')}</th><th scope="col">${t.t('field.kb')}</th><th scope="col">${t.t('field.country')}</th><th scope="col">${t.t('field.sector')}</th><th scope="col" class="num">${t.t('entities.documents')}</th><th scope="col" class="num">${t.t('field.mentions')}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`}
${data.nextCursor ? html`<p class="more"><a rel="next" href="${withQuery(ctx.url, { cursor: data.nextCursor })}">${t.t('page.next')}</a></p>` : ''}`;
  return layout(ctx, { title: t.t('entities.title'), section: 'entities', body });
}
