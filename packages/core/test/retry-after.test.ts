import { describe, expect, it } from 'vitest';
import { parseRetryAfter, RETRY_AFTER_MAX_MS } from '../src/index.js';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

describe('parseRetryAfter', () => {
  it.each([
    ['0', 0],
    ['5', 5_000],
    [' 120 ', 120_000],
  ])('reads delay-seconds %j', (value, ms) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms);
  });

  it.each([
    ['Thu, 15 Jan 2026 12:00:30 GMT', 30_000],
    ['Thursday, 15-Jan-26 12:01:00 GMT', 60_000],
    ['Thu Jan 15 12:00:10 2026', 10_000],
    ['Thu Jan  1 12:00:00 2026', 0],
  ])('reads the HTTP-date %j from the given clock', (value, ms) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms);
  });

  it('answers 0 for a date already past', () => {
    expect(parseRetryAfter('Wed, 14 Jan 2026 12:00:00 GMT', NOW)).toBe(0);
  });

  it.each([
    null,
    undefined,
    '',
    '   ',
    '-5',
    '1.5',
    '+3',
    '1e3',
    'soon',
    '2026-01-15T12:00:30Z',
    'Thu, 31 Feb 2026 12:00:00 GMT',
    'Thu, 15 Jan 2026 25:00:00 GMT',
    'Thu, 15 Foo 2026 12:00:00 GMT',
    '5 seconds',
  ])('is undefined for %j', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });

  it('caps the delay at an hour by default and at maxMs when given', () => {
    expect(parseRetryAfter('86400', NOW)).toBe(RETRY_AFTER_MAX_MS);
    expect(parseRetryAfter('99999999999999999999999', NOW)).toBe(RETRY_AFTER_MAX_MS);
    expect(parseRetryAfter('Fri, 15 Jan 2027 12:00:00 GMT', NOW)).toBe(RETRY_AFTER_MAX_MS);
    expect(parseRetryAfter('60', NOW, { maxMs: 10_000 })).toBe(10_000);
    expect(parseRetryAfter('60', NOW, { maxMs: 2 ** 40 })).toBe(60_000);
    expect(parseRetryAfter('99999999', NOW, { maxMs: 2 ** 40 })).toBe(2 ** 31 - 1);
  });
});
