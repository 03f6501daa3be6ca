import type { Context } from './context.js';
import { sentenceShouts } from '../../ner/features.js';
import { startsInsideWord } from './find-kb-names.js';
import type { Unit } from './units.js';

/** A run of capitalized words that may be one name, with what stood before it. */
export interface CapRun {
  first: number;
  last: number;
  /** A title ("M.", "Mme") stood before it or opened it. */
  titled: boolean;
}

/** Name particles other than the articles and "de"/"of": they join names whatever the head. */
const NAME_PARTICLES = new Set(['von', 'van', 'der', 'den', 'ter', 'da', 'di', 'do', 'dos', 'das', 'del', 'della', 'al', 'el', 'bin', 'ben', 'ibn', 'abu', 'y']);

/** Particles inside French-style personal names. */
const PERSON_PARTICLES = new Set(['de', 'du', 'des', "d'", 'd’', 'la', 'le']);

function isCapWord(u: Unit | undefined, sentence: number): u is Unit {
  return u !== undefined && u.word && u.cap && !u.elision && u.sentence === sentence;
}

/** Whether capitalized words may join over lower-case particles after the run [first, …). */
function joinsOverParticles(ctx: Context, first: number, titled: boolean, particles: readonly Unit[]): boolean {
  if (particles.every((p) => NAME_PARTICLES.has(p.lower))) return true;
  const head = ctx.units[first] as Unit;
  const { lex, kb } = ctx;
  if (lex.orgHeads.has(head.key) || lex.locHeads.has(head.key) || lex.miscHeads.has(head.key)) return true;
  // a person's name takes "de" ("Charles de Gaulle"), never "of" ("Maria Kellner of Ohio")
  return (titled || kb.givenNames.has(head.key)) && particles.every((p) => PERSON_PARTICLES.has(p.lower) || NAME_PARTICLES.has(p.lower));
}

/**
 * "l'Assemblée Marie Guévenoux": a given name followed by another capitalized word, after a
 * run that does not open with a given name, starts a new name.
 */
function startsPersonName(ctx: Context, first: number, at: number): boolean {
  const { units, kb } = ctx;
  const u = units[at] as Unit;
  const after = units[at + 1];
  if (!kb.givenNames.has(u.key) || !after || !after.cap || after.sentence !== u.sentence) return false;
  if (ctx.lex.titles.has((units[first] as Unit).lower)) return false;
  for (let i = first; i < at; i++) if (kb.givenNames.has((units[i] as Unit).key)) return false;
  return true;
}

/**
 * Maximal runs of capitalized words in one sentence, joined by hyphens inside a word and by
 * name particles ("Charles de Gaulle", "Banque de France", "Asie de l'Est"). An organization
 * head may take one lower-case word ("Chambre des députés", "Cour de cassation").
 */
export function findCapitalRuns(ctx: Context): CapRun[] {
  const { units, lex } = ctx;
  const runs: CapRun[] = [];
  // sentences in capitals throughout (headlines): capitals say nothing there, only KB names are found
  const shouting = sentenceShouts(units);
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as Unit;
    if (!isCapWord(u, u.sentence) || startsInsideWord(units, i) || shouting.has(u.sentence)) continue;
    const before = units[i - 1];
    let titled = before !== undefined && before.sentence === u.sentence && lex.titles.has(before.lower);
    if (lex.titles.has(u.lower)) titled = true;
    let last = i + 1;
    let tookLowerWord = false;
    for (;;) {
      const prev = units[last - 1] as Unit;
      const next = units[last];
      if (prev.joined && next && next.word) {
        last++;
        continue;
      }
      if (isCapWord(next, u.sentence) && !startsPersonName(ctx, i, last)) {
        last++;
        continue;
      }
      let p = last;
      const parts: Unit[] = [];
      while (parts.length < lex.maxParticles) {
        const w = units[p];
        if (!w || !w.word || w.cap || w.sentence !== u.sentence || !lex.particles.has(w.lower)) break;
        parts.push(w);
        p++;
      }
      if (parts.length === 0) break;
      const after = units[p];
      if (isCapWord(after, u.sentence) && joinsOverParticles(ctx, i, titled, parts)) {
        last = p + 1;
        continue;
      }
      // "Chambre des députés": an organization head takes one lower-case word after a particle
      if (!tookLowerWord && last === i + 1 && lex.orgHeads.has(u.key) && after?.word && !after.cap
        && after.sentence === u.sentence && !lex.notNames.has(after.lower) && !lex.particles.has(after.lower)) {
        last = p + 1;
        tookLowerWord = true;
        continue;
      }
      break;
    }
    runs.push({ first: i, last, titled });
    i = last - 1;
  }
  return runs;
}
