import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { attributeAgreement, matchSpans, score, scoreByLabel, scoreRow, scoreSpans, sumScores } from './scorer.js';

const s = (start: number, end: number) => ({ start, end });

describe('score', () => {
  test('precision, recall, F1 from counts', () => {
    const r = score(6, 2, 4);
    assert.equal(r.precision, 0.75);
    assert.equal(r.recall, 0.6);
    assert.ok(Math.abs(r.f1 - 2 / 3) < 1e-12);
  });
  test('nothing to find and nothing found is perfect; one side empty is 0', () => {
    assert.deepEqual(score(0, 0, 0), { tp: 0, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 });
    assert.deepEqual(score(0, 0, 3), { tp: 0, fp: 0, fn: 3, precision: 0, recall: 0, f1: 0 });
    assert.deepEqual(score(0, 2, 0), { tp: 0, fp: 2, fn: 0, precision: 0, recall: 0, f1: 0 });
  });
  test('sumScores micro-averages counts', () => {
    assert.deepEqual(sumScores([score(1, 0, 1), score(1, 2, 0)]), score(2, 2, 1));
  });
});

describe('scoreSpans', () => {
  const gold = [s(0, 5), s(6, 10), s(12, 20)];
  const predicted = [s(0, 5), s(6, 9), s(30, 31)];
  test('strict: same start and end', () => {
    assert.deepEqual(scoreSpans(gold, predicted, 'strict'), score(1, 2, 2));
  });
  test('overlap: a shared character', () => {
    assert.deepEqual(scoreSpans(gold, predicted, 'overlap'), score(2, 1, 1));
  });
  test('adjacent spans do not overlap', () => {
    assert.deepEqual(scoreSpans([s(0, 5)], [s(5, 8)], 'overlap'), score(0, 1, 1));
  });
  test('a custom predicate: same start', () => {
    assert.deepEqual(scoreSpans(gold, predicted, (g, p) => g.start === p.start), score(2, 1, 1));
  });
  test('matching is one to one', () => {
    assert.deepEqual(scoreSpans([s(0, 5)], [s(0, 5), s(0, 5)], 'strict'), score(1, 1, 0));
    assert.deepEqual(scoreSpans([s(0, 10)], [s(0, 3), s(4, 8)], 'overlap'), score(1, 1, 0));
    assert.deepEqual(matchSpans([s(0, 10), s(2, 4)], [s(2, 4)], 'overlap'), [[0, 0]]);
  });
  test('zero-width spans (boundaries) match strictly', () => {
    assert.deepEqual(scoreSpans([s(5, 5), s(9, 9)], [s(5, 5)], 'strict'), score(1, 0, 1));
  });
  test('empty inputs', () => {
    assert.deepEqual(scoreSpans([], [], 'strict'), score(0, 0, 0));
    assert.deepEqual(scoreSpans([s(1, 2)], [], 'overlap'), score(0, 0, 1));
  });
});

describe('label-aware scoring', () => {
  const gold = [{ ...s(0, 5), type: 'PER' }, { ...s(6, 10), type: 'ORG' }, { ...s(12, 20), type: 'GPE' }];
  const predicted = [{ ...s(0, 5), type: 'PER' }, { ...s(6, 10), type: 'GPE' }];
  test('a prediction counts only for the same label', () => {
    const { labels, all } = scoreByLabel(gold, predicted, (g) => g.type, (p) => p.type, 'strict');
    assert.deepEqual(Object.keys(labels), ['GPE', 'ORG', 'PER']);
    assert.deepEqual(labels.PER, score(1, 0, 0));
    assert.deepEqual(labels.ORG, score(0, 0, 1));
    assert.deepEqual(labels.GPE, score(0, 1, 1));
    assert.deepEqual(all, score(1, 1, 2));
  });
  test('attribute agreement among matched spans (time values, ranges)', () => {
    const g = [{ ...s(0, 8), value: '2023-10-18', range: { from: 'a', to: 'b' } }, { ...s(10, 14), value: '2023', range: null }];
    const p = [{ ...s(0, 8), value: '2023-10-18', range: { from: 'a', to: 'b' } }, { ...s(10, 14), value: '2024', range: null }];
    assert.deepEqual(attributeAgreement(g, p, (x) => x.value, (x) => x.value), { matched: 2, agree: 1, accuracy: 0.5 });
    assert.deepEqual(attributeAgreement(g, p, (x) => x.range, (x) => x.range), { matched: 2, agree: 2, accuracy: 1 });
    assert.deepEqual(attributeAgreement(g, [], (x) => x.value, (x: { value: string; start: number; end: number }) => x.value), { matched: 0, agree: 0, accuracy: 0 });
  });
  test('scoreRow counts gold and predicted items', () => {
    assert.deepEqual(scoreRow('fr/own', 'PER', score(3, 1, 2)), { set: 'fr/own', metric: 'PER', gold: 5, predicted: 4, precision: 0.75, recall: 0.6, f1: score(3, 1, 2).f1 });
  });
});
