import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { isoDate } from './iso-date.js';

describe('isoDate', () => {
  test('ISO dates and timestamps keep the calendar date as written', () => {
    assert.equal(isoDate('2023-10-18'), '2023-10-18');
    assert.equal(isoDate('2023-10-18T23:30:00-04:00'), '2023-10-18');
    assert.equal(isoDate('2023-10-18 08:00'), '2023-10-18');
    assert.equal(isoDate('2023-10'), '2023-10');
    assert.equal(isoDate('2023'), '2023');
    assert.equal(isoDate('20231018'), '2023-10-18');
    assert.equal(isoDate('2023/10/18'), '2023-10-18');
  });

  test('RFC 822 as in RSS', () => {
    assert.equal(isoDate('Wed, 18 Oct 2023 23:30:00 -0400'), '2023-10-18');
    assert.equal(isoDate('5 Mar 2024 10:00 GMT'), '2024-03-05');
  });

  test('a Date object gives its UTC date', () => {
    assert.equal(isoDate(new Date(Date.UTC(2024, 2, 12, 10))), '2024-03-12');
    assert.equal(isoDate(new Date(Number.NaN)), null);
  });

  test('impossible or absent dates give null', () => {
    for (const bad of ['2023-13-01', '2023-02-30', 'yesterday', 'Meeting 12', '', null, undefined]) {
      assert.equal(isoDate(bad), null, String(bad));
    }
  });
});
