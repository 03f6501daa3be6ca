/**
 * Builds the generated knowledge-base files (kb/_*.json) from open sources:
 *   - kb/_countries.json   world-countries (ODbL) + i18n-iso-countries (MIT) + kb/countries-extra.json
 *   - kb/_phoenix.json     Phoenix actor dictionaries (MIT), ../shared/data/phoenix
 *   - kb/_given-names.json first words of Phoenix person names (how people are called)
 * Run: `npx tsx scripts/build-kb.ts [PHOENIX_DIR]`. Never edit the outputs by hand.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { KbEntryData, KbFileData, KbNames, KbPeriod } from '../src/kb/types.js';
import { parsePhoenix, type PhoenixActor, type PhoenixPlaces } from './phoenix-parse.js';
import { nameKey } from '../src/kb/name-key.js';

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const KB = join(ROOT, 'kb');

interface WorldCountry {
  cca2: string;
  cca3: string;
  independent: boolean | null;
  name: { common: string; official: string };
  altSpellings: string[];
  capital: string[];
  translations: Record<string, { common: string; official: string }>;
  demonyms?: Record<string, { m: string; f: string }>;
}

interface CountryExtra {
  code_aliases: Record<string, string>;
  articles: Record<string, string>;
  countries: Record<string, { wikidata?: string; fr?: string[]; en?: string[]; demonyms?: KbNames; capital?: { fr?: string[]; en?: string[] } }>;
}

/** Names fit for matching: Latin script, no "Korea, Republic of" or "(Rép. dém.)" forms. */
function usableName(name: string): boolean {
  if (/[,()]/.test(name)) return false;
  if (!/^[\p{Script=Latin}\p{M}0-9 .'’-]+$/u.test(name)) return false;
  // two-letter ISO codes in altSpellings ("CD", "FR") are not names people write
  if (/^[A-Z]{2}$/.test(name) && !['UK', 'US'].includes(name)) return false;
  return name.length >= 2;
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs.map((x) => x.trim()).filter((x) => x.length > 0))];
}

function i18nNames(lang: 'fr' | 'en', cca2: string): string[] {
  const data = require(`i18n-iso-countries/langs/${lang}.json`) as { countries: Record<string, string | string[]> };
  const v = data.countries[cca2];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function frArticle(code: string, name: string, extra: CountryExtra): string {
  const given = extra.articles[code];
  if (given !== undefined) return given;
  if (/^(Îles|États|Émirats)/.test(name)) return 'les';
  if (/^[AEIOUÉÈÊÎÔYH]/i.test(name.normalize('NFC'))) return "l'";
  return /e$/.test(name) ? 'la' : 'le';
}

function frDemonyms(m: string, f: string): string[] {
  const lower = (s: string) => s.toLocaleLowerCase('fr');
  const plural = (s: string) => (/[sx]$/.test(s) ? s : `${s}s`);
  return uniq([m, f, plural(m), plural(f)].map(lower));
}

function enDemonyms(m: string, f: string): string[] {
  const plural = (s: string) => (/(ese|sh|ch|ss)$/.test(s) ? s : `${s}s`);
  return uniq([m, f, plural(m), plural(f)]);
}

function buildCountries(): KbFileData {
  const world = require('world-countries') as WorldCountry[];
  const extra = JSON.parse(readFileSync(join(KB, 'countries-extra.json'), 'utf8')) as CountryExtra;
  const entries: KbEntryData[] = [];
  const capitals: KbEntryData[] = [];
  // a territory sharing a demonym with a state ("américain": USA, UMI) leaves it to the state
  const stateDemonyms = new Set(world.filter((c) => c.independent).flatMap((c) => Object.values(c.demonyms ?? {}).flatMap((d) => [d.m, d.f].map((x) => x.toLowerCase()))));
  for (const c of [...world].sort((a, b) => a.cca3.localeCompare(b.cca3))) {
    const code = extra.code_aliases[c.cca3] ?? c.cca3;
    const more = extra.countries[code] ?? {};
    const fra = c.translations['fra'];
    const fr = uniq([...(more.fr ?? []), fra?.common ?? '', ...i18nNames('fr', c.cca2), fra?.official ?? '']).filter(usableName);
    const en = uniq([...(more.en ?? []), c.name.common, ...i18nNames('en', c.cca2), c.name.official, ...c.altSpellings]).filter(usableName);
    const dm = c.demonyms;
    const demonyms: KbNames = {};
    const own = (d: { m: string; f: string }): boolean => c.independent === true || ![d.m, d.f].some((x) => stateDemonyms.has(x.toLowerCase()));
    if (dm?.['fra'] && own(dm['fra'])) demonyms.fr = frDemonyms(dm['fra'].m, dm['fra'].f);
    if (dm?.['eng'] && own(dm['eng'])) demonyms.en = enDemonyms(dm['eng'].m, dm['eng'].f);
    for (const [l, list] of Object.entries(more.demonyms ?? {})) demonyms[l] = uniq([...(demonyms[l] ?? []), ...(list ?? []).map((x) => (l === 'fr' ? x.toLocaleLowerCase('fr') : x))]);
    const entry: KbEntryData = {
      id: `veille:country/${code}`,
      type: 'GPE',
      kind: 'country',
      names: { fr, en },
      country: code,
      sector: null,
      demonyms,
      article_fr: frArticle(code, fr[0] ?? '', extra),
      source: 'world-countries+i18n-iso-countries',
    };
    if (more.wikidata) entry.wikidata = more.wikidata;
    entries.push(entry);

    if (c.independent || more.capital) {
      const own = new Set([...fr, ...en].map((n) => n.toLowerCase()));
      const capEn = uniq([...(more.capital?.en ?? []), ...c.capital]).filter(usableName).filter((n) => !own.has(n.toLowerCase()));
      const capFr = uniq([...(more.capital?.fr ?? [])]).filter((n) => !own.has(n.toLowerCase()));
      if (capEn.length + capFr.length === 0) continue;
      const names: KbNames = more.capital?.fr ? { fr: capFr, en: capEn } : { any: capEn };
      capitals.push({
        id: `veille:capital/${code}`,
        type: 'GPE',
        kind: 'capital',
        names,
        country: code,
        sector: null,
        metonym: { country: code, sector: 'GOV' },
        source: 'world-countries',
      });
    }
  }
  return {
    about: 'GENERATED by scripts/build-kb.ts — do not edit; change kb/countries-extra.json and rebuild.',
    source: 'world-countries (mledoze/countries, ODbL 1.0), i18n-iso-countries (MIT), kb/countries-extra.json',
    license: 'Database derived from world-countries: ODbL 1.0 (https://opendatacommons.org/licenses/odbl/1-0/)',
    entries: [...entries, ...capitals],
  };
}

/** Turns a Phoenix actor into a KB entry (or null when it has no usable name). */
function phoenixEntry(a: PhoenixActor): KbEntryData | null {
  if (a.names.length === 0) return null;
  const periods: KbPeriod[] = a.codes.filter((c) => c.from || c.to).map((c) => {
    const p: KbPeriod = { country: c.country, sector: c.sector };
    if (c.from) p.from = c.from;
    if (c.to) p.to = c.to;
    return p;
  });
  const fallback = a.codes.find((c) => !c.from && !c.to) ?? a.codes[a.codes.length - 1];
  const entry: KbEntryData = {
    id: `veille:phoenix/${a.key}`,
    type: a.type,
    kind: a.type === 'PER' ? 'person' : 'org',
    // organizations' names are translated (Senate/Sénat fold alike): match Phoenix's English ones in English only
    names: a.type === 'PER' ? { any: a.names } : { en: a.names },
    country: fallback?.country ?? null,
    sector: fallback?.sector ?? null,
    source: `phoenix:${a.file}`,
  };
  if (periods.length > 0) entry.periods = periods;
  return entry;
}

/**
 * Cities and regions listed under each country in Phoenix ("+KANDAHAR_" under Afghanistan), as
 * places of that country; the country's own names, demonyms and capitals are left out.
 */
function phoenixPlaces(groups: readonly PhoenixPlaces[], countries: KbFileData): KbEntryData[] {
  const taken = new Set<string>();
  for (const e of countries.entries) {
    for (const list of [...Object.values(e.names ?? {}), ...Object.values(e.demonyms ?? {})]) for (const n of list ?? []) taken.add(nameKey(n));
  }
  const out: KbEntryData[] = [];
  const seen = new Set<string>();
  for (const g of groups) {
    for (const name of g.names) {
      const key = nameKey(name);
      if (taken.has(key) || seen.has(`${g.country}:${key}`) || /^[A-Z.]+$/.test(name) || /\b(Republic|Kingdom|State|States|Federation|Of|Democratic|Occupied)\b/i.test(name)) continue;
      seen.add(`${g.country}:${key}`);
      out.push({ id: `veille:phoenix-place/${g.country}/${key.replace(/[^a-z0-9]+/g, '-')}`, type: 'GPE', kind: 'place', names: { any: [name] }, country: g.country, sector: null, source: 'phoenix:places' });
    }
  }
  return out;
}

function buildPhoenix(dir: string, countries: KbFileData): { kb: KbFileData; given: string[] } {
  const files = ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt'];
  const agents = readFileSync(join(dir, 'Phoenix.agents.txt'), 'utf8');
  const entries: KbEntryData[] = [];
  const firstWords = new Map<string, number>();
  const seen = new Set<string>();
  const places: PhoenixPlaces[] = [];
  for (const file of files) {
    for (const actor of parsePhoenix(readFileSync(join(dir, file), 'utf8'), file, agents, places)) {
      const e = phoenixEntry(actor);
      if (!e || seen.has(e.id)) continue;
      seen.add(e.id);
      entries.push(e);
      if (actor.type === 'PER') {
        const words = (actor.names[0] ?? '').split(' ');
        const w = words[0];
        if (words.length >= 2 && w && w.length >= 3 && !w.endsWith('.')) firstWords.set(w, (firstWords.get(w) ?? 0) + 1);
      }
    }
  }
  const given = [...firstWords].filter(([, n]) => n >= 2).map(([w]) => w).sort();
  entries.push(...phoenixPlaces(places, countries));
  return {
    kb: {
      about: 'GENERATED by scripts/build-kb.ts from the Phoenix actor dictionaries — do not edit; override in a hand file (same id, or "replaces").',
      source: 'openeventdata/petrarch2 data/dictionaries (commit 676801c), CountryInfo 2014',
      license: 'MIT (Copyright (c) 2014 Open Event Data Alliance)',
      entries,
    },
    given,
  };
}

/** One entry a line: diffs stay readable and the file stays valid JSON. */
function writeKb(path: string, data: KbFileData): void {
  const { entries, ...head } = data;
  const lines = entries.map((e) => `    ${JSON.stringify(e)}`);
  const headJson = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  writeFileSync(path, `${headJson},\n  "entries": [\n${lines.join(',\n')}\n  ]\n}\n`);
  console.log(`${path}: ${entries.length} entries`);
}

function main(): void {
  const countries = buildCountries();
  writeKb(join(KB, '_countries.json'), countries);
  const phoenixDir = resolve(process.argv[2] ?? join(ROOT, '..', 'shared', 'data', 'phoenix'));
  if (!existsSync(phoenixDir)) {
    console.warn(`${phoenixDir}: absent, kb/_phoenix.json left as it is`);
    return;
  }
  const { kb, given } = buildPhoenix(phoenixDir, countries);
  writeKb(join(KB, '_phoenix.json'), kb);
  writeFileSync(join(KB, '_given-names.json'), `${JSON.stringify({
    about: 'GENERATED by scripts/build-kb.ts: first words of Phoenix person names seen at least twice; they mark a capitalized sequence as a person.',
    license: 'MIT (Phoenix dictionaries)',
    given_names: given,
  }, null, 0)}\n`);
  console.log(`kb/_given-names.json: ${given.length} names`);
}

main();
