import type { Claim, Span } from '../../src/core/record.js';
import { matchSpans, measure, scoreRow, sumScores, score, sumTallies, tally, type Score, type Tally } from '../scorer.js';
import type { Evaluation, EvaluationResult } from '../types.js';
import { analyzeGold, goldDocs, locate, overlapMatch, overSets, sameSpeaker } from './quotes.js';

/**
 * A claim of the gold: its content (found in order, each from the start of the one before),
 * stance, source's name, and for a denial or a doubt the index of the claim it answers. A
 * denial by two parties is two claims with the same text.
 */
interface GoldClaim {
  text: string;
  stance: Claim['stance'];
  source: string | null;
  about: number | null;
}


interface Outcome {
  detection: Score;
  source: Tally;
  /** Denials and doubts with a target, detected: is `about` the target? */
  link: Tally;
  /** The same over every gold denial with a target (a missed denial counts as wrong). */
  linkAll: Tally;
  /** Denials and doubts with no target in the document, detected: is `about` null? */
  noTarget: Tally;
}

export function evaluateClaims(lang: string, split: 'dev' | 'test', errors: string[]): Outcome {
  const scores: Score[] = [];
  const out: Outcome = { detection: score(0, 0, 0), source: tally(), link: tally(), linkAll: tally(), noTarget: tally() };
  for (const doc of goldDocs<'claims', GoldClaim>(`claims-${lang}.jsonl`, 'claims', split)) {
    const gold = locate(doc.id, doc.text, doc.claims);
    const r = analyzeGold(doc.text, lang);
    const predicted = r.claims;
    const entity = (id: string | null) => (id ? r.entities.find((e) => e.id === id) : undefined);
    // a claim matches on its span and stance; of two parties' claims on one span, each takes the one of its source
    const spanAndStance = (g: Span & GoldClaim, p: Claim): boolean => g.stance === p.stance && overlapMatch(g, p);
    const first = matchSpans(gold, predicted, (g, p) => spanAndStance(g, p) && sameSpeaker(g.source, entity(p.source)));
    const takenG = new Set(first.map(([i]) => i));
    const takenP = new Set(first.map(([, j]) => j));
    const restG = gold.map((g, i) => ({ g, i })).filter(({ i }) => !takenG.has(i));
    const restP = predicted.map((p, j) => ({ p, j })).filter(({ j }) => !takenP.has(j));
    const second = matchSpans(restG.map(({ g }) => g), restP.map(({ p }) => p), spanAndStance).map(([a, b]) => [restG[a]!.i, restP[b]!.j] as [number, number]);
    const pairs = [...first, ...second];
    scores.push(score(pairs.length, predicted.length - pairs.length, gold.length - pairs.length));
    const predOf = new Map(pairs.map(([i, j]) => [i, predicted[j]!]));
    for (const [i, j] of pairs) {
      const g = gold[i]!;
      const p = predicted[j]!;
      const ok = sameSpeaker(g.source, entity(p.source));
      out.source.n++;
      if (ok) out.source.right++;
      else errors.push(`${doc.id} source of ${g.stance} ${JSON.stringify(g.text.slice(0, 40))}: ${entity(p.source)?.name ?? 'null'} ≠ ${g.source}`);
    }
    gold.forEach((g, i) => {
      if (g.stance === 'assert') return;
      const p = predOf.get(i);
      if (g.about === null) {
        if (p) {
          out.noTarget.n++;
          if (p.about === null) out.noTarget.right++;
          else errors.push(`${doc.id} ${g.stance} ${JSON.stringify(g.text)} linked to ${p.about}, but answers no claim here`);
        }
        return;
      }
      const target = gold[g.about]!;
      const linked = p?.about ? predicted.find((c) => c.id === p.about) : undefined;
      const ok = linked !== undefined && linked.stance === target.stance && overlapMatch(target, linked);
      out.linkAll.n++;
      if (ok) out.linkAll.right++;
      if (p) {
        out.link.n++;
        if (ok) out.link.right++;
        else errors.push(`${doc.id} ${g.stance} ${JSON.stringify(g.text)} about ${linked ? JSON.stringify(linked.text.slice(0, 40)) : 'null'} ≠ ${JSON.stringify(target.text.slice(0, 40))}`);
      }
    });
    const matchedG = new Set(pairs.map(([i]) => i));
    const matchedP = new Set(pairs.map(([, j]) => j));
    gold.forEach((g, i) => { if (!matchedG.has(i)) errors.push(`${doc.id} missed ${g.stance} ${JSON.stringify(g.text.slice(0, 60))}`); });
    predicted.forEach((p, j) => { if (!matchedP.has(j)) errors.push(`${doc.id} spurious ${p.stance} ${JSON.stringify(p.text.slice(0, 60))} [${p.rule}]`); });
  }
  out.detection = sumScores(scores);
  return out;
}


const evaluation: Evaluation = {
  name: 'claims',
  description: 'Claims (assert, deny, doubt) on hand-written French and English news texts (eval/gold/claims-*.jsonl): detection P/R/F1 (span overlap ≥ 0.8 and same stance), source accuracy, and whether each denial or doubt is linked to the claim it answers; real pipeline.',
  run(): EvaluationResult {
    const result: Required<EvaluationResult> = { scores: [], measures: [], notes: [] };
    const detection = 'claims (span and stance)';
    const source = 'source accuracy (matched claims)';
    const link = 'denial link accuracy (detected denials)';
    overSets(
      result,
      evaluateClaims,
      (set, o) => {
        result.scores.push(scoreRow(set, detection, o.detection));
        result.measures.push(measure(set, source, o.source), measure(set, link, o.link));
      },
      (set, os) => {
        const sum = (pick: (o: Outcome) => Tally): Tally => sumTallies(os.map(pick));
        result.scores.push(scoreRow(set, detection, sumScores(os.map((o) => o.detection))));
        result.measures.push(measure(set, source, sum((o) => o.source)), measure(set, link, sum((o) => o.link)));
        result.measures.push(measure(set, 'denial link accuracy (all gold denials)', sum((o) => o.linkAll)));
        const noTarget = sum((o) => o.noTarget);
        if (noTarget.n > 0) result.measures.push(measure(set, 'denials with no target left unlinked', noTarget));
      },
    );
    result.notes.push('Targets (issue 6): denial link accuracy ≥ 0.80 on test. Rules and data were tuned on dev; test was written at the same time, by the same hand, and seen during development (see the quotes suite). Source accuracy counts an entity the entities analyzer did not find, or cut short, as wrong.');
    return result;
  },
};

export default evaluation;
