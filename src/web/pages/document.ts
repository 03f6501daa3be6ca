import type { AnalysisRecord } from '../../core/record.js';
import { detailId, domId, pieceId } from '../dom-id.js';
import { html, joinHtml, type SafeHtml } from '../html.js';
import { layout } from '../layout.js';
import { HIGHLIGHT_LAYERS, layerItems, recordMarks } from '../marks.js';
import type { PageContext } from '../page-context.js';
import { safeHttpUrl } from '../safe-url.js';
import { segmentText } from '../segments.js';
import { TARGET_ID, type TargetSpan } from '../span-link.js';
import { documentMeta } from './search.js';
import { DetailRenderer } from './document-details.js';

/**
 * The text with every span highlighted: each covered piece is a link to the details of the
 * innermost item covering it (keyboard: Tab to it, Enter opens), and lists in `data-items`
 * every item covering it, innermost first, which the client opens together.
 */
export function highlightedText(ctx: PageContext, record: AnalysisRecord, details: DetailRenderer, target: TargetSpan | null = null): SafeHtml {
  const text = record.doc.text;
  let anchored = false;
  const pieces = segmentText(text.length, recordMarks(record), target ? [target.start, target.end] : []).map((seg) => {
    const piece = text.slice(seg.start, seg.end);
    const inTarget = target !== null && seg.start >= target.start && seg.end <= target.end;
    // The first piece of the target span carries its anchor; every piece of it is marked.
    let anchor: SafeHtml | '' = '';
    if (inTarget && !anchored) {
      anchored = true;
      anchor = html` id="${TARGET_ID}" tabindex="-1"`;
    }
    if (seg.marks.length === 0) return inTarget ? html`<mark class="target"${anchor}>${piece}</mark>` : html`${piece}`;
    const items = [...new Set(seg.marks.map((m) => m.item))];
    const layers = [...new Set(seg.marks.map((m) => m.layer))];
    const first = items[0] as string;
    const what = items.map((id) => `${details.label(id)} (${ctx.t.t(`item.${seg.marks.find((m) => m.item === id)?.layer ?? 'entities'}`)})`).join('; ');
    const link = html`<a class="hl ${layers.map((l) => `l-${l}`).join(' ')}" id="${pieceId(seg.start)}" href="#${detailId(first)}" data-items="${items.map(domId).join(' ')}" title="${what}">${piece}</a>`;
    return inTarget ? html`<mark class="target"${anchor}>${link}</mark>` : link;
  });
  return joinHtml(pieces);
}

function legend(ctx: PageContext, record: AnalysisRecord): SafeHtml {
  const { t } = ctx;
  const entries = HIGHLIGHT_LAYERS.map((layer) => {
    const n = layerItems(record, layer).length;
    return html`<li class="l-${layer}${n === 0 ? ' none' : ''}"><label><input type="checkbox" checked data-layer="${layer}"${n === 0 ? html` disabled` : ''}> <span class="swatch"></span>${t.t(`layer.${layer}`)} <span class="count">${n}</span></label></li>`;
  });
  return html`<ul class="legend" aria-label="${t.t('doc.legend')}">${entries}</ul>`;
}

function layerLists(ctx: PageContext, record: AnalysisRecord, details: DetailRenderer): SafeHtml {
  const { t } = ctx;
  const lists = HIGHLIGHT_LAYERS.map((layer) => {
    const items = layerItems(record, layer);
    if (items.length === 0) return '';
    const links = items.map((item) => html`<li class="l-${layer}">${details.ref(item.id)}</li>`);
    return html`<section class="layer-list"><h3>${t.t(`layer.${layer}`)} <span class="count">${items.length}</span></h3><ul>${links}</ul></section>`;
  });
  return joinHtml(lists);
}

/** What the document page shows besides its record: the span asked for, the story it is in. */
export interface DocumentPageExtras {
  target?: TargetSpan | null;
  story?: { id: string; documents: number } | null;
}

export function documentPage(ctx: PageContext, record: AnalysisRecord, extras: DocumentPageExtras = {}): string {
  const { t } = ctx;
  const story = extras.story ?? null;
  const d = record.doc;
  const details = new DetailRenderer(record, t);
  const sourceUrl = safeHttpUrl(d.source.url);
  const originUrl = safeHttpUrl(d.origin);
  const body = html`<article class="document" lang="${d.language}">
<header class="doc-head">
<h1>${d.title ?? d.origin}</h1>
<p class="meta">${documentMeta(ctx, d)}</p>
<p class="meta small">${t.t('doc.origin')}: ${originUrl ? html`<a href="${originUrl}" rel="noopener noreferrer nofollow">${d.origin}</a>` : html`<span>${d.origin}</span>`}${sourceUrl && sourceUrl !== originUrl ? html` · <a href="${sourceUrl}" rel="noopener noreferrer nofollow">${t.t('doc.source_link')}</a>` : ''} · <a href="/api/documents/${d.id}/analysis">${t.t('doc.json')}</a> · <code>${d.id}</code></p>
${story ? html`<p class="story-link"><a href="/stories/${story.id}">${story.documents > 1 ? t.t('doc.story', { n: story.documents }) : t.t('doc.story_alone')}</a></p>` : ''}
</header>
${legend(ctx, record)}
<div class="doc-layout">
<div class="doc-text" id="doc-text">${highlightedText(ctx, record, details, extras.target ?? null)}</div>
<aside class="details" id="details" aria-label="${t.t('doc.details')}" aria-live="polite" lang="${t.lang}">
<p class="hint">${t.t('doc.hint')}</p>
<button type="button" class="close" id="details-close" hidden>${t.t('doc.close')}</button>
${details.all()}
</aside>
</div>
<section class="layers" aria-label="${t.t('doc.in_document')}" lang="${t.lang}">
<h2>${t.t('doc.in_document')}</h2>
${layerLists(ctx, record, details)}
${record.sentences.length ? html`<p class="small">${t.t('doc.sentences', { n: record.sentences.length })}</p>` : ''}
</section>
</article>`;
  return layout(ctx, { title: d.title ?? d.origin, section: null, body });
}
