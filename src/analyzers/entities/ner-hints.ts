import { hintHash } from '../../ner/hash.js';
import { activeTokens } from '../../ner/model.js';
import type { NerHints } from '../../ner/types.js';
import type { Context } from './context.js';
import type { KbMatch } from './find-kb-names.js';
import type { Unit } from './units.js';
import { FLAG, wordFlags } from './word-flags.js';

/** Hints by name, hashed once (the model reads hashes; see src/ner/types.ts). */
const HINT = {
  given: hintHash('given'),
  title: hintHash('title'),
  role: hintHash('role'),
  demonym: hintHash('demonym'),
  orgHead: hintHash('org-head'),
  orgTail: hintHash('org-tail'),
  locHead: hintHash('loc-head'),
  locTail: hintHash('loc-tail'),
  miscHead: hintHash('misc-head'),
  locative: hintHash('locative'),
  placeLeaning: hintHash('place-leaning'),
  notName: hintHash('not-name'),
  seenLower: hintHash('seen-lower'),
  seenMidCap: hintHash('seen-mid-cap'),
  joined: hintHash('joined'),
  glued: hintHash('glued'),
  elision: hintHash('elision'),
  multi: hintHash('kb:multi'),
};

/** Hashes of the hints named from data ("kb:B:PER", "kb:kind:person"), made once per name. */
const named = new Map<string, number>();
function namedHint(name: string): number {
  let h = named.get(name);
  if (h === undefined) {
    h = hintHash(name);
    named.set(name, h);
  }
  return h;
}

/** KB hints of a match's units by type: [position B|I][curated 0|1] → `kb:P:T`, `kb:P:T:cur|gen`. */
const kbHintsByType = new Map<string, (readonly [number, number])[]>();

/** KB hints of a match's units: by position and type, first `kb:B:T` then `kb:B:T:cur|gen`. */
function kbHints(pos: 'B' | 'I', type: string, curated: boolean): readonly [number, number] {
  let table = kbHintsByType.get(type);
  if (table === undefined) {
    table = [];
    for (const p of ['B', 'I']) for (const c of ['gen', 'cur']) table.push([namedHint(`kb:${p}:${type}`), namedHint(`kb:${p}:${type}:${c}`)]);
    kbHintsByType.set(type, table);
  }
  return table[(pos === 'B' ? 0 : 2) + (curated ? 1 : 0)]!;
}

const NO_HINTS: readonly number[] = [];

/** Marks units [first, last) of `spans` in a flag array. */
function cover(n: number, spans: readonly ({ first: number; last: number } | undefined)[]): Uint8Array {
  const out = new Uint8Array(n);
  for (const s of spans) if (s) for (let i = s.first; i < s.last && i < n; i++) out[i] = 1;
  return out;
}

/**
 * What the NER model is told of each unit beyond its word (the units themselves are its
 * tokens): KB names by type and position (`kb:B:PER`), kind of entry, given names, titles,
 * role nouns, demonyms, organization and place words, locative prepositions, and whether a
 * capitalized word is also seen in lower case in the document. Only units the model reads
 * get hints: those it scores and their neighbours.
 */
export function nerHints(ctx: Context, matches: readonly KbMatch[]): NerHints {
  const { units, lex, kb } = ctx;
  const n = units.length;
  const hints: (readonly number[])[] = new Array<readonly number[]>(n).fill(NO_HINTS);
  const own = (i: number): number[] => {
    const h = hints[i]!;
    if (h !== NO_HINTS) return h as number[];
    const fresh: number[] = [];
    hints[i] = fresh;
    return fresh;
  };
  for (const m of matches) {
    const types = [...new Set(m.hits.map((h) => h.entry.type))].sort();
    const curated = m.hits.some((h) => h.entry.priority > 0);
    for (let i = m.first; i < m.last; i++) {
      const list = own(i);
      for (const t of types) {
        const [plain, byOrigin] = kbHints(i === m.first ? 'B' : 'I', t, curated);
        list.push(plain, byOrigin);
      }
    }
    const kinds = [...new Set(m.hits.map((h) => h.entry.kind))].sort();
    const first = own(m.first);
    for (const k of kinds) first.push(namedHint(`kb:kind:${k}`));
    if (m.last - m.first > 1) first.push(HINT.multi);
  }
  const active = activeTokens(units);
  const role = cover(n, ctx.roleAt);
  const dem = cover(n, ctx.demonymAt);
  const list: number[] = [];
  for (let i = 0; i < n; i++) {
    const u = units[i] as Unit;
    if (!u.word || !(active[i] || active[i - 1] || active[i + 1])) continue;
    const { key, lower } = u;
    const f = wordFlags(u.form, lex, kb);
    list.length = 0;
    if (u.cap && f & FLAG.given) list.push(HINT.given);
    if (f & FLAG.title) list.push(HINT.title);
    if (role[i]) list.push(HINT.role);
    if (dem[i]) list.push(HINT.demonym);
    if (f & FLAG.orgHead) list.push(HINT.orgHead);
    if (f & FLAG.orgTail) list.push(HINT.orgTail);
    if (f & FLAG.locHead) list.push(HINT.locHead);
    if (f & FLAG.locTail) list.push(HINT.locTail);
    if (f & FLAG.miscHead) list.push(HINT.miscHead);
    if (f & FLAG.locative) list.push(HINT.locative);
    if (f & FLAG.placeLeaning) list.push(HINT.placeLeaning);
    if (f & FLAG.notName) list.push(HINT.notName);
    if (u.cap && ctx.lowerWords.has(lower)) list.push(HINT.seenLower);
    if (u.cap && u.sentStart && ctx.midCapKeys.has(key)) list.push(HINT.seenMidCap);
    if (u.joined) list.push(HINT.joined);
    if (units[i - 1]?.joined) list.push(HINT.glued);
    if (u.elision) list.push(HINT.elision);
    if (list.length > 0) own(i).push(...list);
  }
  return hints;
}
