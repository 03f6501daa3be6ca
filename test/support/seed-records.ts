import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { before } from 'node:test';
import type { AnalysisRecord, Entity } from '../../src/core/record.js';
import { readPaths } from '../../src/ingest/index.js';
import { toDocument } from '../../src/text/document.js';
import { needsShared, sharedPath } from './shared.js';
import { ENTITIES_REGISTERED, realPipeline } from './attribution.js';

/** Why the seed tests of quotes and claims skip (no ../shared/seeds, or no entities analyzer registered), else false. */
export const SEEDS_SKIP: string | false = needsShared('seeds') || (ENTITIES_REGISTERED ? false : 'needs the entities analyzer in src/analyzers/index.ts');

/** The records of the seed articles (../shared/seeds) through the real pipeline, by file name. */
export async function seedRecords(): Promise<Map<string, AnalysisRecord>> {
  const files = readdirSync(sharedPath('seeds')).filter((f) => f.endsWith('.txt')).sort().map((f) => sharedPath('seeds', f));
  const out = new Map<string, AnalysisRecord>();
  for await (const outcome of readPaths(files)) {
    if (!outcome.ok) throw new Error(`seed ${outcome.error.input ?? '?'}: ${outcome.error.message}`);
    const doc = toDocument(outcome.doc);
    out.set(doc.origin.split('/').pop() ?? doc.origin, realPipeline().analyze(doc));
  }
  return out;
}

/**
 * The seed records for the tests of the enclosing `describe`, read once before them: `all()`
 * by file name, `seed(prefix)` the one whose file name starts with `prefix` (a failed assertion when none).
 */
export function seedsBeforeAll(): { all: () => Map<string, AnalysisRecord>; seed: (prefix: string) => AnalysisRecord } {
  let records = new Map<string, AnalysisRecord>();
  before(async () => {
    records = await seedRecords();
  });
  return {
    all: () => records,
    seed: (prefix) => {
      const r = [...records.entries()].find(([name]) => name.startsWith(prefix))?.[1];
      assert.ok(r, `seed ${prefix}* not read`);
      return r;
    },
  };
}

/** The entity of an id in a record. */
export function entityOf(r: AnalysisRecord, id: string | null): Entity | undefined {
  return id === null ? undefined : r.entities.find((e) => e.id === id);
}

/** Whether an entity has a mention of this text (or one ending in it: "Oleg Burmistrov" for "Burmistrov"). */
export function mentions(e: Entity | undefined, surface: string): boolean {
  return e !== undefined && e.mentions.some((m) => m.text === surface || m.text.endsWith(` ${surface}`));
}
