/**
 * Hand-written analysis records for the API and web tests: invented news-like sentences with
 * every layer filled (entities, quotes, claims with a denial, events, times, quantities) and
 * spans that nest and cross, found in the text so that every offset is exact.
 */
import { documentId } from '../../src/core/ids.js';
import { ANALYSIS_SCHEMA, type AnalysisRecord, type TextSpan } from '../../src/core/record.js';

/** The span of the n-th (0-based) occurrence of `part` in `text`. */
export function spanOf(text: string, part: string, nth = 0): TextSpan {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(part, at + 1);
    if (at < 0) throw new Error(`test record: "${part}" is not in the text ${nth + 1} times`);
  }
  return { start: at, end: at + part.length, text: part };
}

const sentences = (text: string) => [...text.matchAll(/\S[^.!?]*(?:[.!?»]+|$)/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));

export const VISIT_TEXT = 'Le ministre russe Ivan Petrov est arrivé mercredi à Pyongyang pour des entretiens. '
  + '« Nous livrerons plus de 1 000 tonnes de blé », a déclaré Ivan Petrov. '
  + 'Séoul affirme que Moscou a livré des munitions à la Corée du Nord. '
  + "Le Kremlin a démenti toute livraison d'armes.";

/** One document with every layer; v2 crosses c1 (starts before it, ends inside it). */
export function visitRecord(): AnalysisRecord {
  const text = VISIT_TEXT;
  const s = (part: string, nth = 0): TextSpan => spanOf(text, part, nth);
  const bare = (part: string, nth = 0) => {
    const { start, end } = s(part, nth);
    return { start, end };
  };
  const c1 = s('Moscou a livré des munitions à la Corée du Nord');
  const v1 = s('est arrivé mercredi à Pyongyang');
  const v2 = s('que Moscou a livré');
  return {
    schema: ANALYSIS_SCHEMA,
    pipeline: { version: '0.0.0-test', analyzers: [] },
    doc: {
      id: documentId(text), origin: 'test/visite.txt', source: { name: 'La Gazette du Test', url: 'https://gazette.example/visite' },
      title: 'Visite du ministre russe à Pyongyang', date: '2024-03-13', language: 'fr', text,
    },
    sentences: sentences(text),
    entities: [
      { id: 'e1', type: 'PER', name: 'Ivan Petrov', kb: null, country: 'RUS', sector: 'GOV', roles: ['ministre'], mentions: [s('Ivan Petrov'), s('Ivan Petrov', 1)] },
      { id: 'e2', type: 'GPE', name: 'Pyongyang', kb: 'Q18808', country: 'PRK', sector: null, roles: [], mentions: [s('Pyongyang')] },
      { id: 'e3', type: 'GPE', name: 'Russie', kb: 'Q159', country: 'RUS', sector: 'GOV', roles: [], mentions: [s('Moscou'), s('Kremlin')] },
      { id: 'e4', type: 'GPE', name: 'Corée du Sud', kb: 'Q884', country: 'KOR', sector: 'GOV', roles: [], mentions: [s('Séoul')] },
      { id: 'e5', type: 'GPE', name: 'Corée du Nord', kb: 'Q423', country: 'PRK', sector: null, roles: [], mentions: [s('Corée du Nord')] },
    ],
    quotes: [
      { id: 'q1', ...s('Nous livrerons plus de 1 000 tonnes de blé'), kind: 'direct', speaker: 'e1', speaker_text: 'Ivan Petrov', cue: s('a déclaré') },
    ],
    claims: [
      { id: 'c1', ...c1, stance: 'assert', source: 'e4', cue: s('affirme'), about: null, events: ['v2'] },
      { id: 'c2', ...s("toute livraison d'armes"), stance: 'deny', source: 'e3', cue: s('a démenti'), about: 'c1', events: [] },
    ],
    events: [
      {
        id: 'v1', event: 'CONSULT', mode: ['visit'], context: ['diplomatic'],
        actor: [{ entity: 'e1', code: 'RUS', sector: 'GOV', name: 'Ivan Petrov' }],
        recipient: [{ entity: 'e2', code: 'PRK', sector: null, name: 'Pyongyang' }],
        date: '2024-03-13', time: 't1', event_loc: { entity: 'e2', name: 'Pyongyang', code: 'PRK' },
        modality: 'asserted', attributed_to: null, quad_code: 1, event_scale: 1,
        start: v1.start, end: v1.end, event_text: v1.text, evidence: bare('Le ministre russe Ivan Petrov est arrivé mercredi à Pyongyang pour des entretiens.'),
        rule: 'fr/consult/arriver-a',
      },
      {
        id: 'v2', event: 'AID', mode: [], context: ['military'],
        actor: [{ entity: 'e3', code: 'RUS', sector: 'GOV', name: 'Russie' }],
        recipient: [{ entity: 'e5', code: 'PRK', sector: null, name: 'Corée du Nord' }],
        date: null, time: null, event_loc: null,
        modality: 'reported', attributed_to: 'e4', quad_code: 2, event_scale: 7,
        start: v2.start, end: v2.end, event_text: v2.text, evidence: bare('Séoul affirme que Moscou a livré des munitions à la Corée du Nord.'),
        rule: 'fr/aid/livrer',
      },
    ],
    times: [
      { id: 't1', ...s('mercredi'), value: '2024-03-13', granularity: 'day', range: { from: '2024-03-13', to: '2024-03-13' }, anchor: 'doc' },
    ],
    quantities: [
      { id: 'n1', ...s('plus de 1 000 tonnes de blé'), value: 1000, approx: 'more_than', unit: 'tonne', of: 'blé' },
    ],
  };
}

export const TALKS_TEXT = 'The foreign ministers of Norland and Sudmark met in Geneva on Tuesday. '
  + 'Sudmark threatened new tariffs on Norland steel.';

/** An English document with two events, for the event filters. */
export function talksRecord(): AnalysisRecord {
  const text = TALKS_TEXT;
  const s = (part: string, nth = 0): TextSpan => spanOf(text, part, nth);
  const v1 = s('met in Geneva');
  const v2 = s('threatened new tariffs');
  const norland = { entity: 'e1', code: 'NRL', sector: 'GOV', name: 'Norland' };
  const sudmark = { entity: 'e2', code: 'SDM', sector: 'GOV', name: 'Sudmark' };
  return {
    schema: ANALYSIS_SCHEMA,
    pipeline: { version: '0.0.0-test', analyzers: [] },
    doc: {
      id: documentId(text), origin: 'test/talks.txt', source: { name: 'Harbour Tribune', url: null },
      title: 'Ministers meet in Geneva', date: '2024-05-14', language: 'en', text,
    },
    sentences: sentences(text),
    entities: [
      { id: 'e1', type: 'GPE', name: 'Norland', kb: null, country: null, sector: null, roles: [], mentions: [s('Norland'), s('Norland', 1)] },
      { id: 'e2', type: 'GPE', name: 'Sudmark', kb: null, country: null, sector: null, roles: [], mentions: [s('Sudmark'), s('Sudmark', 1)] },
      { id: 'e3', type: 'GPE', name: 'Geneva', kb: 'Q71', country: 'CHE', sector: null, roles: [], mentions: [s('Geneva')] },
    ],
    quotes: [],
    claims: [],
    events: [
      {
        id: 'v1', event: 'CONSULT', mode: ['meet'], context: [], actor: [norland, sudmark], recipient: [], date: '2024-05-14', time: null,
        event_loc: { entity: 'e3', name: 'Geneva', code: 'CHE' }, modality: 'asserted', attributed_to: null, quad_code: 1, event_scale: 1,
        start: v1.start, end: v1.end, event_text: v1.text, evidence: { start: 0, end: TALKS_TEXT.indexOf('.') + 1 }, rule: 'en/consult/meet',
      },
      {
        id: 'v2', event: 'THREATEN', mode: [], context: ['economic'], actor: [sudmark], recipient: [norland], date: '2024-05', time: null,
        event_loc: null, modality: 'future', attributed_to: null, quad_code: 3, event_scale: -4,
        start: v2.start, end: v2.end, event_text: v2.text, evidence: { start: TALKS_TEXT.indexOf('Sudmark threatened'), end: TALKS_TEXT.length }, rule: 'en/threaten/threaten',
      },
    ],
    times: [],
    quantities: [],
  };
}

/** A record with no extracted item (only the document and its sentences). */
export function plainRecord(text: string, doc: Partial<Omit<AnalysisRecord['doc'], 'id' | 'text'>> = {}): AnalysisRecord {
  return {
    schema: ANALYSIS_SCHEMA,
    pipeline: { version: '0.0.0-test', analyzers: [] },
    doc: {
      id: documentId(text), origin: doc.origin ?? `test/${documentId(text)}.txt`, source: doc.source ?? { name: null, url: null },
      title: doc.title ?? null, date: doc.date ?? null, language: doc.language ?? 'fr', text,
    },
    sentences: sentences(text),
    entities: [], quotes: [], claims: [], events: [], times: [], quantities: [],
  };
}

/** `n` short bulletins sharing the word "bulletin", for pagination. */
export function bulletins(n: number): AnalysisRecord[] {
  return Array.from({ length: n }, (_, i) => plainRecord(`Bulletin numéro ${i} : la circulation est rétablie sur la route ${i}.`, {
    title: `Bulletin ${i}`, date: `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`, source: { name: 'Préfecture du Test', url: null },
  }));
}
