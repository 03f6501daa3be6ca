/**
 * Language knowledge lives in data files, `lang/<code>/<name>.json`, apart from code.
 * An analyzer asks for a file by name and compiles it once (regexes, sets, tries).
 */
export interface LanguageData {
  /** ISO 639-1 code of the data (`fr`, `en`). */
  readonly code: string;
  /**
   * The compiled form of `lang/<code>/<name>.json`, built by `compile` on first use and cached.
   * `compile` receives the parsed JSON, or `null` when this language has no such file.
   */
  compiled<T>(name: string, compile: (raw: unknown, code: string) => T): T;
}
