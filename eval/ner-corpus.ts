import { readFileSync } from 'node:fs';
import type { Span } from '../src/core/record.js';
import { readGold } from './gold-file.js';

/** A record of ../shared/data/ner-fr (HIPE-2022 NewsEye, WikiNEuRal): text and typed mentions. */
export interface NerRecord {
  id: string;
  date?: string;
  text: string;
  entities: { start: number; end: number; text: string; type: string; wikidata: string | null }[];
}

/** The records of a ner-fr JSON Lines file. */
export function readNerRecords(path: string): NerRecord[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as NerRecord);
}

/** One gold mention: its text (the `nth` occurrence, from 1, after the previous mention), type, referent and what it should resolve to. */
export interface GoldMention {
  text: string;
  nth?: number;
  type: string;
  ref: string;
  kb?: string | null;
  country?: string | null;
  sector?: string | null;
  tags?: string[];
}

export interface GoldDoc {
  id: string;
  split: 'dev' | 'test';
  date: string | null;
  text: string;
  mentions: GoldMention[];
}

export const isGoldDoc = (v: unknown): v is GoldDoc => {
  const o = v as GoldDoc;
  return typeof o?.id === 'string' && (o.split === 'dev' || o.split === 'test') && typeof o.text === 'string' && Array.isArray(o.mentions);
};

/** The documents of eval/gold/entities-<lang>.jsonl in one split. */
export function ownGold(lang: string, split: 'dev' | 'test'): GoldDoc[] {
  return readGold(`entities-${lang}.jsonl`, isGoldDoc).filter((d) => d.split === split);
}

export interface Located extends GoldMention, Span {}

/** Gold spans: each mention found in order, its `nth` occurrence (default 1) after the previous mention. */
export function locate(doc: GoldDoc): Located[] {
  let from = 0;
  return doc.mentions.map((m) => {
    let start = from - 1;
    for (let k = 0; k < (m.nth ?? 1); k++) {
      start = doc.text.indexOf(m.text, start + 1);
      if (start < 0) throw new Error(`eval/gold entities ${doc.id}: mention ${JSON.stringify(m.text)} not found in order`);
    }
    from = start + m.text.length;
    return { ...m, start, end: from };
  });
}

/** The name mentions of an own gold document (role-only mentions are no names). */
export function namedGold(doc: GoldDoc): Located[] {
  return locate(doc).filter((g) => !(g.tags ?? []).includes('role'));
}
