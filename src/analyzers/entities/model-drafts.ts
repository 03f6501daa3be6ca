import type { EntityType } from '../../core/record.js';
import type { NameHit } from '../../kb/knowledge-base.js';
import type { TaggedSpan } from '../../ner/tags.js';
import type { Context } from './context.js';
import type { Draft } from './draft.js';
import { walkUnits } from './find-kb-names.js';
import type { Unit } from './units.js';

/** Whether a KB entry of type `kb` may be what a mention the model typed `model` names. */
function compatible(model: EntityType, kb: EntityType): boolean {
  if (model === kb) return true;
  // a country or city tagged as a place, or as an organization (its government: "la France a signé")
  return kb === 'GPE' && (model === 'LOC' || model === 'ORG');
}

/** KB entries whose names are exactly units [first, last), fit for the language and the case. */
function exactHits(ctx: Context, first: number, last: number): NameHit[] {
  const u = ctx.units[first] as Unit;
  let out: NameHit[] = [];
  walkUnits(ctx.kb.names, ctx.units, first, (length, values) => {
    if (first + length === last) out = values.filter((h) => fitsText(h, u, ctx.lang));
  });
  return out;
}

function fitsText(hit: NameHit, u: Unit, lang: string): boolean {
  if (hit.lang !== 'any' && hit.lang !== lang && (lang === 'fr' || lang === 'en')) return false;
  if (hit.shape === 'acronym') return u.upper || (u.text.length <= 2 && u.cap);
  if (hit.shape === 'cap') return u.cap;
  return true;
}

/**
 * Drafts from the model's mentions: a leading title ("M.", "Mme") stays in the mention but
 * not in the name; the KB entries whose names fit the name exactly and whose type agrees
 * with the model's become its hits (to be linked); a place the KB knows as a country or
 * city is a GPE.
 */
export function modelDrafts(ctx: Context, spans: readonly TaggedSpan[]): Draft[] {
  const { units, lex } = ctx;
  const out: Draft[] = [];
  for (const s of spans) {
    let first = s.first;
    while (first < s.last && lex.titles.has((units[first] as Unit).lower)) first++;
    let last = s.last;
    // trailing punctuation is never part of a name
    while (last > first && !(units[last - 1] as Unit).word) last--;
    if (first >= last) continue;
    const model: EntityType = s.type;
    const hits = exactHits(ctx, first, last).filter((h) => compatible(model, h.entry.type));
    const type: EntityType = model === 'LOC' && hits.some((h) => h.entry.type === 'GPE') ? 'GPE' : model;
    const start = (units[first] as Unit).start;
    out.push({
      first,
      last,
      start,
      end: (units[last - 1] as Unit).end,
      mentionStart: (units[s.first] as Unit).start,
      type,
      hits,
      rule: hits.length > 0 ? 'model+kb' : 'model',
      titled: first > s.first,
      roles: [],
      political: null,
      roleOnly: false,
    });
  }
  return out;
}
