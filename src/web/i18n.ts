/**
 * Interface strings are data: `lang/<code>/ui.json`, a flat object of keys to strings with
 * `{name}` placeholders. The UI speaks French unless `?lang=`, the `lang` cookie or the
 * browser's Accept-Language ask for English.
 */
import { languageData } from '../lang/load.js';

export const UI_LANGUAGES = ['fr', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const DEFAULT_UI_LANGUAGE: UiLanguage = 'fr';
/** Remembers a `?lang=` choice across pages. */
export const LANG_COOKIE = 'veille_lang';

export type UiStrings = Readonly<Record<string, string>>;

export interface Translator {
  readonly lang: UiLanguage;
  /** The string for `key` with `{name}` placeholders filled; the key itself when missing (visible, never a crash). */
  t(key: string, vars?: Readonly<Record<string, string | number>>): string;
}

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

function compileStrings(raw: unknown, code: string): UiStrings {
  if (raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`lang/${code}/ui.json must be an object of strings`);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key.startsWith('//')) continue;
    if (typeof value !== 'string') throw new Error(`lang/${code}/ui.json: "${key}" must be a string`);
    out[key] = value;
  }
  return out;
}

export function uiStrings(lang: UiLanguage): UiStrings {
  return languageData(lang).compiled('ui', compileStrings);
}

export function translator(lang: UiLanguage): Translator {
  const strings = uiStrings(lang);
  return {
    lang,
    t(key, vars) {
      const template = strings[key] ?? key;
      return vars ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : template;
    },
  };
}

/** `?lang=` first, then the cookie, then Accept-Language (by q-value), then French. */
export function pickUiLanguage(input: { query?: unknown; cookie?: string; acceptLanguage?: string }): UiLanguage {
  if (isUiLanguage(input.query)) return input.query;
  if (isUiLanguage(input.cookie)) return input.cookie;
  const ranked = (input.acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const weight = params.find((p) => /^\s*q=/.test(p));
      // A malformed weight (`q=abc`) drops the entry rather than counting as 1.
      const q = weight === undefined ? 1 : /^\s*q=(0(\.\d{0,3})?|1(\.0{0,3})?)\s*$/.test(weight) ? Number(weight.split('=')[1]) : NaN;
      return { lang: tag.trim().toLowerCase().split('-')[0] ?? '', q, i };
    })
    .filter((x) => x.q > 0 && !Number.isNaN(x.q))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked.map((x) => x.lang).find(isUiLanguage) ?? DEFAULT_UI_LANGUAGE;
}
