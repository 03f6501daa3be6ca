import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { recordMarks, type Mark } from '../../src/web/marks.js';
import { segmentText } from '../../src/web/segments.js';
import { visitRecord } from '../api/records.js';

const mark = (item: string, start: number, end: number): Mark => ({ item, layer: 'entities', start, end });
const show = (text: string, marks: Mark[]): string[] =>
  segmentText(text.length, marks).map((s) => `${text.slice(s.start, s.end)}|${s.marks.map((m) => m.item).join(',')}`);

describe('segmentText: overlapping spans on flat text', () => {
  test('plain text is one piece', () => {
    assert.deepEqual(show('abc', []), ['abc|']);
  });

  test('nested spans: the innermost comes first', () => {
    assert.deepEqual(show('abcdef', [mark('outer', 0, 6), mark('inner', 2, 4)]), ['ab|outer', 'cd|inner,outer', 'ef|outer']);
  });

  test('crossing spans are cut where they cross', () => {
    assert.deepEqual(show('abcdef', [mark('x', 0, 4), mark('y', 2, 6)]), ['ab|x', 'cd|x,y', 'ef|y']);
  });

  test('identical and touching spans', () => {
    assert.deepEqual(show('abcd', [mark('a', 0, 2), mark('b', 0, 2), mark('c', 2, 4)]), ['ab|a,b', 'cd|c']);
  });

  test('pieces cover the text exactly once', () => {
    const record = visitRecord();
    const segments = segmentText(record.doc.text.length, recordMarks(record));
    assert.equal(segments.map((s) => record.doc.text.slice(s.start, s.end)).join(''), record.doc.text);
    for (let i = 1; i < segments.length; i++) assert.equal(segments[i]?.start, segments[i - 1]?.end);
  });

  test('recordMarks reads every layer and skips spans that do not fit the text', () => {
    const record = visitRecord();
    const items = new Set(recordMarks(record).map((m) => m.item));
    for (const id of ['e1', 'e2', 'e3', 'e4', 'e5', 'q1', 'c1', 'c2', 'v1', 'v2', 't1', 'n1']) assert.ok(items.has(id), id);
    const broken = { ...record, times: [{ ...record.times[0]!, start: 5, end: 99999 }], quantities: 'nope' as never };
    const marks = recordMarks(broken);
    assert.ok(!marks.some((m) => m.item === 't1' || m.layer === 'quantities'));
  });
});
