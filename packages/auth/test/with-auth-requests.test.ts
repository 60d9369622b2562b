import { TimedRequest } from '@jamf/core';
import { describe, expect, it } from 'vitest';
import { authMiddleware, withAuth } from '../src/index.js';
import { staticToken } from '../src/static-token.js';

/** A fetch that answers 200 and keeps the requests it was handed. */
function keepingFetch() {
  const seen: Request[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit) => {
    seen.push(input instanceof Request && init === undefined ? input : new Request(input, init));
    return new Response('{}');
  };
  return { fetch, seen };
}

describe('withAuth and the requests it is handed', () => {
  it("never writes the token into a caller's Request; signs a client's own TimedRequest in place", async () => {
    const provider = staticToken('tok-1', { baseUrl: 'https://jamf.test' });
    const server = keepingFetch();
    const send = withAuth(server.fetch, provider);

    const callers = new Request('https://jamf.test/api/v1/sites');
    await send(callers);
    expect(callers.headers.has('authorization')).toBe(false);
    expect(server.seen[0]).not.toBe(callers);
    expect(server.seen[0]?.headers.get('authorization')).toBe('Bearer tok-1');

    const clients = new TimedRequest('https://jamf.test/api/v1/buildings');
    await send(clients);
    expect(server.seen[1]).toBe(clients);
    expect(clients.headers.get('authorization')).toBe('Bearer tok-1');
  });

  it('a provider authorizes a fetch exactly as withAuth does', async () => {
    const provider = staticToken('tok-2', { baseUrl: 'https://jamf.test' });
    const server = keepingFetch();
    await provider.authorize(server.fetch)('https://jamf.test/api/v1/sites');
    await provider.authorize(server.fetch)('https://elsewhere.test/api/v1/sites');
    expect(server.seen.map((r) => r.headers.get('authorization'))).toEqual(['Bearer tok-2', null]);
  });
});

describe('withAuth and authMiddleware refuse arguments of the wrong kind when made', () => {
  it('INVALID_OPTIONS for a missing or partial provider and a fetch that is not a function', () => {
    const provider = staticToken('tok-3', { baseUrl: 'https://jamf.test' });
    const made = [
      () => withAuth(fetch, null as never),
      () => withAuth(fetch, { origin: 'https://jamf.test' } as never),
      () => withAuth('x' as never, provider),
      () => authMiddleware(undefined as never),
    ];
    for (const make of made) {
      expect(make).toThrow(
        expect.objectContaining({ name: 'JamfAuthError', code: 'INVALID_OPTIONS' }),
      );
    }
    expect(() => withAuth(fetch, provider)).not.toThrow();
  });
});
