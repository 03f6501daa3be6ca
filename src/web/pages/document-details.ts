/**
 * The details of every highlighted item, rendered on the server as sections the client only
 * shows or hides (no HTML is ever built in the browser from document text). Links between
 * items (`data-open`) carry a claim's denial to the claim it answers, an event to its actors.
 */
import type { AnalysisRecord } from '../../core/record.js';
import { detailId, domId, pieceId } from '../dom-id.js';
import { html, joinHtml, type HtmlValue, type SafeHtml } from '../html.js';
import { HIGHLIGHT_LAYERS, itemSpans, layerItems, type HighlightLayer } from '../marks.js';
import type { Translator } from '../i18n.js';

type Item = Record<string, unknown>;

/** Longest excerpt shown where an item is named by its text (a claim, a quote). */
const LABEL_CHARS = 80;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const clip = (s: string): string => (s.length > LABEL_CHARS ? `${s.slice(0, LABEL_CHARS - 1)}…` : s);

export class DetailRenderer {
  private readonly items = new Map<string, { layer: HighlightLayer; item: Item }>();
  private readonly answeredBy = new Map<string, string[]>();

  constructor(private readonly record: AnalysisRecord, private readonly t: Translator) {
    for (const layer of HIGHLIGHT_LAYERS) for (const item of layerItems(record, layer)) this.items.set(item.id as string, { layer, item });
    for (const c of layerItems(record, 'claims')) {
      const about = str(c.about);
      if (about) this.answeredBy.set(about, [...(this.answeredBy.get(about) ?? []), c.id as string]);
    }
  }

  /** What an item is called in links and lists. */
  label(id: string): string {
    const found = this.items.get(id);
    if (!found) return id;
    const { layer, item } = found;
    if (layer === 'entities') return str(item.name) ?? id;
    if (layer === 'events') return `${str(item.event) ?? '?'} — ${clip(str(item.event_text) ?? '')}`;
    return clip(str(item.text) ?? id);
  }

  /** A link that opens another item's details, or plain text when the id is unknown. */
  ref(id: unknown, fallback?: string | null): SafeHtml {
    const key = str(id);
    if (key && this.items.has(key)) return html`<a href="#${detailId(key)}" data-open="${domId(key)}">${this.label(key)}</a>`;
    return html`${fallback ?? key ?? '—'}`;
  }

  /** Every item's section, layer by layer. */
  all(): SafeHtml {
    const sections: SafeHtml[] = [];
    for (const [id, { layer, item }] of this.items) sections.push(this.section(id, layer, item));
    return joinHtml(sections);
  }

  private section(id: string, layer: HighlightLayer, item: Item): SafeHtml {
    const t = this.t;
    const spans = itemSpans(item, this.record.doc.text.length);
    const jump = spans[0] ? html`<a class="jump" href="#${pieceId(spans[0].start)}" data-focus="${spans[0].start}">${t.t('detail.in_text')}</a>` : '';
    return html`<section class="detail l-${layer}" id="${detailId(id)}" tabindex="-1" aria-labelledby="${detailId(id)}-h">
<h3 id="${detailId(id)}-h"><span class="tag">${t.t(`item.${layer}`)}</span> ${this.label(id)}</h3>
${this.fields(layer, item)}
${jump}
</section>`;
  }

  private fields(layer: HighlightLayer, item: Item): SafeHtml {
    const t = this.t;
    const f = (key: string, value: HtmlValue): [string, HtmlValue] => [t.t(`field.${key}`), value];
    const list = (v: unknown): string | null => (Array.isArray(v) && v.length ? v.map(String).join(', ') : null);
    const text = (v: unknown): SafeHtml | null => (str(v) ? html`<q>${str(v)}</q>` : null);
    const cue = (v: unknown): string | null => str((v as { text?: unknown } | null)?.text);
    let rows: [string, HtmlValue][];
    switch (layer) {
      case 'entities':
        rows = [f('type', str(item.type)), f('kb', str(item.kb)), f('country', str(item.country)), f('sector', str(item.sector)),
          f('roles', list(item.roles)), f('mentions', this.mentions(item))];
        break;
      case 'quotes':
        rows = [f('kind', str(item.kind) && t.t(`quote.${String(item.kind)}`)), f('speaker', item.speaker ? this.ref(item.speaker, str(item.speaker_text)) : str(item.speaker_text)),
          f('cue', cue(item.cue)), f('text', text(item.text))];
        break;
      case 'claims':
        rows = [f('stance', str(item.stance) && t.t(`stance.${String(item.stance)}`)), f('source', item.source ? this.ref(item.source) : null),
          f('cue', cue(item.cue)), f('text', text(item.text)), f('about', item.about ? this.ref(item.about) : null),
          f('answered_by', this.refs(this.answeredBy.get(item.id as string))), f('events', this.refs(item.events))];
        break;
      case 'events':
        rows = [f('event', str(item.event)), f('quad_code', typeof item.quad_code === 'number' ? t.t(`quad.${item.quad_code}`) : null),
          f('event_scale', typeof item.event_scale === 'number' ? String(item.event_scale) : null),
          f('actor', this.participants(item.actor)), f('recipient', this.participants(item.recipient)),
          f('modality', str(item.modality) && t.t(`modality.${String(item.modality)}`)), f('attributed_to', item.attributed_to ? this.ref(item.attributed_to) : null),
          f('date', str(item.date)), f('time', item.time ? this.ref(item.time) : null),
          f('event_loc', this.location(item.event_loc)), f('mode', list(item.mode)), f('context', list(item.context)),
          f('text', text(item.event_text)), f('evidence', this.evidence(item.evidence))];
        break;
      case 'times': {
        const range = item.range as { from?: unknown; to?: unknown } | null;
        rows = [f('value', str(item.value)), f('granularity', str(item.granularity)),
          f('range', range && str(range.from) ? `${String(range.from)} → ${String(range.to)}` : null),
          f('anchor', item.anchor === 'doc' ? t.t('time.anchor_doc') : item.anchor ? this.ref(item.anchor) : null)];
        break;
      }
      case 'quantities':
        rows = [f('value', typeof item.value === 'number' ? String(item.value) : null), f('approx', str(item.approx) && t.t(`approx.${String(item.approx)}`)),
          f('unit', str(item.unit)), f('of', str(item.of))];
        break;
    }
    rows.push(f('rule', str(item.rule)));
    const shown = rows.filter(([, v]) => v !== null && v !== undefined && v !== '');
    return html`<dl>${shown.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
  }

  private refs(ids: unknown): SafeHtml | null {
    if (!Array.isArray(ids) || ids.length === 0) return null;
    return joinHtml(ids.map((id) => this.ref(id)), ', ');
  }

  private mentions(item: Item): SafeHtml | null {
    const spans = Array.isArray(item.mentions) ? (item.mentions as { start?: unknown; text?: unknown }[]) : [];
    const links = spans.filter((m) => Number.isInteger(m.start)).map((m) =>
      html`<a href="#${pieceId(m.start as number)}" data-focus="${String(m.start)}">${str(m.text) ?? '?'}</a>`);
    return links.length ? joinHtml(links, ', ') : null;
  }

  private participants(value: unknown): SafeHtml | null {
    if (!Array.isArray(value) || value.length === 0) return null;
    return joinHtml(value.map((p: Item) => {
      const code = [str(p.code), str(p.sector)].filter(Boolean).join(' ');
      return html`${p.entity ? this.ref(p.entity, str(p.name)) : str(p.name) ?? '?'}${code ? html` <span class="code">${code}</span>` : ''}`;
    }), ' + ');
  }

  private location(value: unknown): SafeHtml | null {
    const loc = value as Item | null;
    if (!loc || typeof loc !== 'object') return null;
    return html`${loc.entity ? this.ref(loc.entity, str(loc.name)) : str(loc.name)}${str(loc.code) ? html` <span class="code">${str(loc.code)}</span>` : ''}`;
  }

  private evidence(value: unknown): SafeHtml | null {
    const [span] = itemSpans((value ?? {}) as Item, this.record.doc.text.length);
    return span ? html`<q>${this.record.doc.text.slice(span.start, span.end)}</q>` : null;
  }
}
