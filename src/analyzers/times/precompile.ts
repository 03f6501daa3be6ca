/**
 * V8 compiles a regex on its first runs, once per string width (one-byte Latin-1 strings and
 * two-byte ones), first to bytecode then to machine code. The rules of a grammar are big
 * (every lexicon spelled out), so that compilation is most of the cost of the first documents.
 * Running each regex twice on a short string of each width makes V8 compile it while the
 * grammar loads, with the lexicons, instead of on the documents. Only for the narrow builds
 * (text/narrow-regex.ts), which nearly every text uses: the full builds take several times
 * longer to compile and are left to the rare text that needs them.
 */
const SAMPLES = ['a', 'a', 'a\u2019', 'a\u2019'];

/** Compiles `regexes` now for both string widths; their `lastIndex` is left at 0. */
export function precompile(regexes: Iterable<RegExp>): void {
  for (const regex of regexes) {
    for (const sample of SAMPLES) {
      regex.lastIndex = 0;
      regex.exec(sample);
    }
    regex.lastIndex = 0;
  }
}
