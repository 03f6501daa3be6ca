import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import type { AnalysisRecord, Span, TextSpan } from './record.js';

/** `schema/analysis.schema.json` at the package root (same depth from src/ and dist/). */
export const ANALYSIS_SCHEMA_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schema', 'analysis.schema.json');

let compiled: ValidateFunction | null = null;

function schemaValidator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    compiled = ajv.compile(JSON.parse(readFileSync(ANALYSIS_SCHEMA_PATH, 'utf8')) as object);
  }
  return compiled;
}

/**
 * Every problem with a record: JSON Schema violations, then the contract's invariants
 * (spans inside the text and matching their `text`, unique ids, references that resolve).
 * An empty list means the record is valid.
 */
export function recordProblems(record: AnalysisRecord): string[] {
  const problems: string[] = [];
  const validate = schemaValidator();
  if (!validate(record)) {
    for (const err of validate.errors ?? []) problems.push(`schema: ${err.instancePath || '/'} ${err.message ?? ''}`);
    const doc = (record as { doc?: { text?: unknown } } | null)?.doc;
    if (typeof doc?.text !== 'string') return problems;
  }
  const text = record.doc.text;
  const checkSpan = (where: string, s: Span | TextSpan | null | undefined): void => {
    if (!s) return;
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end < s.start || s.end > text.length) {
      problems.push(`${where}: span [${s.start}, ${s.end}) is outside the text (length ${text.length})`);
      return;
    }
    if ('text' in s && typeof s.text === 'string' && text.slice(s.start, s.end) !== s.text) {
      problems.push(`${where}: text ${JSON.stringify(s.text)} ≠ doc.text.slice(${s.start}, ${s.end}) ${JSON.stringify(text.slice(s.start, s.end))}`);
    }
  };

  const ids = new Map<string, string>();
  const addId = (kind: string, id: string): void => {
    if (ids.has(id)) problems.push(`${kind} ${id}: id is not unique`);
    ids.set(id, kind);
  };
  record.entities.forEach((e) => addId('entity', e.id));
  record.quotes.forEach((q) => addId('quote', q.id));
  record.claims.forEach((c) => addId('claim', c.id));
  record.events.forEach((v) => addId('event', v.id));
  record.times.forEach((t) => addId('time', t.id));
  record.quantities.forEach((n) => addId('quantity', n.id));
  const ref = (where: string, id: string | null | undefined, kind: string): void => {
    if (id == null) return;
    if (ids.get(id) !== kind) problems.push(`${where}: reference ${id} is not a ${kind} of this record`);
  };

  record.sentences.forEach((s, i) => checkSpan(`sentences[${i}]`, s));
  for (const e of record.entities) e.mentions.forEach((m, i) => checkSpan(`entity ${e.id} mention ${i}`, m));
  for (const q of record.quotes) {
    checkSpan(`quote ${q.id}`, q);
    checkSpan(`quote ${q.id} cue`, q.cue);
    ref(`quote ${q.id} speaker`, q.speaker, 'entity');
  }
  for (const c of record.claims) {
    checkSpan(`claim ${c.id}`, c);
    checkSpan(`claim ${c.id} cue`, c.cue);
    ref(`claim ${c.id} source`, c.source, 'entity');
    ref(`claim ${c.id} about`, c.about, 'claim');
    c.events.forEach((v) => ref(`claim ${c.id} events`, v, 'event'));
  }
  for (const v of record.events) {
    checkSpan(`event ${v.id}`, { start: v.start, end: v.end, text: v.event_text });
    checkSpan(`event ${v.id} evidence`, v.evidence);
    [...v.actor, ...v.recipient].forEach((p) => ref(`event ${v.id} participant`, p.entity, 'entity'));
    ref(`event ${v.id} time`, v.time, 'time');
    ref(`event ${v.id} attributed_to`, v.attributed_to, 'entity');
    ref(`event ${v.id} event_loc`, v.event_loc?.entity, 'entity');
    checkSpan(`event ${v.id} modality_cue`, v.modality_cue);
    v.mentions?.forEach((m, i) => { checkSpan(`event ${v.id} mention ${i}`, m); checkSpan(`event ${v.id} mention ${i} evidence`, m.evidence); });
  }
  record.uncoded?.forEach((u, i) => { checkSpan(`uncoded[${i}]`, u); checkSpan(`uncoded[${i}] trigger`, u.trigger); });
  for (const t of record.times) {
    checkSpan(`time ${t.id}`, t);
    if (t.anchor !== null && t.anchor !== 'doc') ref(`time ${t.id} anchor`, t.anchor, 'time');
  }
  for (const n of record.quantities) checkSpan(`quantity ${n.id}`, n);
  return problems;
}
