import { describe, expect, it } from 'vitest';
import {
  ClientOptionError,
  composeFetch,
  type FetchAuthorizer,
  type FetchLayer,
  type FetchLike,
} from '../src/index.js';

/** A layer that records its name on the way in and out of each call. */
function tracing(name: string, trace: string[]): FetchLayer {
  return {
    wrap: (fetch) => async (input, init) => {
      trace.push(`${name}>`);
      const response = await fetch(input, init);
      trace.push(`<${name}`);
      return response;
    },
  };
}

function tracingAuth(trace: string[], origin = 'https://jamf.test'): FetchAuthorizer {
  return { origin, authorize: (fetch) => tracing('auth', trace).wrap(fetch) };
}

describe('composeFetch', () => {
  it('puts auth outermost, then the layers in order, then the timed fetch', async () => {
    const trace: string[] = [];
    const timed: FetchLike = async () => {
      trace.push('send');
      return new Response('ok');
    };
    const fetch = composeFetch(timed, {
      auth: tracingAuth(trace),
      layers: [tracing('retry', trace), tracing('limit', trace)],
      serverOrigin: 'https://jamf.test',
    });
    expect(await (await fetch('https://jamf.test/api/x')).text()).toBe('ok');
    expect(trace).toEqual(['auth>', 'retry>', 'limit>', 'send', '<limit', '<retry', '<auth']);
  });

  it('refuses layers that are not fetch layers, naming the one, and an auth for another server', () => {
    const timed: FetchLike = async () => new Response('ok');
    const refusal = (options: Parameters<typeof composeFetch>[1]) => {
      try {
        composeFetch(timed, options);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const serverOrigin = 'https://jamf.test';
    const notAList = refusal({ layers: { wrap: () => timed }, serverOrigin });
    expect(notAList).toBeInstanceOf(ClientOptionError);
    expect(notAList).toMatchObject({ code: 'INVALID_LAYER' });
    const second = refusal({ layers: [tracing('a', []), () => timed], serverOrigin });
    expect(second).toMatchObject({ code: 'INVALID_LAYER', message: /layers\[1\]/ });
    expect(refusal({ auth: { origin: serverOrigin }, serverOrigin })).toMatchObject({
      code: 'INVALID_AUTH',
    });
    expect(refusal({ auth: tracingAuth([], 'https://other.test'), serverOrigin })).toMatchObject({
      code: 'AUTH_ORIGIN_MISMATCH',
    });
    expect(composeFetch(timed, { serverOrigin })).toBe(timed);
  });
});
