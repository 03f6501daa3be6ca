import type { EventRow } from '../../api/events-query.js';
import { html, joinHtml } from '../html.js';
import { layout } from '../layout.js';
import { withQuery, type PageContext } from '../page-context.js';
import { pieceId } from '../dom-id.js';

/** The 16 PLOVER event categories (PLOVER manual), offered in the category filter. */
export const PLOVER_CATEGORIES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export const MODALITIES = ['asserted', 'reported', 'future', 'hypothetical', 'negated', 'historical'] as const;

export interface EventFilterParams {
  event: string;
  actor: string;
  recipient: string;
  modality: string;
  date_from: string;
  date_to: string;
}

export interface EventsPageData {
  params: EventFilterParams;
  rows: EventRow[];
  nextCursor: string | null;
  error: string | null;
}

const participants = (ps: EventRow['event']['actor'] | undefined): string =>
  (ps ?? []).map((p) => (p.code ? `${p.name} (${p.code})` : p.name)).join(' + ');

/** The same filters as a query string for the API's export (only the ones set). */
export function exportHref(params: EventFilterParams, format: 'csv' | 'jsonl'): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  q.set('format', format);
  return `/api/events?${q.toString()}`;
}

export function eventsPage(ctx: PageContext, data: EventsPageData): string {
  const { t } = ctx;
  const p = data.params;
  const select = (name: 'event' | 'modality', values: readonly string[], label: (v: string) => string) =>
    html`<select name="${name}" id="f-${name}"><option value="">${t.t('filter.any')}</option>${values.map((v) =>
      html`<option value="${v}"${p[name] === v ? html` selected` : ''}>${label(v)}</option>`)}</select>`;
  const rows = data.rows.map(({ document: d, event: e }) => html`<tr>
<td>${e.date ?? '—'}</td>
<td><span class="badge q${e.quad_code}">${e.event}</span></td>
<td>${participants(e.actor)}</td>
<td>${participants(e.recipient)}</td>
<td>${t.t(`modality.${e.modality}`)}</td>
<td class="excerpt" lang="${d.language}"><a href="/documents/${d.id}#${pieceId(e.start)}">${e.event_text}</a></td>
<td><a href="/documents/${d.id}">${d.title ?? d.origin}</a>${d.source.name ? html` <span class="small">(${d.source.name})</span>` : ''}</td>
</tr>`);
  const body = html`<h1>${t.t('events.title')}</h1>
<form class="filters" method="get" action="/events">
<label for="f-event">${t.t('field.event')}</label> ${select('event', PLOVER_CATEGORIES, (v) => v)}
<label>${t.t('field.actor')} <input name="actor" value="${p.actor}" placeholder="RUS" size="6" maxlength="40"></label>
<label>${t.t('field.recipient')} <input name="recipient" value="${p.recipient}" placeholder="PRK" size="6" maxlength="40"></label>
<label for="f-modality">${t.t('field.modality')}</label> ${select('modality', MODALITIES, (v) => t.t(`modality.${v}`))}
<label>${t.t('facet.date_from')} <input name="date_from" value="${p.date_from}" placeholder="2023-10" size="10" inputmode="numeric"></label>
<label>${t.t('facet.date_to')} <input name="date_to" value="${p.date_to}" placeholder="2023-12" size="10" inputmode="numeric"></label>
<button type="submit">${t.t('filter.apply')}</button>
</form>
<p class="downloads"><a href="${exportHref(p, 'csv')}" download="veille-events.csv" id="csv-link">${t.t('events.csv')}</a> · <a href="${exportHref(p, 'jsonl')}" download="veille-events.jsonl">${t.t('events.jsonl')}</a></p>
${data.error ? html`<p class="error" role="alert">${data.error}</p>` : ''}
${data.rows.length === 0 && !data.error ? html`<p class="empty">${t.t('events.none')}</p>` : html`<div class="table-wrap"><table class="events">
<caption class="visually-hidden">${t.t('events.title')}</caption>
<thead><tr>${joinHtml(['date', 'event', 'actor', 'recipient', 'modality', 'text', 'document'].map((k) => html`<th scope="col">${t.t(`field.${k}`)}</th>`))}</tr></thead>
<tbody>${rows}</tbody></table></div>`}
${data.nextCursor ? html`<p class="more"><a rel="next" href="${withQuery(ctx.url, { cursor: data.nextCursor })}">${t.t('page.next')}</a></p>` : ''}`;
  return layout(ctx, { title: t.t('events.title'), section: 'events', body });
}
