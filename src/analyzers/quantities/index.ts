import { need, type Analyzer } from '../../core/analyzer.js';
import { extractQuantities } from './extract.js';
import { compileQuantities } from './grammar.js';

/**
 * Quantities (`quantities`): numbers with what they count, their approximation and, for
 * measures, what they are of. Word lists are data: `lang/<code>/quantities.json`.
 *
 * Conventions: `unit` is the singular lemma of the counted noun ("conteneurs" → "conteneur"),
 * `percent` for percentages, the ISO 4217 code for money ("USD"), null when nothing is counted.
 * "une dizaine" is 10 `about`; "des centaines" 100 `more_than`. A number followed by a time
 * unit is a duration (the times analyzer's), not a quantity; so are years, dates, clock times,
 * ordinals, digit runs (phone numbers, scores) and numbers inside names ("Boeing 747").
 * The span covers the approximation word, the number and the counted noun, not the `of`.
 *
 * @example
 * // "Le Chili a expédié plus de 2 400 caisses de vaccins."
 * // → { text: "plus de 2 400 caisses", value: 2400, approx: "more_than",
 * //     unit: "caisse", of: "vaccins", rule: "fr/count/digits" }
 */
export const quantitiesAnalyzer: Analyzer<'quantities'> = {
  name: 'quantities',
  version: '1',
  requires: ['sentences'],
  assigns: ['quantities'],
  run: (input) => {
    const sentences = need(input, 'sentences');
    const grammar = input.lang.compiled('quantities', compileQuantities);
    return { quantities: extractQuantities({ text: input.doc.text, sentences, grammar }) };
  },
};
