import { need, type Analyzer } from '../../core/analyzer.js';
import { extractTimes } from './extract.js';
import { compileTimes } from './grammar.js';

/**
 * Time expressions (`times`): TIMEX3-style values resolved against the document date, with
 * the interval each can denote and the id of the rule that read it. Rules are data:
 * `lang/<code>/times.json`; the interpreters are `interpret-*.ts`.
 *
 * Conventions:
 * - `granularity` is the size of what the expression names (a weekday is `day` even when its
 *   value is only known to the month); TIMEX3 TIME, DURATION and SET are `time`, `duration`,
 *   `set`; centuries and quarters are `unknown`.
 * - Document date to the month (`2023-10`): an expression that needs the day keeps the month
 *   as its value; a weekday ranges over that month (the contract), other relative expressions
 *   over every day they can be ("hier": 2023-09-30 … 2023-10-30).
 * - No document date: relative expressions stay underspecified with no range and no anchor:
 *   `XXXX-WXX-3` (mercredi), `XXXX-10-12` (le 12 octobre), `XXXX-09` (en septembre),
 *   `PAST_REF` / `PRESENT_REF` / `FUTURE_REF` (hier, ce mois-ci, le mois prochain).
 * - `anchor`: `doc` when the document date was used, a time id when a clock time or part of
 *   day was put on another expression's day ("mardi vers 21 h 45"), null otherwise.
 * - Spans follow the French TimeBank: prepositions (en, depuis, vers, on, in) stay out;
 *   determiners and modifiers (le, fin, dernier, last, ago) stay in.
 *
 * @example
 * // doc.date "2023-10", "Lavrov a atterri mercredi à Pyongyang."
 * // → { text: "mercredi", value: "2023-10", granularity: "day",
 * //     range: { from: "2023-10-01", to: "2023-10-31" }, anchor: "doc", rule: "fr/weekday/past-tense" }
 */
export const timesAnalyzer: Analyzer<'times'> = {
  name: 'times',
  version: '1',
  requires: ['sentences'],
  assigns: ['times'],
  run: (input) => {
    const sentences = need(input, 'sentences');
    const grammar = input.lang.compiled('times', compileTimes);
    return { times: extractTimes({ text: input.doc.text, sentences, date: input.doc.date, grammar }) };
  },
};
