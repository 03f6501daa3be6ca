/**
 * Hand-written analysis records for the store tests. The texts are invented news-like
 * sentences (French and English); entities are written by hand, their mentions found in the
 * text so that every span is exact. All of them pass assertValidRecord.
 */
import { documentId } from '../../src/core/ids.js';
import { ANALYSIS_SCHEMA, type AnalysisRecord, type Entity, type EntityType, type Span } from '../../src/core/record.js';

export interface EntitySpec {
  type: EntityType;
  name: string;
  kb?: string | null;
  country?: string | null;
  sector?: string | null;
  /** Surface forms, each found in the text after the previous occurrence of the same form. */
  mentions: string[];
}

export interface DocSpec {
  text: string;
  origin?: string;
  title?: string | null;
  date?: string | null;
  language?: string;
  source?: string | null;
  sourceUrl?: string | null;
  entities?: EntitySpec[];
}

/** A valid record for a text, with entity ids e1, e2, … and sentences cut at . ! ? */
export function makeRecord(spec: DocSpec): AnalysisRecord {
  const id = documentId(spec.text);
  return {
    schema: ANALYSIS_SCHEMA,
    pipeline: { version: '0.0.0-test', analyzers: [] },
    doc: {
      id,
      origin: spec.origin ?? `test/${id}.txt`,
      source: { name: spec.source ?? null, url: spec.sourceUrl ?? null },
      title: spec.title ?? null,
      date: spec.date ?? null,
      language: spec.language ?? 'fr',
      text: spec.text,
    },
    sentences: sentences(spec.text),
    entities: (spec.entities ?? []).map((e, i) => entity(spec.text, `e${i + 1}`, e)),
    quotes: [],
    claims: [],
    events: [],
    times: [],
    quantities: [],
  };
}

function sentences(text: string): Span[] {
  return [...text.matchAll(/\S[^.!?]*(?:[.!?]+|$)/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

function entity(text: string, id: string, spec: EntitySpec): Entity {
  const next = new Map<string, number>();
  const mentions = spec.mentions.map((surface) => {
    const start = text.indexOf(surface, next.get(surface) ?? 0);
    if (start < 0) throw new Error(`test record: "${surface}" is not in the text (or not that many times)`);
    next.set(surface, start + surface.length);
    return { start, end: start + surface.length, text: surface };
  });
  return {
    id, type: spec.type, name: spec.name, kb: spec.kb ?? null, country: spec.country ?? null,
    sector: spec.sector ?? null, roles: [], mentions,
  };
}

const RUSSIA = { type: 'GPE', kb: 'Q159', country: 'RUS', sector: 'GOV' } as const;
const NORTH_KOREA = { type: 'GPE', kb: 'Q423', country: 'PRK' } as const;

/** Six documents with varied languages, sources, dates (full, month, year, none) and entities. */
export const CORPUS = {
  kremlinFr: makeRecord({
    text: "Le Kremlin a annoncé jeudi l'envoi d'une délégation économique en Corée du Nord. Selon Moscou, les discussions porteront sur le commerce ferroviaire.",
    title: 'Une délégation russe attendue en Corée du Nord',
    date: '2024-03-14', language: 'fr', source: "Le Courrier de l'Est", sourceUrl: 'https://courrier-est.example/a1',
    origin: 'https://courrier-est.example/a1',
    entities: [
      { ...RUSSIA, name: 'Russie', mentions: ['Kremlin', 'Moscou'] },
      { ...NORTH_KOREA, name: 'Corée du Nord', mentions: ['Corée du Nord'] },
    ],
  }),
  kremlinEn: makeRecord({
    text: 'The Kremlin confirmed on Friday that a trade mission would travel to North Korea next week. Officials in Moscow described the talks as routine.',
    title: 'Kremlin confirms trade mission',
    date: '2024-03-15', language: 'en', source: 'Harbour Tribune', origin: 'feeds/harbour.xml#3',
    entities: [
      { ...RUSSIA, name: 'Russia', mentions: ['Kremlin', 'Moscow'] },
      { ...NORTH_KOREA, name: 'North Korea', mentions: ['North Korea'] },
    ],
  }),
  council: makeRecord({
    text: "Le conseil municipal de Villeneuve a voté un budget de 12 millions d'euros pour la rénovation des écoles. La maire, Claire Martin, a salué un vote unanime. Claire Martin se représentera.",
    date: '2024-02', language: 'fr', source: "Le Courrier de l'Est", origin: 'examples/conseil.txt',
    entities: [
      { type: 'PER', name: 'Claire Martin', mentions: ['Claire Martin', 'Claire Martin'] },
      { type: 'GPE', name: 'Villeneuve', mentions: ['Villeneuve'] },
    ],
  }),
  flood: makeRecord({
    text: 'Heavy rain flooded the northern districts overnight. Nuclear engineers inspected the cooling towers of the plant as a precaution.',
    language: 'en', origin: 'examples/flood.txt',
  }),
  talks: makeRecord({
    text: "Les négociations nucléaires reprendront à Genève en mai. Le Kremlin n'a pas commenté ces informations.",
    title: 'Reprise des négociations', date: '2023', language: 'fr', source: 'Radio Plaine', origin: 'examples/talks.html',
    entities: [
      { ...RUSSIA, name: 'Russie', mentions: ['Kremlin'] },
      { type: 'GPE', name: 'Genève', kb: 'Q71', country: 'CHE', mentions: ['Genève'] },
    ],
  }),
  unusual: makeRecord({
    text: 'Résumé 🙂 : « guillemets », tirets — et apostrophes ’ ; 東京 ; עברית ; e\u0301 décomposé ; "quotes" \\ backslash.',
    title: 'Caractères 🙂 variés', date: '2024-03-14', language: 'fr', source: 'Radio Plaine', origin: 'examples/unusual.txt',
  }),
} satisfies Record<string, AnalysisRecord>;

export const CORPUS_RECORDS: AnalysisRecord[] = Object.values(CORPUS);

/**
 * `n` short bulletins for pagination: many share a date (ties are broken by id), every
 * fourth is undated, and each names the prefecture (ORG) and its own district (LOC).
 */
export function bulletins(n: number): AnalysisRecord[] {
  return Array.from({ length: n }, (_, i) => makeRecord({
    text: `Bulletin ${i} : la préfecture signale une coupure d'électricité dans le quartier ${i}.`,
    title: `Coupure ${i}`,
    date: i % 4 === 0 ? null : `2024-01-0${1 + (i % 3)}`,
    language: 'fr', source: 'Préfecture', origin: `bulletins/${i}.txt`,
    entities: [
      { type: 'ORG', name: 'préfecture', mentions: ['préfecture'] },
      { type: 'LOC', name: `quartier ${i}`, mentions: [`quartier ${i}`] },
    ],
  }));
}

/** A copy with some fields changed (deep enough for the tests: doc and entities). */
export function variant(record: AnalysisRecord, change: { doc?: Partial<AnalysisRecord['doc']>; entities?: Entity[] }): AnalysisRecord {
  return { ...structuredClone(record), doc: { ...record.doc, ...change.doc }, ...(change.entities ? { entities: change.entities } : {}) };
}
