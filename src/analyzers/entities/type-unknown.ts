import type { EntityType } from '../../core/record.js';
import type { Context } from './context.js';
import type { Segment } from './trim-segment.js';
import type { Unit } from './units.js';

export interface Typed {
  type: EntityType;
  rule: string;
}

/**
 * The type of a name the KB does not know, from its own words and what stands before it:
 * a title makes a person, an organization head or tail ("Banque …", "… Network") an ORG,
 * a place head ("Golfe …") or a locative preposition before ("à Zaporijia") a place, a
 * given name first a person. Otherwise several words are a person, one word is left to
 * the default of the language (a surname, most often, in news).
 */
export function typeUnknown(ctx: Context, seg: Segment): Typed {
  const { units, lex, kb } = ctx;
  const first = units[seg.first] as Unit;
  const lastU = units[seg.last - 1] as Unit;
  const n = seg.last - seg.first;
  if (seg.titled) return { type: 'PER', rule: 'caps:title' };
  if (lex.orgHeads.has(first.key) || (n > 1 && lex.orgTails.has(lastU.key))) return { type: 'ORG', rule: 'caps:org-word' };
  if (lex.locHeads.has(first.key) || (n > 1 && lex.locTails.has(lastU.key))) return { type: 'LOC', rule: 'caps:place-word' };
  if (lex.miscHeads.has(first.key)) return { type: 'MISC', rule: 'caps:misc-word' };
  if (n === 1 && first.upper && first.text.replace(/\./g, '').length <= 6) return { type: 'ORG', rule: 'caps:acronym' };
  if (kb.givenNames.has(first.key) && n > 1) return { type: 'PER', rule: 'caps:given-name' };
  const prev = previousWord(units, seg.first);
  if (prev && lex.locativePreps.has(prev.lower)) return { type: 'LOC', rule: 'caps:after-locative' };
  if (n === 1 && prev && lex.placeLeaning.has(prev.lower)) return { type: 'LOC', rule: 'caps:single-after-de' };
  if (n > 1) return { type: 'PER', rule: 'caps:sequence' };
  return { type: 'PER', rule: 'caps:single' };
}

/** The word before unit i in its sentence, skipping nothing. */
export function previousWord(units: readonly Unit[], i: number): Unit | null {
  const p = units[i - 1];
  const u = units[i];
  return p && u && p.sentence === u.sentence && p.word ? p : null;
}
