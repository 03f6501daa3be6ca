/**
 * Synthetic analysis records for the stories benchmark, from our own templates (never
 * article text): stories of 1 to 8 reports in French or English that share people,
 * countries, a place, a figure and a date; 10 % of reports are lightly edited copies of the
 * one before. The calendar advances STORIES_PER_DAY stories a day, so a larger corpus spans
 * more time, as a feed does. Deterministic: record `i` of a seed is always the same.
 */
import { documentId } from '../src/core/ids.js';
import { ANALYSIS_SCHEMA, type AnalysisRecord, type Entity, type Span, type TextSpan } from '../src/core/record.js';
import { seededRandom } from '../src/core/random.js';

const STORIES_PER_DAY = 40;
const FIRST_DAY = Date.UTC(2023, 0, 2);
const PEOPLE = 20_000;
const COUNTRIES = 180;
const PLACES = 3_000;


const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'ten', 'vo', 'sa', 'dri', 'nel', 'por', 'gu', 'fe', 'zan', 'bri', 'tol', 'mar', 'del', 'vik', 'sun', 'ha'];
const word = (n: number, parts: number): string => {
  let s = '';
  for (let i = 0; i < parts; i++) { s += SYLLABLES[n % SYLLABLES.length]; n = Math.floor(n / SYLLABLES.length) + 7 * i + 3; }
  return s[0]?.toUpperCase() + s.slice(1);
};
const person = (k: number): string => `${word(k * 7 + 1, 2)} ${word(k * 13 + 5, 3)}`;
const country = (k: number): string => `${word(k * 11 + 2, 3)}ie`;
const place = (k: number): string => `${word(k * 17 + 9, 2)}bourg`;
const code = (k: number): string => `C${String(k).padStart(2, '0')}`;

/** What happens in a story, by kind: the PLOVER category and a few sentence templates per language. */
const FAMILIES = [
  { event: 'CONSULT', fr: ['{P1} a rencontré {P2} à {PL} le {D}.', 'Les deux responsables ont évoqué la coopération entre {C1} et {C2}.', 'Une délégation de {N} personnes accompagnait {P1}.'],
    en: ['{P1} met {P2} in {PL} on {D}.', 'The two officials discussed cooperation between {C1} and {C2}.', 'A delegation of {N} people travelled with {P1}.'] },
  { event: 'PROTEST', fr: ['Plus de {N} manifestants ont défilé à {PL} le {D}.', 'Ils dénoncent la politique de {P1}, selon {P2}.', 'La police de {C1} a dispersé le cortège en fin de journée.'],
    en: ['More than {N} protesters marched in {PL} on {D}.', 'They oppose the policy of {P1}, {P2} said.', 'Police in {C1} dispersed the march in the evening.'] },
  { event: 'AID', fr: ['{C1} a promis une aide de {N} millions à {C2} le {D}.', '{P1} a annoncé la nouvelle à {PL}.', 'Selon {P2}, les premiers versements arriveront avant la fin du mois.'],
    en: ['{C1} pledged {N} million in aid to {C2} on {D}.', '{P1} announced the package in {PL}.', 'The first payments will arrive within weeks, {P2} said.'] },
  { event: 'ASSAULT', fr: ['Une attaque a fait {N} victimes à {PL} le {D}.', 'Les autorités de {C1} accusent des groupes armés venus de {C2}.', '{P1} a décrété un deuil national, a indiqué {P2}.'],
    en: ['An attack killed {N} people in {PL} on {D}.', 'Authorities in {C1} blamed armed groups from {C2}.', '{P1} declared national mourning, {P2} said.'] },
  { event: 'SANCTION', fr: ['{C1} a imposé des sanctions à {N} entreprises de {C2} le {D}.', '{P1} a justifié la mesure lors d’une conférence à {PL}.', '{P2} a dénoncé une décision injuste.'],
    en: ['{C1} imposed sanctions on {N} companies from {C2} on {D}.', '{P1} defended the move at a briefing in {PL}.', '{P2} called the decision unfair.'] },
  { event: 'AGREE', fr: ['{C1} et {C2} ont signé un accord de {N} pages à {PL} le {D}.', 'Le texte a été négocié par {P1} et {P2}.', 'Il doit encore être ratifié par les parlements.'],
    en: ['{C1} and {C2} signed a {N}-page agreement in {PL} on {D}.', 'The text was negotiated by {P1} and {P2}.', 'It still needs to be ratified by parliament.'] },
];
const MONTHS = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const SOURCES = ['Le Courrier', 'Harbour Tribune', 'Radio Plaine', 'Capital Wire', 'La Dépêche du Nord', 'Morning Ledger'];

interface Story {
  family: (typeof FAMILIES)[number];
  people: [number, number];
  countries: [number, number];
  place: number;
  figure: number;
  day: number;
  size: number;
}

/** Builds a text from pieces, remembering where each named thing was put. */
class TextBuilder {
  text = '';
  readonly marks: { key: string; span: TextSpan }[] = [];
  readonly sentences: Span[] = [];
  sentence(template: string, values: Record<string, string>): void {
    if (this.text) this.text += ' ';
    const start = this.text.length;
    for (const part of template.split(/(\{[A-Z0-9]+\})/)) {
      const key = /^\{([A-Z0-9]+)\}$/.exec(part)?.[1];
      const value = key ? (values[key] ?? part) : part;
      if (key) this.marks.push({ key, span: { start: this.text.length, end: this.text.length + value.length, text: value } });
      this.text += value;
    }
    this.sentences.push({ start, end: this.text.length });
  }
}

/** The `n` records of a seed, in order, each with the number of the story it was written for. */
export function* storyRecords(n: number, seed = 1): Generator<{ record: AnalysisRecord; story: number }> {
  const rand = seededRandom(seed);
  const pick = (k: number): number => Math.floor(rand() * k);
  let made = 0;
  let storyIndex = 0;
  let previous: AnalysisRecord | null = null;
  while (made < n) {
    const story: Story = {
      family: FAMILIES[pick(FAMILIES.length)] as Story['family'],
      people: [pick(PEOPLE), pick(PEOPLE)], countries: [pick(COUNTRIES), pick(COUNTRIES)], place: pick(PLACES),
      figure: 10 + pick(5000), day: Math.floor(storyIndex / STORIES_PER_DAY), size: 1 + pick(8),
    };
    storyIndex++;
    for (let r = 0; r < story.size && made < n; r++, made++) {
      const copy = previous !== null && r > 0 && rand() < 0.1;
      const record: AnalysisRecord = copy && previous ? reprint(previous, pick) : report(story, rand() < 0.6 ? 'fr' : 'en', SOURCES[pick(SOURCES.length)] as string, made);
      previous = record;
      yield { record, story: storyIndex - 1 };
    }
  }
}

function report(story: Story, lang: 'fr' | 'en', source: string, serial: number): AnalysisRecord {
  const date = new Date(FIRST_DAY + story.day * 86_400_000);
  const iso = date.toISOString().slice(0, 10);
  const spoken = lang === 'fr' ? `${date.getUTCDate()} ${MONTHS.fr[date.getUTCMonth()]}` : `${MONTHS.en[date.getUTCMonth()]} ${date.getUTCDate()}`;
  const values: Record<string, string> = {
    P1: person(story.people[0]), P2: person(story.people[1]), C1: country(story.countries[0]), C2: country(story.countries[1]),
    PL: place(story.place), N: String(story.figure), D: spoken,
  };
  const b = new TextBuilder();
  for (const template of story.family[lang]) b.sentence(template, values);
  b.sentence(lang === 'fr' ? `Dépêche numéro ${serial}.` : `Dispatch number ${serial}.`, {});
  const entity = (key: string, id: string, type: Entity['type'], kb: string, countryCode: string | null): Entity => ({
    id, type, name: values[key] as string, kb, country: countryCode, sector: null, roles: [],
    mentions: b.marks.filter((m) => m.key === key).map((m) => m.span),
  });
  const entities = [
    entity('P1', 'e1', 'PER', `veille:bench/person-${story.people[0]}`, code(story.countries[0])),
    entity('P2', 'e2', 'PER', `veille:bench/person-${story.people[1]}`, code(story.countries[1])),
    entity('C1', 'e3', 'GPE', `veille:bench/country-${story.countries[0]}`, code(story.countries[0])),
    entity('C2', 'e4', 'GPE', `veille:bench/country-${story.countries[1]}`, code(story.countries[1])),
    entity('PL', 'e5', 'GPE', `veille:bench/place-${story.place}`, code(story.countries[0])),
  ].filter((e) => e.mentions.length > 0);
  const when = b.marks.find((m) => m.key === 'D')?.span;
  const figure = b.marks.find((m) => m.key === 'N')?.span;
  const first = b.sentences[0] as Span;
  return {
    schema: ANALYSIS_SCHEMA,
    pipeline: { version: 'bench', analyzers: [] },
    doc: { id: documentId(b.text), origin: `bench/${serial}`, source: { name: source, url: null }, title: null, date: iso, language: lang, text: b.text },
    sentences: b.sentences,
    entities,
    quotes: [],
    claims: [],
    events: [{
      id: 'v1', event: story.family.event, mode: [], context: [],
      actor: [{ entity: 'e3', code: code(story.countries[0]), sector: null, name: values.C1 as string }],
      recipient: [{ entity: 'e4', code: code(story.countries[1]), sector: null, name: values.C2 as string }],
      date: iso, time: when ? 't1' : null, event_loc: null, modality: 'asserted', attributed_to: null, quad_code: 1, event_scale: 0,
      start: first.start, end: first.start + 1, event_text: b.text.slice(first.start, first.start + 1), evidence: first, rule: 'bench',
    }],
    times: when ? [{ id: 't1', ...when, value: iso, granularity: 'day', range: { from: iso, to: iso }, anchor: 'doc' }] : [],
    quantities: figure ? [{ id: 'n1', ...figure, value: story.figure, approx: 'exact', unit: null, of: null }] : [],
  };
}

/** A copy of a record by another outlet, the last digit of its dispatch number changed (same length: spans hold). */
function reprint(original: AnalysisRecord, pick: (k: number) => number): AnalysisRecord {
  const text = original.doc.text.replace(/(\d)\.$/, (_, d: string) => `${(Number(d) + 1 + pick(8)) % 10}.`);
  return { ...original, doc: { ...original.doc, id: documentId(text), text, source: { name: SOURCES[pick(SOURCES.length)] as string, url: null } } };
}
