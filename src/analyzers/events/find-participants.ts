import type { Entity, TextSpan } from '../../core/record.js';
import type { KnowledgeBase } from '../../kb/knowledge-base.js';
import type { EventLexicon } from './lexicon.js';
import type { Participant } from './participant.js';
import { tokenAt, type SentenceView } from './sentence-view.js';
import { W } from './word-class.js';
import { demonymStepOf, kbKeysOf } from './word-table.js';

/** What participant finding needs of the document. */
export interface ParticipantContext {
  text: string;
  lang: string;
  lexicon: EventLexicon;
  kb: KnowledgeBase;
  /** Entity mentions inside this sentence, in text order. */
  mentions: { entity: Entity; mention: TextSpan }[];
  /** The document's entity for each country code, when it names the country itself. */
  countryEntity: Map<string, Entity>;
  /** Whether an entity names a whole country. */
  isCountry: (e: Entity) => boolean;
  /** Whether a word is a trigger form of some pattern (never skipped as an adjective). */
  isTriggerWord: (key: string) => boolean;
}

interface Demonym {
  first: number;
  last: number;
  country: string;
}

/** Every participant of a sentence, in text order, with coordination groups and `partAt`. */
export function findParticipants(view: SentenceView, ctx: ParticipantContext): { participants: Participant[]; partAt: number[]; roleAt: number[]; agentStart: number[] } {
  const n = view.tokens.length;
  const entityAt = new Array<number>(n).fill(-1);
  const entities: Participant[] = [];
  for (const { entity, mention } of ctx.mentions) {
    // an event, a work, a period ("guerre de Corée") is no actor, nor a region without a country ("the West")
    if (entity.type === 'MISC' || (entity.type === 'LOC' && entity.country === null)) continue;
    const first = tokenAt(view, mention.start);
    const last = tokenAt(view, mention.end - 1);
    if (first < 0 || last < first || entityAt[first] !== -1) continue;
    const p: Participant = {
      first, last, kind: 'entity', entity, code: entity.country, sector: entity.sector, name: entity.name,
      place: entity.type === 'GPE' || entity.type === 'LOC', country: ctx.isCountry(entity), group: -1, possessor: false,
    };
    for (let k = first; k <= last; k++) entityAt[k] = entities.length;
    entities.push(p);
  }
  const allDemonyms = findDemonyms(view, ctx);
  const demonyms = allDemonyms.filter((d) => entityAt[d.first] === -1);
  const demonymAt = new Array<number>(n).fill(-1);
  demonyms.forEach((d, i) => { for (let k = d.first; k <= d.last; k++) demonymAt[k] = i; });
  const usedDemonym = new Set<number>();
  // an entity of no known country takes the nationality it holds or follows ("Ethnic Uzbeks",
  // "the Chilean Supreme Court", "Peruvian Interior Minister Ana Ruiz", "Kenya's minister")
  for (const p of entities) {
    if (p.entity?.type === 'GPE') continue;
    // "Chilean President Ana Soto": the nationality is part of the name's phrase
    if (p.code !== null) {
      for (let k = p.first - 1; k >= 0 && k >= p.first - 3 && entityAt[k] === -1; k--) {
        if (demonymAt[k] !== -1) { if (demonyms[demonymAt[k]!]!.country === p.code) usedDemonym.add(demonymAt[k]!); break; }
        if (!(view.classes[k]! & W.CAPITAL) && !ctx.lexicon.agents.at(view.keys, k).length) break;
      }
      continue;
    }
    const inside = allDemonyms.find((d) => d.first >= p.first && d.last <= p.last);
    let before: number = -1;
    for (let k = p.first - 1; k >= 0 && k >= p.first - 4 && entityAt[k] === -1; k--) {
      if (demonymAt[k] !== -1) { before = demonymAt[k]!; break; }
      if (!(view.classes[k]! & W.CAPITAL) && !ctx.lexicon.agents.at(view.keys, k).length) break;
    }
    const owner = p.first >= 2 && view.classes[p.first - 1]! & W.POSSESSOR ? entities[entityAt[p.first - 2]!] : undefined;
    const code = inside?.country ?? (before >= 0 ? demonyms[before]!.country : null) ?? owner?.code ?? null;
    if (code !== null) p.code = code;
    if (!inside && before >= 0) usedDemonym.add(before);
  }

  // words of roles and nationalities, inside a participant or not: they may stand between a preposition and a name
  const roleAt = new Array<number>(n).fill(0);
  const agentStart = new Array<number>(n).fill(0);
  for (const d of demonyms) for (let k = d.first; k <= d.last; k++) roleAt[k] = 1;
  const absorbed = new Set<number>();
  const nominals: Participant[] = [];
  for (let i = 0; i < n; i++) {
    if (entityAt[i] !== -1 || view.classes[i]! & ~W.CAPITAL) continue;
    const hits = ctx.lexicon.agents.at(view.keys, i);
    if (hits.length === 0) continue;
    const hit = hits.reduce((a, b) => (b.last > a.last ? b : a));
    for (let k = hit.first; k <= hit.last; k++) roleAt[k] = 1;
    agentStart[hit.first] = 1;
    if ([...range(hit.first, hit.last)].some((k) => entityAt[k] !== -1)) continue;
    const made = nominalAt(view, ctx, hit.first, hit.last, hit.value, entityAt, entities, demonyms, demonymAt, absorbed, usedDemonym);
    nominals.push(...made);
    if (made.length > 0) i = Math.max(i, ...made.map((p) => p.last));
  }

  const all: Participant[] = [];
  entities.forEach((p, i) => { if (!absorbed.has(i)) all.push(p); });
  all.push(...nominals);
  const covered = new Array<number>(n).fill(0);
  for (const p of all) for (let k = p.first; k <= p.last; k++) covered[k] = 1;
  demonyms.forEach((d, i) => {
    if (usedDemonym.has(i) || covered[d.first]) return;
    const entity = ctx.countryEntity.get(d.country) ?? null;
    const entry = ctx.kb.country(d.country);
    all.push({
      first: d.first, last: d.last, kind: 'demonym', entity, code: d.country, sector: null,
      name: entity?.name ?? (entry ? ctx.kb.label(entry, ctx.lang) : d.country),
      place: false, country: false, group: -1, possessor: false,
    });
  });
  for (let i = 0; i < n; i++) {
    if (covered[i] || !(view.classes[i]! & W.PRON) || all.some((p) => p.first <= i && i <= p.last)) continue;
    all.push({ first: i, last: i, kind: 'pronoun', entity: null, code: null, sector: null, name: view.tokens[i]!.text, place: false, country: false, group: -1, possessor: false });
  }
  // "ethnic Albanians", "ethnic Turks": a people, not a nationality
  const ethnic = (k: number): boolean => k >= 0 && ctx.lexicon.ethnicMarkers.has(view.keys[k] as string);
  for (const p of all) if (p.kind !== 'pronoun' && (ethnic(p.first) || ethnic(p.first - 1))) p.ethnic = true;
  all.sort((a, b) => a.first - b.first);
  const partAt = new Array<number>(n).fill(-1);
  all.forEach((p, i) => {
    for (let k = p.first; k <= p.last; k++) partAt[k] = i;
    if (view.classes[p.last + 1] !== undefined && view.classes[p.last + 1]! & W.POSSESSOR) p.possessor = true;
  });
  groupCoordinated(view, ctx.lexicon, roleAt, all);
  return { participants: all, partAt, roleAt, agentStart };
}

function* range(a: number, b: number): Generator<number> {
  for (let k = a; k <= b; k++) yield k;
}

/** Whether a token may be a nationality: function words and short words are none. */
const mayBeDemonym = (view: SentenceView, t: number): boolean =>
  view.tokens[t]!.kind === 'word' && !(view.classes[t]! & ~(W.CAPITAL | W.COMMA)) && view.tokens[t]!.text.length >= 3;

/** The units a token gives the KB walk: its KB keys (a token may give several: "Vietnamese-led"), or one blank unit. */
const BLANK: readonly string[] = [''];

/** Nationalities in the sentence (KB demonyms, in this language). */
function findDemonyms(view: SentenceView, ctx: ParticipantContext): Demonym[] {
  const tokens = view.tokens;
  const n = tokens.length;
  const unitsOf = (t: number): readonly string[] => (mayBeDemonym(view, t) ? kbKeysOf(view.words[t]!, tokens[t]!.text) : BLANK);
  const suffixes = ctx.lexicon.demonymSuffixes;
  const kbTrie = ctx.kb.demonyms;
  let out: Demonym[] | null = null;
  for (let t = 0; t < n; t++) {
    if (!mayBeDemonym(view, t)) continue;
    // what the first word says is known per word: most words start no nationality, and nothing more is done there
    let step = demonymStepOf(view.words[t]!, tokens[t]!.text, ctx.kb);
    if (step === null) continue;
    let bestLast = -1;
    let bestCountry = '';
    // walk the units from this token's first, one at a time: unit `j` of token `at`
    let at = t;
    let units = unitsOf(t);
    let j = 0;
    for (;;) {
      const country = step.values ? singleCountry(step.values, ctx.lang) : null;
      // a match naming one country is kept when it ends on a word end and reaches further;
      // "Vietnamese-led", "Syrian-backed": the nationality stands
      const wordEnd = j === units.length - 1 || (j + 1 === units.length - 1 && suffixes.has(units[j + 1]!));
      // a nationality shared by two countries says nothing about either; the longest wins
      if (country !== null && wordEnd && (bestLast < 0 || at > bestLast)) {
        bestLast = at;
        bestCountry = country;
      }
      if (!kbTrie.goesOn(step)) break;
      if (j + 1 < units.length) j++;
      else {
        // tokens that give no key give no unit
        do at++; while (at < n && (units = unitsOf(at)).length === 0);
        if (at >= n) break;
        j = 0;
      }
      step = kbTrie.next(step, units[j]!);
      if (step === null) break;
    }
    if (bestLast >= 0) (out ??= []).push({ first: t, last: bestLast, country: bestCountry });
  }
  return out === null ? [] : joinPeopleOfState(out, ctx.lexicon.peopleOfState);
}

/** "Bosnian Serbs", "les Serbes bosniens": a people and the state it lives in are one participant, of that state. */
function joinPeopleOfState(found: Demonym[], state: 'first' | 'last'): Demonym[] {
  const out: Demonym[] = [];
  for (const d of found) {
    const prev = out[out.length - 1];
    if (prev && prev.last + 1 === d.first && prev.country !== d.country) {
      out[out.length - 1] = { first: prev.first, last: d.last, country: state === 'first' ? prev.country : d.country };
    } else out.push(d);
  }
  return out;
}

/** The one country of the KB demonym hits in `lang` (or any language), or null when none or several. */
function singleCountry(hits: readonly { country: string; lang: string }[], lang: string): string | null {
  let country: string | null = null;
  for (const h of hits) {
    if (h.lang !== lang && h.lang !== 'any') continue;
    if (country === null) country = h.country;
    else if (country !== h.country) return null;
  }
  return country;
}

/** An agent noun with the country it is given by a nationality, a complement or a possessor. */
function nominalAt(
  view: SentenceView, ctx: ParticipantContext, a: number, b: number, sector: string | null,
  entityAt: number[], entities: Participant[], demonyms: Demonym[], demonymAt: number[],
  absorbed: Set<number>, usedDemonym: Set<number>,
): Participant[] {
  const cls = view.classes;
  const plain = (k: number): boolean => k >= 0 && k < view.tokens.length && cls[k] === 0 && view.tokens[k]!.kind === 'word' && entityAt[k] === -1 && demonymAt[k] === -1 && !ctx.isTriggerWord(view.keys[k] as string);
  let first = a;
  let last = b;
  let code: string | null = null;
  const extra: Participant[] = [];
  // right: "forces maliennes", "médias officiels iraniens"
  // before a noun, a trigger word is a modifier ("Swiss aid groups")
  const plainLeft = (k: number): boolean => k >= 0 && cls[k] === 0 && view.tokens[k]!.kind === 'word' && entityAt[k] === -1 && demonymAt[k] === -1;
  let r = b + 1;
  if (plain(r) && demonymAt[r + 1] !== undefined && demonymAt[r + 1] !== -1) r++;
  if (demonymAt[r] !== undefined && demonymAt[r] !== -1) {
    const d = demonyms[demonymAt[r]!]!;
    code = d.country;
    last = d.last;
    usedDemonym.add(demonymAt[r]!);
  }
  // apposition: "le président kényan William Ruto" is Ruto, not a second participant
  const next = last + 1;
  const appositive = entityAt[next] !== undefined && entityAt[next] !== -1 ? entities[entityAt[next]!]!.entity?.type : undefined;
  if (appositive === 'PER' || appositive === 'ORG') return [];
  // right: "le gouvernement du Pérou", "rebels in Kivu", "porte-parole de l'Élysée", "nurses from two Swiss charities"
  if (code === null && cls[next] !== undefined && (cls[next]! & (W.GEN | W.LOC) || view.keys[next] === 'from')) {
    let k = next + 1;
    while (k < view.tokens.length && k <= next + 3 && cls[k]! & (W.DET | W.NUMBER)) k++;
    const e = entityAt[k];
    if (e !== undefined && e !== -1 && view.keys[next] !== 'from') {
      const ent = entities[e]!;
      if (ent.code !== null && ent.entity && (ent.entity.type === 'GPE' || ent.entity.type === 'ORG')) {
        code = ent.code;
        // "ministers of Chile's new cabinet": Chile stays the owner of what follows
        if (!((cls[ent.last + 1] ?? 0) & W.POSSESSOR)) {
          last = ent.last;
          absorbed.add(e);
        }
      }
    } else if (demonymAt[k] !== undefined && demonymAt[k] !== -1) code = demonyms[demonymAt[k]!]!.country;
  }
  // left: "Greek police", "Polish and Czech officials", "UN monitors", "Peru's government"
  if (code === null) {
    let l = a - 1;
    // "the Sendero (Shining Path) group": look past a parenthesis
    if (view.keys[l] === ')') {
      const close = l;
      while (l >= 0 && view.keys[l] !== '(') l--;
      // what the parenthesis names is part of this participant
      for (let k = l + 1; k < close; k++) if (entityAt[k] !== -1) absorbed.add(entityAt[k]!);
      l--;
    }
    // "Bolivia's MAS government": a name of no country is a modifier; look past it
    if (l >= 0 && entityAt[l] !== -1 && entities[entityAt[l]!]!.code === null && entities[entityAt[l]!]!.first - 1 >= 0) l = entities[entityAt[l]!]!.first - 1;
    if (plainLeft(l) && ((demonymAt[l - 1] ?? -1) !== -1 || (entityAt[l - 1] ?? -1) !== -1)) l--;
    if (l >= 0 && view.tokens[l]!.kind === 'word' && /^\p{Lu}/u.test(view.tokens[l]!.text) && entityAt[l] === -1 && demonymAt[l] === -1 && ((entityAt[l - 1] ?? -1) !== -1 || (cls[l - 1] ?? 0) & W.POSSESSOR)) l--;
    if (l >= 0 && cls[l]! & W.POSSESSOR) l--;
    if (l >= 0 && demonymAt[l] !== -1) {
      const d = demonyms[demonymAt[l]!]!;
      code = d.country;
      first = d.first;
      usedDemonym.add(demonymAt[l]!);
      // "Polish and Czech officials": the first nationality is a participant of its own
      const c = first - 1;
      if (c >= 1 && cls[c]! & (W.COORD | W.COMMA) && demonymAt[c - 1] !== -1) {
        const d2 = demonyms[demonymAt[c - 1]!]!;
        usedDemonym.add(demonymAt[c - 1]!);
        extra.push(nominal(view, d2.first, d2.last, d2.country, sector));
      }
    } else if (l >= 0 && entityAt[l] !== -1) {
      const ent = entities[entityAt[l]!]!;
      if (ent.code !== null && ent.entity && (ent.entity.type !== 'PER' || ent.kind === 'entity' && ent.entity.country === null)) {
        code = ent.code;
        first = ent.first;
        absorbed.add(entityAt[l]!);
      }
    }
  }
  return [...extra, nominal(view, first, last, code, sector)];
}

function nominal(view: SentenceView, first: number, last: number, code: string | null, sector: string | null): Participant {
  const name = view.tokens.slice(first, last + 1).map((t) => t.text).join(' ').replace(/ (['’])/g, '$1').replace(/(['’]) /g, '$1');
  return { first, last, kind: 'nominal', entity: null, code, sector, name, place: false, country: false, group: -1, possessor: false };
}

/** Joins participants separated only by coordinators, articles, commas (in a list closed by "et"/"and") or a repeated preposition. */
function groupCoordinated(view: SentenceView, lexicon: EventLexicon, roleAt: number[], parts: Participant[]): void {
  let group = 0;
  const links: ('and' | 'comma' | null)[] = [];
  for (let i = 0; i + 1 < parts.length; i++) links.push(linkBetween(view, lexicon, roleAt, parts[i]!, parts[i + 1]!));
  let i = 0;
  while (i < parts.length) {
    let j = i;
    while (j < links.length && links[j] !== null) j++;
    // a chain joined only by commas is an apposition or a list of unrelated names, not a compound
    const chain = links.slice(i, j);
    const valid = chain.includes('and');
    for (let k = i; k <= j; k++) parts[k]!.group = valid ? group : group + (k - i);
    group += valid ? 1 : j - i + 1;
    i = j + 1;
  }
}

function linkBetween(view: SentenceView, lexicon: EventLexicon, roleAt: number[], p: Participant, q: Participant): 'and' | 'comma' | null {
  if (p.possessor || q.possessor) return null;
  const cls = view.classes;
  let b = p.first - 1;
  while (b >= 0 && cls[b]! & W.DET && !(cls[b]! & W.PREP)) b--;
  const before = b >= 0 && cls[b]! & W.PREP ? view.keys[b] : null;
  let sawAnd = false;
  let sawComma = false;
  let k = p.last + 1;
  while (k < q.first) {
    // "X and a handful of senators", "X et des milliers de manifestants"
    if (cls[k]! & W.QUANT || (cls[k]! & W.GEN && k > 0 && cls[k - 1]! & W.QUANT)) {
      k++;
      continue;
    }
    const coord = lexicon.coordinators.at(view.keys, k);
    if (coord.length > 0) {
      sawAnd = true;
      k = Math.max(...coord.map((c) => c.last)) + 1;
      continue;
    }
    const c = cls[k]!;
    if (c & W.COMMA) sawComma = true;
    // "Lula and Chilean President Boric": titles and nationalities may open the next name
    else if (!(c & W.DET) && !roleAt[k] && !(before !== null && view.keys[k] === before) && view.keys[k] !== 'both' && view.keys[k] !== 'tant') return null;
    k++;
  }
  if (sawAnd) return 'and';
  return sawComma ? 'comma' : null;
}
