import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isVeilleError } from '../../src/core/errors.js';
import { formatDuration, parseDuration } from '../../src/sources/duration.js';
import { FetchError } from '../../src/sources/fetch-error.js';
import { retryAfterSeconds } from '../../src/sources/retry-after.js';
import { BACKOFF_MAX_SECONDS, RETRY_AFTER_MAX_SECONDS, nextPollAfterFailure, nextPollAfterSuccess, retryDelaySeconds } from '../../src/sources/schedule.js';

const now = new Date('2024-03-12T08:00:00.000Z');
const http = (status: number, retryAfter: string | null = null): FetchError => new FetchError('http', `HTTP ${status}`, 'https://a.example/feed', status, retryAfter);

describe('durations', () => {
  test('parse seconds, minutes, hours, days and combinations', () => {
    assert.deepEqual(['30s', '15m', '1h', '1h30m', '2d', ' 15M '].map((d) => parseDuration(d)), [30, 900, 3600, 5400, 172800, 900]);
  });

  test('refuse what is not a duration, and durations out of bounds, with USAGE', () => {
    for (const bad of ['', '15', 'm', '15 minutes', '-5m', '1.5h', '5s', '29s', '8d', 'abc']) {
      assert.throws(() => parseDuration(bad), (e: unknown) => isVeilleError(e) && e.code === 'USAGE', bad);
    }
  });

  test('format as the two largest units', () => {
    assert.deepEqual([0, 45, 240, 5400, 3600, 97205].map(formatDuration), ['0s', '45s', '4m', '1h30m', '1h', '1d3h']);
  });
});

describe('Retry-After', () => {
  test('seconds, or an HTTP date relative to now (past dates are 0)', () => {
    assert.equal(retryAfterSeconds('120', now), 120);
    assert.equal(retryAfterSeconds('Tue, 12 Mar 2024 10:00:00 GMT', now), 7200);
    assert.equal(retryAfterSeconds('Tue, 12 Mar 2024 07:00:00 GMT', now), 0);
  });

  test('absent or unreadable is null', () => {
    for (const bad of [null, undefined, '', 'soon', '-5', '1.5', '2024-03-12T10:00:00Z', 'Tue, 99 Foo 2024 GMT']) assert.equal(retryAfterSeconds(bad, now), null, String(bad));
  });
});

describe('when a source is polled next', () => {
  test('after a success: its interval', () => {
    assert.equal(nextPollAfterSuccess({ everySeconds: 900 }, now).toISOString(), '2024-03-12T08:15:00.000Z');
  });

  test('after failures: exponential backoff from a minute, capped', () => {
    assert.deepEqual([1, 2, 3, 4, 5].map((n) => retryDelaySeconds(n, new Error('x'), now)), [60, 120, 240, 480, 960]);
    assert.equal(retryDelaySeconds(40, new Error('x'), now), BACKOFF_MAX_SECONDS);
    assert.equal(nextPollAfterFailure({ failures: 2 }, http(500), now).toISOString(), '2024-03-12T08:04:00.000Z');
  });

  test('a 429 or 503 is not retried before its Retry-After (seconds or date), capped at a day', () => {
    assert.equal(retryDelaySeconds(1, http(429, '600'), now), 600);
    assert.equal(retryDelaySeconds(1, http(503, 'Tue, 12 Mar 2024 10:00:00 GMT'), now), 7200);
    assert.equal(retryDelaySeconds(1, http(429, '5'), now), 60, 'the backoff when it is longer');
    assert.equal(retryDelaySeconds(1, http(429, String(30 * 86400)), now), RETRY_AFTER_MAX_SECONDS);
    assert.equal(retryDelaySeconds(1, http(500, '600'), now), 60, 'Retry-After counts for 429 and 503 only');
    assert.equal(retryDelaySeconds(1, http(429, 'garbage'), now), 60);
  });
});
