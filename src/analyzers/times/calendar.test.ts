import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMonths, dayNumber, formatWeek, fromDayNumber, isoWeek, isoWeekday, isValidYmd } from './calendar.js';

test('day numbers round-trip and count from 0001-01-01 (a Monday)', () => {
  assert.equal(dayNumber({ y: 1, m: 1, d: 1 }), 0);
  assert.equal(isoWeekday({ y: 1, m: 1, d: 1 }), 1);
  for (let n = 0; n < 3_652_059; n += 997) assert.equal(dayNumber(fromDayNumber(n)), n);
  assert.deepEqual(fromDayNumber(dayNumber({ y: 9999, m: 12, d: 31 })), { y: 9999, m: 12, d: 31 });
});

test('weekdays agree with the JavaScript calendar', () => {
  const start = Date.UTC(1999, 0, 1);
  for (let i = 0; i < 12000; i += 7) {
    const d = new Date(start + i * 86_400_000);
    const ymd = { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
    assert.equal(isoWeekday(ymd), ((d.getUTCDay() + 6) % 7) + 1);
  }
  assert.equal(isoWeekday({ y: 2023, m: 10, d: 18 }), 3);
});

test('ISO weeks, including the ones that straddle a year', () => {
  assert.deepEqual(isoWeek({ y: 1999, m: 7, d: 9 }), { year: 1999, week: 27 });
  assert.deepEqual(isoWeek({ y: 2021, m: 1, d: 3 }), { year: 2020, week: 53 });
  assert.deepEqual(isoWeek({ y: 2024, m: 12, d: 30 }), { year: 2025, week: 1 });
  assert.equal(formatWeek({ y: 2023, m: 10, d: 18 }), '2023-W42');
});

test('invalid days and month arithmetic at month ends', () => {
  assert.equal(isValidYmd(2023, 2, 29), false);
  assert.equal(isValidYmd(2024, 2, 29), true);
  assert.equal(isValidYmd(2023, 2, 31), false);
  assert.equal(isValidYmd(0, 1, 1), false);
  assert.equal(isValidYmd(10000, 1, 1), false);
  assert.deepEqual(addMonths({ y: 2023, m: 3, d: 31 }, -1), { y: 2023, m: 2, d: 28 });
  assert.deepEqual(addMonths({ y: 2023, m: 1, d: 15 }, -13), { y: 2021, m: 12, d: 15 });
});
