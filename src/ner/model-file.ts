import { readFileSync } from 'node:fs';
import { VeilleError } from '../core/errors.js';
import { NerModel } from './ner-model.js';
import { TAGS } from './tags.js';
import { PackedWeights } from './weights.js';

/**
 * The model file: JSON, one feature a line, sorted by hash, weights in thousandths, so that
 * the same training writes the same bytes and a retrained model diffs line by line.
 * `{"format":"veille-ner/1","tags":[…],"about":{…},"features":[[hash, tag, w, tag, w…], …]}`
 */
export const MODEL_FORMAT = 'veille-ner/1';
const SCALE = 1000;

export function serializeModel(model: NerModel): string {
  const about = Object.fromEntries(Object.entries(model.about).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const lines: string[] = [];
  for (const [hash, w] of [...model.weights.entries()].sort((a, b) => a[0] - b[0])) {
    const row: number[] = [hash];
    w.forEach((v, t) => {
      const q = Math.round(v * SCALE);
      if (q !== 0) row.push(t, q);
    });
    if (row.length > 1) lines.push(JSON.stringify(row));
  }
  return `{"format":${JSON.stringify(MODEL_FORMAT)},\n"tags":${JSON.stringify(TAGS)},\n"about":${JSON.stringify(about)},\n"features":[\n${lines.join(',\n')}\n]}\n`;
}

function malformed(path: string, why: string): VeilleError {
  return new VeilleError('MALFORMED', `${path}: not a Veille NER model (${why})`, path);
}

/** Reads a model file written by `serializeModel`. */
export function parseModel(json: string, path: string): NerModel {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw malformed(path, (e as Error).message);
  }
  const o = raw as { format?: unknown; tags?: unknown; about?: unknown; features?: unknown };
  if (o?.format !== MODEL_FORMAT) throw malformed(path, `format ${JSON.stringify(o?.format)}, expected ${MODEL_FORMAT}`);
  if (JSON.stringify(o.tags) !== JSON.stringify(TAGS)) throw malformed(path, 'its tags differ from this version\'s');
  if (!Array.isArray(o.features)) throw malformed(path, 'no features');
  const weights: [number, Float32Array][] = [];
  for (const row of o.features as unknown[]) {
    if (!Array.isArray(row) || row.length % 2 !== 1 || !row.every((x) => typeof x === 'number')) throw malformed(path, `bad feature row ${JSON.stringify(row).slice(0, 60)}`);
    const w = new Float32Array(TAGS.length);
    for (let k = 1; k < row.length; k += 2) w[row[k] as number] = (row[k + 1] as number) / SCALE;
    weights.push([row[0] as number, w]);
  }
  const about = typeof o.about === 'object' && o.about !== null ? (o.about as Record<string, string | number>) : {};
  return new NerModel(new PackedWeights(weights), about);
}

/** Reads a model file from disk. */
export function readModelFile(path: string): NerModel {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new VeilleError('UNREADABLE', `${path}: cannot read the NER model (${(e as Error).message})`, path);
  }
  return parseModel(text, path);
}
