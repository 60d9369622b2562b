import { describe, expect, it } from 'vitest';
import { logRequests, ObservabilityError } from '../src/index.js';
import { otelFetch, otelMiddleware } from '../src/otel/index.js';

function codeOf(make: () => unknown): string {
  try {
    make();
  } catch (error) {
    if (error instanceof ObservabilityError) return error.code;
    throw new Error(`expected an ObservabilityError, got ${String(error)}`);
  }
  throw new Error('expected a refusal, nothing was thrown');
}

const fetchImpl: typeof fetch = async () => new Response('{}');

describe('otelMiddleware and otelFetch refuse options of the wrong kind when made', () => {
  const cases: Array<[string, unknown]> = [
    ['null options', null],
    ['options that are a number', 5],
    ['a tracerProvider without getTracer', { tracerProvider: 5 }],
    ['a propagate that is not a boolean', { propagate: 'no' }],
  ];
  it.each(cases)('%s: INVALID_OPTIONS, not a TypeError', (_, options) => {
    expect(codeOf(() => otelMiddleware(options as never))).toBe('INVALID_OPTIONS');
    expect(codeOf(() => otelFetch(fetchImpl, options as never))).toBe('INVALID_OPTIONS');
  });

  it('otelFetch of no fetch, or with a route that is not a function: INVALID_OPTIONS when made', () => {
    expect(codeOf(() => otelFetch(5 as never))).toBe('INVALID_OPTIONS');
    expect(codeOf(() => otelFetch(fetchImpl, { route: 5 as never }))).toBe('INVALID_OPTIONS');
  });
});

describe('logRequests never takes a credential header for a request id', () => {
  it.each(['authorization', 'Cookie', 'set-cookie', 'Proxy-Authorization'])(
    'requestIdHeaders: [%s] is INVALID_OPTIONS (its value would be logged)',
    (name) => {
      expect(codeOf(() => logRequests({ log: () => {}, requestIdHeaders: [name] }))).toBe(
        'INVALID_OPTIONS',
      );
    },
  );

  it('wrap and countAttempts of something not a function: INVALID_OPTIONS when wrapping', () => {
    const layer = logRequests({ log: () => {} });
    expect(codeOf(() => layer.wrap(5 as never))).toBe('INVALID_OPTIONS');
    expect(codeOf(() => layer.countAttempts(5 as never))).toBe('INVALID_OPTIONS');
  });
});
