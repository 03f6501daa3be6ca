import { activeTokens } from '../../ner/model.js';
import type { NerToken } from '../../ner/types.js';
import type { Context } from './context.js';
import type { KbMatch } from './find-kb-names.js';
import type { Unit } from './units.js';

/** Marks units [first, last) of `spans` in a flag array. */
function cover(n: number, spans: readonly ({ first: number; last: number } | undefined)[]): Uint8Array {
  const out = new Uint8Array(n);
  for (const s of spans) if (s) for (let i = s.first; i < s.last && i < n; i++) out[i] = 1;
  return out;
}

/**
 * The units of a document as the NER model sees them, with hints from the KB and the
 * language data: KB names by type and position (`kb:B:PER`), kind of entry, given names,
 * titles, role nouns, demonyms, organization and place words, locative prepositions, and
 * whether a capitalized word is also seen in lower case in the document.
 */
export function nerTokens(ctx: Context, matches: readonly KbMatch[]): NerToken[] {
  const { units, lex, kb } = ctx;
  const n = units.length;
  const kbHints: string[][] = Array.from({ length: n }, () => []);
  for (const m of matches) {
    const types = [...new Set(m.hits.map((h) => h.entry.type))].sort();
    const curated = m.hits.some((h) => h.entry.priority > 0) ? 'cur' : 'gen';
    for (let i = m.first; i < m.last; i++) {
      const pos = i === m.first ? 'B' : 'I';
      for (const t of types) kbHints[i]!.push(`kb:${pos}:${t}`, `kb:${pos}:${t}:${curated}`);
    }
    const kinds = [...new Set(m.hits.map((h) => h.entry.kind))].sort();
    for (const k of kinds) kbHints[m.first]!.push(`kb:kind:${k}`);
    if (m.last - m.first > 1) kbHints[m.first]!.push('kb:multi');
  }
  // hints are read for scored tokens and their neighbours only
  const active = activeTokens(units);
  const role = cover(n, ctx.roleAt);
  const dem = cover(n, ctx.demonymAt);
  return units.map((u: Unit, i) => {
    const hints = kbHints[i]!;
    if (u.word && (active[i] || active[i - 1] || active[i + 1])) {
      if (u.cap && kb.givenNames.has(u.key)) hints.push('given');
      if (lex.titles.has(u.lower)) hints.push('title');
      if (role[i]) hints.push('role');
      if (dem[i]) hints.push('demonym');
      if (lex.orgHeads.has(u.key)) hints.push('org-head');
      if (lex.orgTails.has(u.key)) hints.push('org-tail');
      if (lex.locHeads.has(u.key)) hints.push('loc-head');
      if (lex.locTails.has(u.key)) hints.push('loc-tail');
      if (lex.miscHeads.has(u.key)) hints.push('misc-head');
      if (lex.locativePreps.has(u.lower)) hints.push('locative');
      if (lex.placeLeaning.has(u.lower)) hints.push('place-leaning');
      if (lex.notNames.has(u.lower)) hints.push('not-name');
      if (u.cap && ctx.lowerWords.has(u.lower)) hints.push('seen-lower');
      if (u.cap && u.sentStart && ctx.midCapKeys.has(u.key)) hints.push('seen-mid-cap');
      if (u.joined) hints.push('joined');
      if (units[i - 1]?.joined) hints.push('glued');
      if (u.elision) hints.push('elision');
    }
    return { text: u.text, lower: u.lower, key: u.key, cap: u.cap, upper: u.upper, word: u.word, sentence: u.sentence, sentStart: u.sentStart, hints };
  });
}
