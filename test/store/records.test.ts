import { test } from 'node:test';
import { assertValidRecord } from '../support/invariants.js';
import { CORPUS_RECORDS, bulletins } from './records.js';

test('the hand-written store records are valid analysis records', () => {
  for (const record of [...CORPUS_RECORDS, ...bulletins(25)]) assertValidRecord(record);
});
