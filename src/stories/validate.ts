import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import type { AnalysisRecord } from '../core/record.js';
import type { StoryRecord, StorySpan } from './story.js';

/** `schema/story.schema.json` at the package root (same depth from src/ and dist/). */
export const STORY_SCHEMA_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schema', 'story.schema.json');

let compiled: ValidateFunction | null = null;

function schemaValidator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    compiled = ajv.compile(JSON.parse(readFileSync(STORY_SCHEMA_PATH, 'utf8')) as object);
  }
  return compiled;
}

/**
 * Every problem with a story record: JSON Schema violations, then the contract's invariants
 * (every span resolves in its document, which is one of the story's; counts agree with the
 * documents; fact ids unique; a conflict says what differs, and only a conflict does).
 * `getRecord` returns a document's analysis record (or null). An empty list: valid.
 */
export function storyProblems(story: StoryRecord, getRecord: (docId: string) => AnalysisRecord | null): string[] {
  const problems: string[] = [];
  const validate = schemaValidator();
  if (!validate(story)) {
    for (const err of validate.errors ?? []) problems.push(`schema: ${err.instancePath || '/'} ${err.message ?? ''}`);
    if (!Array.isArray((story as Partial<StoryRecord> | null)?.documents)) return problems;
  }
  const members = new Set(story.documents.map((d) => d.id));
  const checkSpan = (where: string, span: StorySpan): void => {
    if (!members.has(span.doc)) {
      problems.push(`${where}: document ${span.doc} is not one of the story's`);
      return;
    }
    const text = getRecord(span.doc)?.doc.text;
    if (text === undefined) problems.push(`${where}: document ${span.doc} cannot be read`);
    else if (span.start < 0 || span.end < span.start || span.end > text.length) problems.push(`${where}: span [${span.start}, ${span.end}) is outside document ${span.doc} (length ${text.length})`);
    else if (text.slice(span.start, span.end) !== span.text) problems.push(`${where}: text ${JSON.stringify(span.text)} ≠ ${JSON.stringify(text.slice(span.start, span.end))} in ${span.doc}`);
  };
  story.summary.forEach((s, i) => checkSpan(`summary[${i}]`, s));
  story.timeline.forEach((t, i) => t.spans.forEach((s, j) => checkSpan(`timeline[${i}].spans[${j}]`, s)));
  story.graph.edges.forEach((e, i) => e.spans.forEach((s, j) => checkSpan(`graph.edges[${i}].spans[${j}]`, s)));
  const nodes = new Set(story.graph.nodes.map((n) => n.id));
  story.graph.edges.forEach((e, i) => {
    if (!nodes.has(e.from) || !nodes.has(e.to)) problems.push(`graph.edges[${i}]: ${e.from} → ${e.to} names a node that is not in graph.nodes`);
  });
  const factIds = new Set<string>();
  for (const f of story.facts) {
    if (factIds.has(f.id)) problems.push(`fact ${f.id}: id is not unique`);
    factIds.add(f.id);
    f.reports.forEach((r, j) => {
      checkSpan(`fact ${f.id} reports[${j}]`, r.span);
      if (r.doc !== r.span.doc) problems.push(`fact ${f.id} reports[${j}]: doc ${r.doc} ≠ span.doc ${r.span.doc}`);
    });
    if ((f.status === 'conflict') !== (f.conflict !== null)) problems.push(`fact ${f.id}: status ${f.status} with conflict ${JSON.stringify(f.conflict)}`);
    if (f.status !== 'single_source' && new Set(f.reports.map((r) => r.doc)).size < 2) problems.push(`fact ${f.id}: ${f.status} from one document`);
  }
  if (story.article_count !== story.documents.length) problems.push(`article_count ${story.article_count} ≠ ${story.documents.length} documents`);
  if (story.independent_source_count > story.article_count) problems.push(`independent_source_count ${story.independent_source_count} > article_count ${story.article_count}`);
  if (new Set(story.documents.map((d) => d.id)).size !== story.documents.length) problems.push('documents: an id appears twice');
  for (const d of story.documents) {
    if (d.duplicate_of !== null && !members.has(d.duplicate_of) && getRecord(d.duplicate_of) === null) problems.push(`document ${d.id}: duplicate_of ${d.duplicate_of} is unknown`);
  }
  return problems;
}
