import type { KbEntry } from '../../kb/knowledge-base.js';
import type { Context } from './context.js';
import type { Draft } from './draft.js';
import type { Unit } from './units.js';

/**
 * Whether a seat of power or a capital stands for its government here. Seats always do
 * ("le Kremlin a démenti"). A capital does as a subject or object ("Washington a affirmé",
 * "aider Moscou"), after par/pour/contre/avec/entre; after a locative preposition it is a
 * place ("une visite à Pyongyang") unless a verb of giving or saying comes just before
 * ("fournisse des armes à Moscou"); after de it is a place unless a political noun heads it
 * ("l'action diplomatique de Moscou"). Data: lang/<code>/metonyms.json.
 */
export function politicalReading(ctx: Context, d: Draft, entry: KbEntry): { country: string; sector: string; rule: string } | null {
  const m = entry.metonym;
  if (!m) return null;
  const political = { country: m.country, sector: m.sector };
  if (m.always) return { ...political, rule: 'metonym:seat' };
  const { units } = ctx;
  const lex = ctx.lex.metonyms;
  const sentence = (units[d.first] as Unit).sentence;
  const wordsBefore = (from: number): string[] => {
    const out: string[] = [];
    for (let i = from; i >= 0 && out.length < lex.window; i--) {
      const u = units[i] as Unit;
      if (u.sentence !== sentence || (!u.word && u.text !== ',')) break;
      if (u.word) out.push(u.lower);
    }
    return out;
  };
  const next = units[d.last];
  if (ctx.lang !== 'fr' && next?.word && next.sentence === sentence && lex.alwaysPlaceAfter.has(next.lower)) return null;
  let p = d.first - 1;
  // "de la", "à l'": look through an article to the preposition
  while (p >= 0 && (units[p] as Unit).word && ['la', 'le', "l'", 'l’', 'les', 'the'].includes((units[p] as Unit).lower) && (units[p] as Unit).sentence === sentence) p--;
  const prep = units[p];
  // "visiter Moscou", "would visit Beijing": the object of a verb of going is a place
  if (prep?.word && prep.sentence === sentence && lex.placeVerbs.has(prep.lower)) return null;
  if (!prep || prep.sentence !== sentence || !prep.word || !lex.locativePreps.has(prep.lower)) return { ...political, rule: 'metonym:capital' };
  const before = wordsBefore(p - 1);
  if (lex.ofPreps.has(prep.lower)) {
    if (before.length > 0 && lex.alwaysPlaceAfter.has(before[0] ?? '')) return null;
    return before.some((w) => lex.politicalNounsBeforeDe.has(w)) ? { ...political, rule: 'metonym:capital' } : null;
  }
  if (lex.motionPreps.has(prep.lower)) {
    return before.some((w) => lex.motionWords.has(w)) ? null : { ...political, rule: 'metonym:capital' };
  }
  return before.some((w) => lex.politicalBeforeLocative.has(w)) ? { ...political, rule: 'metonym:capital' } : null;
}
