/**
 * Reads TABARI/PETRARCH actor dictionaries (Phoenix, MIT) into actors with names and dated
 * codes. Used only by scripts/build-kb.ts.
 *
 * Format: a primary name line, `+alias` lines, then tab-indented `[CODE DATES]` lines; names
 * are upper case with `_` between words; DATES is `>YYMMDD` (from), `<YYMMDD` (until),
 * `YYMMDD-YYMMDD`, or absent (the default code). Six-digit dates use two-digit years.
 */
import type { EntityType } from '../src/core/record.js';

export interface PhoenixCode {
  country: string;
  sector: string | null;
  from?: string;
  to?: string;
}

/** A country-level entry's aliases: alternative names of the country and its cities. */
export interface PhoenixPlaces {
  country: string;
  names: string[];
}

export interface PhoenixActor {
  key: string;
  type: EntityType;
  names: string[];
  codes: PhoenixCode[];
  file: string;
}

/** CAMEO agent codes → PLOVER sectors (CAMEO MED was media, HLH health: PLOVER renamed them). */
const SECTOR: Record<string, string> = {
  GOV: 'GOV', MIL: 'MIL', REB: 'REB', OPP: 'OPP', PTY: 'PTY', COP: 'COP', JUD: 'JUD', SPY: 'SPY',
  LEG: 'LEG', BUS: 'BUS', CRM: 'CRM', CVL: 'CVL', EDU: 'EDU', ELI: 'ELI', LAB: 'LAB', AGR: 'AGR',
  REF: 'REF', REL: 'REL', UAF: 'UAF', PRM: 'PRM', MED: 'JRN', HLH: 'MED', INS: 'REB', SEP: 'REB',
  HRI: 'SOC', ENV: 'SOC', DEV: 'SOC', NGO: 'SOC', SET: 'CVL',
};
/** Sub-sectors more telling than the GOV/MIL they follow (USAGOVJUD → JUD). */
const SPECIFIC = new Set(['JUD', 'LEG', 'COP', 'SPY']);
const NON_STATE = new Set(['NGO', 'IMG', 'MNC']);
const DEFAULT_SECTOR: Record<string, string> = { MNC: 'BUS', IMG: 'REB' };

/** Words that make an alias a description of someone rather than a name. */
const TITLE_WORDS = new Set([
  'PRESIDENT', 'MINISTER', 'PRIME', 'AMBASSADOR', 'SECRETARY', 'SECRETARY-GENERAL', 'GENERAL', 'SPOKESMAN',
  'SPOKESWOMAN', 'SPOKESPERSON', 'OFFICIAL', 'CHIEF', 'LEADER', 'KING', 'QUEEN', 'PRINCE', 'PRINCESS', 'LORD',
  'LADY', 'BARONESS', 'BARON', 'SIR', 'MR', 'MR.', 'MRS', 'MRS.', 'MS', 'DR', 'DR.', 'GEN', 'GEN.', 'LT.', 'COL.',
  'FORMER', 'ACTING', 'DEPUTY', 'VICE', 'VICE-PRESIDENT', 'CHAIRMAN', 'DIRECTOR', 'COMMANDER', 'GOVERNOR',
  'SENATOR', 'JUDGE', 'JUSTICE', 'FOREIGN', 'DEFENSE', 'DEFENCE', 'RUSSIAN', 'AMERICAN', 'CHINESE', 'SHEIKH',
  'EMIR', 'AYATOLLAH', 'CARDINAL', 'POPE', 'MAYOR', 'CHANCELLOR', 'PREMIER', 'ENVOY', 'DELEGATE', 'HEAD',
]);
/** Words that make a name an organization's. */
const ORG_WORDS = /\b(AGENCY|MINISTRY|DEPARTMENT|PARTY|COUNCIL|COMMITTEE|COMMISSION|ARMY|FORCES?|NAVY|POLICE|COURT|BANK|UNION|FRONT|MOVEMENT|ORGANI[SZ]ATION|ASSOCIATION|FEDERATION|INSTITUTE|UNIVERSITY|COMPANY|CORPORATION|CORP|INC|LTD|GROUP|LEAGUE|BRIGADES?|OFFICE|ASSEMBLY|PARLIAMENT|SENATE|CONGRESS|GOVERNMENT|COMMAND|FUND|FOUNDATION|SOCIETY|CENTER|CENTRE|BUREAU|SERVICE|AUTHORITY|BOARD|NETWORK|NEWS|TIMES|RADIO|TELEVISION|SCHOOL|COLLEGE|CHURCH|REPUBLIC|COALITION|ALLIANCE|TRIBUNAL|CABINET|MISSION|PROGRAMME|PROGRAM|TEAM|CELL|STATE|NATIONS|JUNTA|REGIME|CONFERENCE|ACADEMY|CLUB|TRUST|INDUSTRIES|AIRLINES|HOSPITAL|SYNDICATE|CARTEL|GUARD|MILITIA|SQUAD|UNIT|DIVISION|REGIMENT|BATTALION)\b/;

/** One dictionary name (`SERGEY_V._LAVROV_`) as written in text (`Sergey V. Lavrov`). */
export function phoenixName(raw: string): string {
  return raw
    .replace(/_+$/, '')
    .replace(/^THE_/, '')
    .split('_')
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase().replace(/(^|[-'.])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase()))
    .join(' ');
}

function isoDate(raw: string): string | null {
  let y: number;
  let rest: string;
  if (/^\d{8}$/.test(raw)) {
    y = Number(raw.slice(0, 4));
    rest = raw.slice(4);
  } else if (/^\d{6}$/.test(raw)) {
    const yy = Number(raw.slice(0, 2));
    y = yy <= 14 ? 2000 + yy : 1900 + yy; // the dictionaries date from January 2014
    rest = raw.slice(2);
  } else return null;
  const m = Number(rest.slice(0, 2));
  const d = Number(rest.slice(2, 4));
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${String(y).padStart(4, '0')}-${rest.slice(0, 2)}-${rest.slice(2, 4)}`;
}

/** `RUSGOV` → RUS/GOV; `IGOUNOREFHCR` → UNO/REF; `NGOUSAEDU` → NGO/EDU. */
export function parseCode(code: string): { country: string; sector: string | null } | null {
  if (!/^[A-Z]{3}(?:[A-Z]{3})*$/.test(code)) return null;
  const chunks = code.match(/.{3}/g) ?? [];
  let country = chunks.shift() ?? '';
  if (country === 'IGO') {
    const next = chunks[0];
    if (next === 'UNO' || next === 'EUR') chunks.shift();
    country = next === 'UNO' || next === 'EUR' ? next : 'IGO';
  } else if (NON_STATE.has(country) && chunks.length > 0 && !SECTOR[chunks[0] ?? '']) {
    chunks.shift(); // NGOUSA…: the NGO's home country is a hint PLOVER does not code
  }
  const sectors = chunks.map((c) => SECTOR[c]).filter((s): s is string => s !== undefined);
  const sector = sectors.find((s) => SPECIFIC.has(s)) ?? sectors[0] ?? DEFAULT_SECTOR[country] ?? null;
  return { country, sector };
}

function parseCodes(text: string): PhoenixCode[] {
  const out: PhoenixCode[] = [];
  for (const m of text.matchAll(/\[([A-Z]+)\s*([^\]]*)\]/g)) {
    const parsed = parseCode(m[1] ?? '');
    if (!parsed) continue;
    const dates = (m[2] ?? '').trim();
    const c: PhoenixCode = { ...parsed };
    if (dates) {
      const range = dates.match(/^(\d+)-(\d+)$/);
      const from = dates.match(/^>(\d+)$/);
      const until = dates.match(/^<(\d+)$/);
      const f = range ? isoDate(range[1] ?? '') : from ? isoDate(from[1] ?? '') : undefined;
      const t = range ? isoDate(range[2] ?? '') : until ? isoDate(until[1] ?? '') : undefined;
      if (f === null || t === null || (f === undefined && t === undefined)) continue; // malformed date: drop the code
      if (f) c.from = f;
      if (t) c.to = t;
    }
    out.push(c);
  }
  return out;
}

function agentWords(agentsText: string): Set<string> {
  const words = new Set<string>(TITLE_WORDS);
  for (const line of agentsText.split('\n')) {
    const m = line.match(/^([A-Z][A-Z_-]*[A-Z])_?\s*\[/);
    if (m?.[1] && !m[1].includes('_')) words.add(m[1]);
  }
  return words;
}

interface Group {
  names: string[];
  codes: PhoenixCode[];
  comment: string;
}

function actorType(g: Group, file: string, primary: string): EntityType {
  if (file.includes('MilNonState')) return 'ORG';
  if (ORG_WORDS.test(primary)) return 'ORG';
  if (/CountryInfo|IGOrulers/.test(g.comment)) return 'PER';
  const words = primary.split('_').filter(Boolean).length;
  const dated = g.codes.some((c) => c.from || c.to);
  return dated && words >= 2 && words <= 4 ? 'PER' : 'ORG';
}

/** Every actor of one dictionary file; country-level entries go to `places` when given. */
export function parsePhoenix(text: string, file: string, agentsText: string, places?: PhoenixPlaces[]): PhoenixActor[] {
  const titles = agentWords(agentsText);
  const actors: PhoenixActor[] = [];
  let g: Group | null = null;
  const flush = (): void => {
    if (!g || g.codes.length === 0 || g.names.length === 0) {
      g = null;
      return;
    }
    const primary = g.names[0] ?? '';
    // country-level entries ([RUS], [USAASM]) are places: countries come from world-countries
    if (g.codes.every((c) => c.sector === null && /^[A-Z]{3}$/.test(c.country) && !NON_STATE.has(c.country) && !['IGO', 'UNO', 'EUR'].includes(c.country))) {
      const country = g.codes[0]?.country;
      if (places && country && g.codes.length === 1) places.push({ country, names: g.names.slice(1).map(phoenixName).filter((n) => n.length >= 4) });
      g = null;
      return;
    }
    const type = actorType(g, file, primary);
    const names = g.names.filter((raw) => {
      const words = raw.replace(/_+$/, '').split('_').filter(Boolean);
      if (type === 'PER') return !words.some((w) => titles.has(w)) && !(words.length === 1 && (words[0] ?? '').length <= 3);
      // "US Secretary of State", "Army spokesman": a person in a role, not the body's name
      return !words.some((w) => /^(OFFICIALS?|SPOKES(MAN|WOMAN|PERSON|MEN)|CHIEFS?|PRESIDENTS?|MINISTERS?|SECRETARY|SECRETARY-GENERAL|AMBASSADORS?|LEADERS?|ENVOYS?|GOVERNORS?|MAYORS?|CHAIRM[AE]N|DIRECTORS?|COMMANDERS?|HEADS?)$/.test(w));
    });
    const display = [...new Set(names.map(phoenixName).filter((n) => n.length >= 2))];
    if (display.length > 0) actors.push({ key: primary.replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, ''), type, names: display, codes: g.codes, file });
    g = null;
  };
  for (const rawLine of text.split('\n')) {
    const hash = rawLine.indexOf('#');
    const comment = hash >= 0 ? rawLine.slice(hash) : '';
    const line = (hash >= 0 ? rawLine.slice(0, hash) : rawLine).replace(/\s+$/, '');
    if (line.trim() === '') {
      if (rawLine.trim() === '' || (g && g.codes.length === 0)) flush();
      continue;
    }
    const codeStart = line.indexOf('[');
    const namePart = (codeStart >= 0 ? line.slice(0, codeStart) : line).trim();
    const codes = codeStart >= 0 ? parseCodes(line.slice(codeStart)) : [];
    if (namePart === '') {
      if (g) g.codes.push(...codes);
      continue;
    }
    const isAlias = namePart.startsWith('+');
    const name = namePart.replace(/^\+/, '').trim().replace(/\s+/g, '_');
    const current: Group | null = g;
    if (!isAlias && current && current.codes.length > 0) flush();
    if (!g) g = { names: [], codes: [], comment: '' };
    const grp: Group = g;
    grp.names.push(name);
    grp.codes.push(...codes);
    if (comment) grp.comment += comment;
  }
  flush();
  return actors;
}
