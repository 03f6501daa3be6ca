/**
 * The story record's JSON Schema (schema/story.schema.json, the contract `veille.story/1`) as
 * self-contained response schemas: its `$defs` inlined, so fastify, the response check and
 * the OpenAPI document all read the one schema the stories module validates against.
 */
import { readFileSync } from 'node:fs';
import { STORY_SCHEMA_PATH } from '../stories/validate.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = Record<string, unknown>;

/** Replaces every `{ "$ref": "#/$defs/name" }` by a copy of that definition. */
function inline(node: Json, defs: Record<string, Json>): Json {
  if (Array.isArray(node)) return node.map((n) => inline(n, defs));
  if (node === null || typeof node !== 'object') return node;
  const ref = node.$ref;
  if (typeof ref === 'string') {
    const name = ref.replace(/^#\/\$defs\//, '');
    const def = defs[name];
    if (def === undefined) throw new Error(`${STORY_SCHEMA_PATH}: unknown reference ${ref}`);
    return inline(def, defs);
  }
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(node)) if (k !== '$defs' && k !== '$schema' && k !== '$id') out[k] = inline(v, defs);
  return out;
}

let cached: Schema | null = null;

/** The whole story record (`GET /api/stories/:id`). */
export function storyRecordSchema(): Schema {
  if (!cached) {
    const raw = JSON.parse(readFileSync(STORY_SCHEMA_PATH, 'utf8')) as { $defs?: Record<string, Json> } & Record<string, Json>;
    cached = inline(raw, raw.$defs ?? {}) as Schema;
  }
  return cached;
}

/** One property of the story record's schema (`facts`, `timeline`, `graph`, `summary`…). */
export function storyPart(name: string): Schema {
  const part = (storyRecordSchema().properties as Record<string, Schema>)[name];
  if (!part) throw new Error(`${STORY_SCHEMA_PATH} has no property ${name}`);
  return part;
}
