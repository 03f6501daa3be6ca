import type { LanguageData } from '../../lang/types.js';

/**
 * `lang/<code>/cues.json` is read by the quotes and the claims analyzers, each through its own
 * view (its compile function). The language-data cache keeps one compiled value per file name,
 * so the views ask it for the parsed file itself and cache their compiled form beside it.
 * @example const quoteLexicon = cueLexiconView(compileQuoteLexicon); quoteLexicon(languageData('fr')).marks
 */
export function cueLexiconView<T>(compile: (raw: unknown, code: string) => T): (lang: LanguageData) => T {
  const compiled = new WeakMap<object, T>();
  return (lang) => {
    const raw = lang.compiled<unknown>('cues', (r) => r ?? {});
    if (typeof raw !== 'object' || raw === null) throw new Error(`lang/${lang.code}/cues.json: expected a JSON object`);
    let lex = compiled.get(raw);
    if (lex === undefined) {
      lex = compile(raw, lang.code);
      compiled.set(raw, lex);
    }
    return lex;
  };
}
