import type { Entity, EntityType, TextSpan } from '../../core/record.js';
import { affiliationAt } from '../../kb/affiliation.js';
import type { KbEntry } from '../../kb/knowledge-base.js';
import { keysOf } from '../../kb/knowledge-base.js';
import type { Context } from './context.js';
import type { Draft } from './draft.js';
import type { Link } from './link.js';
import type { Unit } from './units.js';

/** A draft with its KB entry and its reading (a place, or the government it stands for). */
export interface Resolved {
  draft: Draft;
  link: Link | null;
  political: { country: string; sector: string; rule: string } | null;
}

interface Group {
  key: string;
  items: Resolved[];
  entry: KbEntry | null;
  political: Resolved['political'];
  rules: Set<string>;
}

function baseKey(ctx: Context, r: Resolved): string {
  if (r.political) return `gov:${r.political.country}:${r.political.sector}`;
  if (r.link) return `kb:${r.link.entry.id}`;
  return `name:${ctx.units.slice(r.draft.first, r.draft.last).filter((u) => u.word).map((u) => u.key).join(' ')}`;
}

function isPerson(r: Resolved): boolean {
  if (r.political) return false;
  return r.link ? r.link.entry.type === 'PER' : r.draft.type === 'PER' || r.draft.roles.length > 0;
}

function wordUnits(ctx: Context, d: Draft): Unit[] {
  return ctx.units.slice(d.first, d.last).filter((u) => u.word && !u.elision);
}

/**
 * One entity per referent: mentions linked to the same KB entry, or standing for the same
 * government, or spelled the same, are one; a lone surname or given name joins the person
 * named in full nearest before it (after it, failing that): "Lavrov" → "Sergueï Lavrov",
 * "Kim" → "Kim Jong Un", "Lee" → "Rachel Minyoung Lee"; a role-only mention ("le président
 * russe") joins the person with that role and country.
 */
export function groupEntities(ctx: Context, resolved: readonly Resolved[], roleOnly: readonly Draft[]): Entity[] {
  const groups = new Map<string, Group>();
  const keyOf = new Map<Resolved, string>();
  for (const r of resolved) keyOf.set(r, baseKey(ctx, r));

  // full names of people, by their first and last word
  const fullNames = new Map<string, { start: number; key: string }[]>();
  for (const r of resolved) {
    const words = wordUnits(ctx, r.draft);
    if (!isPerson(r) || words.length < 2) continue;
    for (const u of [words[0]!, words[words.length - 1]!]) {
      const list = fullNames.get(u.key) ?? [];
      list.push({ start: r.draft.start, key: keyOf.get(r)! });
      fullNames.set(u.key, list);
    }
  }
  const partial = new Set<Resolved>();
  for (const r of resolved) {
    const words = wordUnits(ctx, r.draft);
    if (words.length !== 1 || r.political) continue;
    const linked = r.link?.entry;
    // a one-word generated place ("Tara") yields to a person named in full in the document
    if (linked && linked.kind !== 'person' && !(linked.kind === 'place' && linked.priority === 0)) continue;
    if (!r.link && !['PER', 'LOC', 'MISC'].includes(r.draft.type)) continue;
    const options = (fullNames.get(words[0]!.key) ?? []).filter((o) => o.key !== keyOf.get(r));
    if (options.length === 0) continue;
    const before = options.filter((o) => o.start < r.draft.start);
    const chosen = before.length > 0 ? before[before.length - 1]! : options[0]!;
    keyOf.set(r, chosen.key);
    partial.add(r);
  }

  for (const r of resolved) {
    const key = keyOf.get(r)!;
    let g = groups.get(key);
    if (!g) {
      g = { key, items: [], entry: null, political: null, rules: new Set() };
      groups.set(key, g);
    }
    g.items.push(r);
    if (partial.has(r)) g.rules.add('coref:partial');
    else {
      g.entry ??= r.link?.entry ?? null;
      g.political ??= r.political;
    }
  }

  const entities = [...groups.values()].map((g) => toEntity(ctx, g));
  attachRoleMentions(ctx, entities, [...groups.values()], roleOnly);
  entities.sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
  entities.forEach((e, i) => {
    e.id = `e${i + 1}`;
  });
  return entities;
}

function sourceTag(entry: KbEntry): string {
  return entry.source.split(/[:+]/)[0] ?? 'kb';
}

function toEntity(ctx: Context, g: Group): Entity {
  const drafts = g.items.map((r) => r.draft);
  const mentions = spans(ctx, drafts);
  const names = drafts.filter((d) => !d.roleOnly).map((d) => ({ start: d.start, end: d.end, text: ctx.text.slice(d.start, d.end) }));
  const roles = drafts.flatMap((d) => d.roles);
  const textCountry = roles.find((r) => r.country)?.country ?? null;
  const textSector = roles.find((r) => r.sector)?.sector ?? null;
  const first = g.items.find((r) => !r.draft.roleOnly) ?? g.items[0]!;
  let type: EntityType;
  let name: string;
  let kb: string | null = null;
  let country: string | null = null;
  let sector: string | null = null;
  let rule: string;
  if (g.political) {
    const c = ctx.kb.country(g.political.country);
    type = 'GPE';
    name = c ? ctx.kb.label(c, ctx.lang) : longest(names);
    kb = c?.kb ?? null;
    country = g.political.country;
    sector = g.political.sector;
    rule = g.political.rule;
  } else if (g.entry) {
    const e = g.entry;
    const a = affiliationAt(e, ctx.date);
    type = e.type;
    name = longest(names);
    kb = e.kb;
    if (['country', 'capital', 'city', 'place'].includes(e.kind)) {
      country = e.country;
    } else {
      country = textCountry ?? a.country;
      sector = e.type === 'PER' ? textSector ?? a.sector : a.sector ?? textSector;
    }
    rule = `kb:${sourceTag(e)}`;
  } else {
    const fullest = drafts.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
    type = roles.length > 0 ? 'PER' : fullest.type;
    name = longest(names);
    country = textCountry;
    sector = textSector;
    rule = first.draft.rule;
  }
  const extra = [...g.rules];
  if (roles.length > 0) extra.push('role');
  const entity: Entity = {
    id: '',
    type,
    name,
    kb,
    country,
    sector,
    roles: [...new Set(roles.map((r) => r.role).filter((r) => r.length > 0))],
    mentions,
    rule: [rule, ...extra].join('+'),
  };
  const candidates = g.items.find((r) => r.link && r.link.candidates.length > 1)?.link?.candidates;
  if (candidates && !g.political) entity.candidates = candidates;
  return entity;
}

function spans(ctx: Context, drafts: readonly Draft[]): TextSpan[] {
  const seen = new Set<string>();
  const out: TextSpan[] = [];
  for (const d of [...drafts].sort((a, b) => a.start - b.start)) {
    const k = `${d.mentionStart}:${d.end}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ start: d.mentionStart, end: d.end, text: ctx.text.slice(d.mentionStart, d.end) });
  }
  return out;
}

/** The fullest form: the longest mention text, the first one on ties. */
function longest(mentions: readonly TextSpan[]): string {
  return mentions.reduce((a, b) => (b.text.length > a.text.length ? b : a), mentions[0]!).text;
}

/** Role keys a person is known by in the KB ("président" for Putin), in the document's language. */
function kbRoleHeads(ctx: Context, entry: KbEntry | null): string[] {
  return (entry?.roles[ctx.lang] ?? []).map((r) => keysOf(r).join(' '));
}

function attachRoleMentions(ctx: Context, entities: Entity[], groups: readonly Group[], roleOnly: readonly Draft[]): void {
  for (const d of roleOnly) {
    const info = d.roles[0];
    if (!info) continue;
    let best: { entity: Entity; start: number } | null = null;
    entities.forEach((e, i) => {
      if (e.type !== 'PER' || e.country !== info.country) return;
      const g = groups[i]!;
      const heads = g.items.flatMap((r) => r.draft.roles.map((x) => x.head));
      if (!heads.includes(info.head) && !kbRoleHeads(ctx, g.entry).includes(info.head)) return;
      const start = e.mentions[0]?.start ?? 0;
      // the person named nearest before, else the first named after
      if (!best || (start < d.start && (best.start > d.start || start > best.start)) || (best.start > d.start && start > d.start && start < best.start)) best = { entity: e, start };
    });
    const chosen = best as { entity: Entity; start: number } | null;
    if (!chosen) continue;
    const e = chosen.entity;
    if (e.mentions.some((m) => m.start < d.end && d.start < m.end)) continue;
    e.mentions.push({ start: d.start, end: d.end, text: ctx.text.slice(d.start, d.end) });
    e.mentions.sort((a, b) => a.start - b.start);
    if (!e.rule?.includes('coref:role')) e.rule = `${e.rule}+coref:role`;
  }
}
