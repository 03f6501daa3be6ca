/**
 * A generator of news-like French and English documents for the scale benchmark, at any
 * count, reproducibly: document `i` of a seed is always the same. Sentences come from our own
 * templates (bench/templates/{fr,en}.json), names from the knowledge base (kb/): ~18,000
 * people, 7,000 organizations, 250 countries, places. Never any article text.
 *
 * Documents come in stories: six reports in a row share a family (diplomacy, protest,
 * economy, disaster, election, justice, security, trade), people, countries and a date, in
 * French or English, so that clustering has real work; the calendar advances 50 stories a day,
 * so a larger corpus spans more time (as a feed does) rather than repeating the same days.
 *
 * @example for (const doc of generateCorpus(1000)) console.log(doc.title);
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentId } from '../src/core/ids.js';
import type { IngestedDocument } from '../src/ingest/types.js';
import { seededRandom } from '../src/core/random.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DOCS_PER_STORY = 6;
const STORIES_PER_DAY = 50;
const FIRST_DAY = Date.UTC(2022, 0, 3);
/** Share of French documents (the throughput target is on French text). */
const FRENCH_SHARE = 0.62;

type Lang = 'fr' | 'en';

interface Templates {
  sources: string[];
  roles: string[];
  weekdays: string[];
  months: string[];
  families: Record<string, { titles: string[]; lead: string[]; body: string[] }>;
  generic: string[];
}

interface Country {
  code: string;
  fr: string;
  en: string;
  article: string;
  demonymFr: string;
  demonymEn: string;
  capital: string;
}

interface Names {
  countries: Country[];
  people: { fr: string; en: string }[];
  orgs: { fr: string; en: string }[];
  places: string[];
}

interface KbEntry {
  type: string;
  kind: string;
  names: Record<string, string[]>;
  country?: string | null;
  article_fr?: string;
  demonyms?: Record<string, string[]>;
}

const entries = (file: string): KbEntry[] => (JSON.parse(readFileSync(join(ROOT, 'kb', file), 'utf8')) as { entries: KbEntry[] }).entries;
const nameIn = (e: KbEntry, lang: Lang): string | undefined => e.names[lang]?.[0] ?? e.names.any?.[0] ?? e.names.en?.[0] ?? e.names.fr?.[0];

let names: Names | null = null;
const templates: Partial<Record<Lang, Templates>> = {};

/** The KB names the generator draws from (read once). */
function kbNames(): Names {
  if (names) return names;
  const all = [...entries('_countries.json'), ...entries('_phoenix.json'), ...entries('people.json'), ...entries('orgs.json'), ...entries('igos.json'), ...entries('places.json')];
  const capitals = new Map(all.filter((e) => e.kind === 'capital').map((e) => [e.country ?? '', nameIn(e, 'fr') ?? '']));
  const countries = all.filter((e) => e.kind === 'country' && capitals.has(e.country ?? '') && e.demonyms?.fr?.[0] && e.demonyms.en?.[0]).map((e) => ({
    code: e.country ?? '', fr: nameIn(e, 'fr') ?? '', en: nameIn(e, 'en') ?? '', article: e.article_fr ?? '',
    demonymFr: e.demonyms?.fr?.[0] ?? '', demonymEn: e.demonyms?.en?.[0] ?? '', capital: capitals.get(e.country ?? '') ?? '',
  }));
  const both = (e: KbEntry): { fr: string; en: string } => ({ fr: nameIn(e, 'fr') ?? '', en: nameIn(e, 'en') ?? '' });
  // Multi-word person names only: a bare "Putin" reads oddly as the first mention.
  const people = all.filter((e) => e.type === 'PER' && (nameIn(e, 'en') ?? '').includes(' ')).map(both);
  const orgs = all.filter((e) => e.type === 'ORG' && (nameIn(e, 'en') ?? '').length > 2).map(both);
  const places = all.filter((e) => e.type === 'GPE' && (e.kind === 'place' || e.kind === 'city')).map((e) => nameIn(e, 'fr') ?? '').filter(Boolean);
  names = { countries, people, orgs, places };
  return names;
}

function languageTemplates(lang: Lang): Templates {
  templates[lang] ??= JSON.parse(readFileSync(join(ROOT, 'bench', 'templates', `${lang}.json`), 'utf8')) as Templates;
  return templates[lang]!;
}


const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
const int = (rnd: () => number, min: number, max: number): number => min + Math.floor(rnd() * (max - min + 1));

/** French forms of a country after "de" and "à": du Mali, de la France, de l'Iran, des Philippines; au Mali, en France, aux Philippines. */
function frenchForms(c: Country): { pays: string; du: string; au: string } {
  switch (c.article) {
    case 'le': return { pays: `le ${c.fr}`, du: `du ${c.fr}`, au: `au ${c.fr}` };
    case 'la': return { pays: `la ${c.fr}`, du: `de la ${c.fr}`, au: `en ${c.fr}` };
    case "l'": return { pays: `l'${c.fr}`, du: `de l'${c.fr}`, au: `en ${c.fr}` };
    case 'les': return { pays: `les ${c.fr}`, du: `des ${c.fr}`, au: `aux ${c.fr}` };
    default: return { pays: c.fr, du: `de ${c.fr}`, au: `à ${c.fr}` };
  }
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const formatBig = (n: number, lang: Lang): string => n.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB').replace(/\u202f/g, ' ');

/** What a story's reports share: its family, people, countries and day. */
interface Story {
  family: string;
  per: number;
  per2: number;
  countries: [number, number, number];
  org: number;
  place: number;
  day: number;
}

function story(seed: number, index: number): Story {
  const rnd = seededRandom(seed * 7919 + index * 104729 + 1);
  const n = kbNames();
  const families = Object.keys(languageTemplates('fr').families);
  return {
    family: pick(rnd, families),
    per: int(rnd, 0, n.people.length - 1),
    per2: int(rnd, 0, n.people.length - 1),
    countries: [int(rnd, 0, n.countries.length - 1), int(rnd, 0, n.countries.length - 1), int(rnd, 0, n.countries.length - 1)],
    org: int(rnd, 0, n.orgs.length - 1),
    place: int(rnd, 0, n.places.length - 1),
    day: Math.floor(index / STORIES_PER_DAY),
  };
}

/** The values of every slot for one report of a story. */
function slots(s: Story, rnd: () => number, lang: Lang): Record<string, string> {
  const t = languageTemplates(lang);
  const n = kbNames();
  const [c1, c2, c3] = s.countries.map((i) => n.countries[i]!) as [Country, Country, Country];
  const person = n.people[s.per]!;
  const per = lang === 'fr' ? person.fr : person.en;
  const role = pick(rnd, t.roles);
  const date = new Date(FIRST_DAY + (s.day + int(rnd, 1, 20)) * 86_400_000);
  const year = 1995 + int(rnd, 0, 25);
  const values: Record<string, string> = {
    per,
    per2: lang === 'fr' ? n.people[s.per2]!.fr : n.people[s.per2]!.en,
    per_last: per.split(' ').at(-1) ?? per,
    role,
    role_cap: capitalize(role),
    role_plain: role.replace(/^(le |la |l')/, ''),
    capital: c1.capital,
    capital2: c2.capital,
    city: n.places[s.place]!,
    org: lang === 'fr' ? n.orgs[s.org]!.fr : n.orgs[s.org]!.en,
    n: String(int(rnd, 2, 40)),
    big: formatBig(int(rnd, 12, 900) * 100, lang),
    amount: lang === 'fr' ? `${int(rnd, 2, 950)} millions` : `${int(rnd, 2, 950)} million`,
    pct: lang === 'fr' ? `${int(rnd, 0, 12)},${int(rnd, 0, 9)}` : `${int(rnd, 0, 12)}.${int(rnd, 0, 9)}`,
    mag: lang === 'fr' ? `${int(rnd, 4, 7)},${int(rnd, 0, 9)}` : `${int(rnd, 4, 7)}.${int(rnd, 0, 9)}`,
    jour: pick(rnd, t.weekdays),
    jour2: pick(rnd, t.weekdays),
    mois: pick(rnd, t.months),
    date: lang === 'fr' ? `${date.getUTCDate()} ${t.months[date.getUTCMonth()]}` : `${t.months[date.getUTCMonth()]} ${date.getUTCDate()}`,
    year: String(year),
    year2: String(year + int(rnd, 2, 12)),
    demonym: lang === 'fr' ? c1.demonymFr : c1.demonymEn,
    country: c1.en,
    country2: c2.en,
    country3: c3.en,
  };
  if (lang === 'fr') {
    for (const [suffix, c] of [['', c1], ['2', c2], ['3', c3]] as const) {
      const f = frenchForms(c);
      values[`pays${suffix}`] = f.pays;
      values[`du_pays${suffix}`] = f.du;
      values[`au_pays${suffix}`] = f.au;
    }
  }
  return values;
}

const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

/**
 * Document `index` of the corpus of `seed`: a JSON-Lines-ready document as a reader gives
 * it (text, title, date, source, language, origin). About 1,500–3,000 characters of text.
 */
export function generateDocument(index: number, seed = 1): IngestedDocument {
  const s = story(seed, Math.floor(index / DOCS_PER_STORY));
  const rnd = seededRandom(seed * 15485863 + index * 32452843 + 7);
  const lang: Lang = rnd() < FRENCH_SHARE ? 'fr' : 'en';
  const t = languageTemplates(lang);
  const family = t.families[s.family]!;
  const values = slots(s, rnd, lang);
  const shuffled = <T>(list: readonly T[], count: number): T[] => [...list].sort(() => rnd() - 0.5).slice(0, count);
  const sentences = [
    pick(rnd, family.lead), ...shuffled(family.body, int(rnd, family.body.length - 2, family.body.length)),
    ...shuffled(t.generic, int(rnd, 3, 6)),
  ].map((x) => fill(x, values));
  // A report tells its story, then recalls one or two related ones (other families and names), as news does.
  for (let r = int(rnd, 1, 2); r > 0; r--) {
    const related = t.families[pick(rnd, Object.keys(t.families))]!;
    const relatedValues = slots(story(seed, int(rnd, 0, 1 << 30)), rnd, lang);
    sentences.push(...[pick(rnd, related.lead), ...shuffled(related.body, int(rnd, 3, 5))].map((x) => fill(x, relatedValues)));
  }
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length;) {
    const size = int(rnd, 2, 3);
    paragraphs.push(sentences.slice(i, i + size).join(' '));
    i += size;
  }
  const day = new Date(FIRST_DAY + (s.day + (index % DOCS_PER_STORY >= 4 ? 1 : 0)) * 86_400_000);
  return {
    origin: `generated/${seed}/${index}`,
    text: paragraphs.join('\n\n'),
    title: fill(pick(rnd, family.titles), values),
    date: day.toISOString().slice(0, 10),
    source: { name: pick(rnd, t.sources), url: null },
    language: lang,
  };
}

/**
 * The first `count` documents of a corpus, each text distinct (a rare repeat is redrawn
 * under a new seed offset, so that `count` documents are really stored).
 */
export function* generateCorpus(count: number, seed = 1): Iterable<IngestedDocument> {
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    let doc = generateDocument(i, seed);
    for (let retry = 1; seen.has(documentId(doc.text)); retry++) doc = { ...generateDocument(i, seed + retry * 1_000_003), origin: doc.origin };
    seen.add(documentId(doc.text));
    yield doc;
  }
}

/** Names that occur in the corpus, to search for (people, countries, places), drawn reproducibly. */
export function searchNames(count: number, seed = 1): string[] {
  const n = kbNames();
  const rnd = seededRandom(seed * 31 + 5);
  return Array.from({ length: count }, (_, i) => (i % 3 === 0 ? pick(rnd, n.people).en : i % 3 === 1 ? pick(rnd, n.countries).fr : pick(rnd, n.places)));
}
