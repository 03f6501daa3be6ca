import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityType } from '../../core/record.js';
import { combineDrafts } from './combine-drafts.js';
import type { Context } from './context.js';
import type { Draft } from './draft.js';

/** A draft over characters [start, end), one unit per character (units are not read here). */
function draft(start: number, end: number, type: EntityType, rule: string): Draft {
  return { first: start, last: end, start, end, mentionStart: start, type, hits: [], rule, titled: false, roles: [], political: null, roleOnly: false };
}

// no demonym nor role anywhere; unit keys are read only for strong rule mentions of several words
const ctx = { units: Array.from({ length: 100 }, () => ({ key: 'x' })), demonymAt: [], roleAt: [] } as unknown as Context;

const summary = (ds: readonly Draft[]): string[] => ds.map((d) => `${d.start}-${d.end} ${d.type} ${d.rule}`);

describe('combineDrafts (rules+model)', () => {
  test('an unknown rule name takes the type of the model mention overlapping it most, the first on ties', () => {
    const rules = [draft(10, 20, 'PER', 'caps'), draft(40, 44, 'PER', 'caps')];
    const model = [draft(0, 5, 'ORG', 'model'), draft(8, 15, 'LOC', 'model'), draft(15, 22, 'ORG', 'model'), draft(60, 70, 'MISC', 'model')];
    assert.deepEqual(summary(combineDrafts(ctx, model, rules)), [
      '0-5 ORG model',
      '10-20 LOC caps+model',
      '60-70 MISC model',
    ]);
  });

  test('model mentions out of order read the same as in order', () => {
    const rules = [draft(10, 20, 'PER', 'caps'), draft(30, 34, 'PER', 'caps:title')];
    const model = [draft(12, 18, 'ORG', 'model'), draft(50, 55, 'LOC', 'model'), draft(31, 33, 'LOC', 'model')];
    const inOrder = [model[0]!, model[2]!, model[1]!];
    const expected = ['10-20 ORG caps+model', '30-34 PER caps:title', '50-55 LOC model'];
    assert.deepEqual(summary(combineDrafts(ctx, model, rules)), expected);
    assert.deepEqual(summary(combineDrafts(ctx, inOrder, rules)), expected);
  });

  test('a model mention inside a long rule mention that starts earlier is not added again', () => {
    const rules = [draft(0, 50, 'ORG', 'caps:org-word'), draft(5, 8, 'PER', 'caps')];
    const model = [draft(30, 35, 'PER', 'model'), draft(60, 65, 'PER', 'model')];
    assert.deepEqual(summary(combineDrafts(ctx, model, rules)), ['0-50 ORG caps:org-word', '60-65 PER model']);
  });
});
