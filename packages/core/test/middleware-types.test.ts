import type { Middleware as OpenApiFetchMiddleware } from 'openapi-fetch';
import { describe, expectTypeOf, it } from 'vitest';
import type { Middleware } from '../src/index.js';

describe('Middleware', () => {
  it('is interchangeable with openapi-fetch 0.17 middleware', () => {
    expectTypeOf<Middleware>().toExtend<OpenApiFetchMiddleware>();
    expectTypeOf<OpenApiFetchMiddleware>().toExtend<Middleware>();
  });
  it('needs at least one hook', () => {
    expectTypeOf<{ onRequest?: undefined }>().not.toExtend<Middleware>();
  });
});
