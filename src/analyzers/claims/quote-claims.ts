import type { ClaimContext, ClaimDraft } from './context.js';

/**
 * Claims reported as indirect speech ("Washington a affirmé que …", "selon l'agence, …"):
 * the quote's content, speaker and cue, with the stance of its verb. Denials and doubts that
 * the stance verbs take ("a démenti que …") are left to them.
 */
export function quoteClaims(ctx: ClaimContext): ClaimDraft[] {
  const { words, lex } = ctx;
  const out: ClaimDraft[] = [];
  for (const q of ctx.quotes) {
    if (q.kind !== 'indirect' || !q.cue) continue;
    const a = words.indexAt(q.cue.start);
    const b = words.indexAt(q.cue.end);
    let verb = null;
    for (let i = a; i < b && !verb; i++) verb = lex.verbs.match((k) => words.key(k), i)?.value ?? null;
    if (verb && verb.stance !== 'assert' && verb.frames.length > 0) continue;
    out.push({
      start: q.start,
      end: q.end,
      stance: verb?.stance ?? 'assert',
      sources: [q.speaker],
      cue: { start: q.cue.start, end: q.cue.end },
      rule: 'assert/from-quote',
      pronoun: false,
    });
  }
  return out;
}
