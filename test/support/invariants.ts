import assert from 'node:assert/strict';
import type { AnalysisRecord } from '../../src/core/record.js';
import { recordProblems } from '../../src/core/validate.js';

/** Fails the test with every schema and invariant problem of a record. */
export function assertValidRecord(record: AnalysisRecord): void {
  const problems = recordProblems(record);
  assert.deepEqual(problems, [], `record ${record.doc?.id ?? '?'} is invalid:\n${problems.join('\n')}`);
}
