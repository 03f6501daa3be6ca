import type { EntityOccurrence } from '../../store/store.js';
import { pieceId } from '../dom-id.js';
import { html } from '../html.js';
import { layout } from '../layout.js';
import { withQuery, type PageContext } from '../page-context.js';
import { documentMeta } from './search.js';

/** Characters of text shown on each side of a mention. */
const CONTEXT_CHARS = 60;

export interface EntityPageData {
  key: string;
  name: string;
  type: string;
  kb: string | null;
  country: string | null;
  sector: string | null;
  /** Each occurrence with its document's text (for the mentions in context). */
  occurrences: (EntityOccurrence & { text: string })[];
  nextCursor: string | null;
}

export function entityPage(ctx: PageContext, data: EntityPageData): string {
  const { t } = ctx;
  const docs = data.occurrences.map((o) => {
    const mentions = o.entities.flatMap((e) => e.mentions).sort((a, b) => a.start - b.start).map((m) => {
      const before = o.text.slice(Math.max(0, m.start - CONTEXT_CHARS), m.start);
      const after = o.text.slice(m.end, m.end + CONTEXT_CHARS);
      return html`<li>…${before}<a href="/documents/${o.document.id}#${pieceId(m.start)}"><mark>${o.text.slice(m.start, m.end)}</mark></a>${after}…</li>`;
    });
    return html`<li class="hit"><h3><a href="/documents/${o.document.id}">${o.document.title ?? o.document.origin}</a></h3>
<p class="meta">${documentMeta(ctx, o.document)}</p><ul class="mentions" lang="${o.document.language}">${mentions}</ul></li>`;
  });
  const facts = [
    [t.t('field.type'), t.t(`etype.${data.type}`)], [t.t('field.kb'), data.kb], [t.t('field.country'), data.country],
    [t.t('field.sector'), data.sector], [t.t('entities.key'), data.key],
  ].filter(([, v]) => v);
  const body = html`<h1>${data.name}</h1>
<dl class="facts">${facts.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
<p><a href="/?entity=${encodeURIComponent(data.key)}">${t.t('entity.documents_link')}</a> · <a href="/api/entities/${encodeURIComponent(data.key)}">JSON</a></p>
<h2>${t.t('entity.mentions')}</h2>
<ol class="hits">${docs}</ol>
${data.nextCursor ? html`<p class="more"><a rel="next" href="${withQuery(ctx.url, { cursor: data.nextCursor })}">${t.t('page.next')}</a></p>` : ''}`;
  return layout(ctx, { title: data.name, section: 'entities', body });
}
