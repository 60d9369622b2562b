import createClient from 'openapi-fetch';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AccessToken,
  authMiddleware,
  clientCredentials,
  type TokenLease,
  type TokenProvider,
  withAuth,
} from '../src/index.js';
import { staticToken } from '../src/static-token.js';
import { type FakeJamf, startFakeJamf } from './support/fake-jamf.js';

let jamf: FakeJamf | undefined;
afterEach(async () => {
  await jamf?.close();
  jamf = undefined;
});

/** A provider that counts how it was asked, with `leaseNow` answering only while `ready`. */
function countingProvider(origin: string) {
  const token = new AccessToken({ type: 'oauth', token: 'tok-1', expiresAt: Date.now() + 3.6e6 });
  const counts = { leaseNow: 0, lease: 0, released: 0 };
  let ready = false;
  const leaseOf = (): TokenLease => ({
    token,
    release: () => {
      counts.released += 1;
    },
  });
  const provider: TokenProvider = {
    kind: 'oauth',
    origin,
    authorizationScheme: 'Bearer',
    getToken: async () => token,
    authorize: (fetch) => withAuth(fetch, provider),
    lease: async () => {
      counts.lease += 1;
      ready = true;
      return leaseOf();
    },
    leaseNow: () => {
      counts.leaseNow += 1;
      return ready ? leaseOf() : undefined;
    },
    invalidate: async () => undefined,
    close: async () => undefined,
    [Symbol.asyncDispose]: async () => undefined,
  };
  return { provider, counts };
}

/** A fetch that answers 200 and records the Authorization header of each request. */
function recordingFetch() {
  const seen: (string | null)[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit) => {
    seen.push(new Request(input, init).headers.get('authorization'));
    return new Response('{}', { headers: { 'content-type': 'application/json' } });
  };
  return { fetch, seen };
}

describe('leaseNow: a usable token without waiting', () => {
  it('authMiddleware and withAuth take the lease leaseNow gives, and await lease() only when it gives none', async () => {
    const origin = 'https://jamf.test';
    for (const wrap of ['middleware', 'withAuth'] as const) {
      const { provider, counts } = countingProvider(origin);
      const server = recordingFetch();
      const send =
        wrap === 'withAuth'
          ? (path: string) => withAuth(server.fetch, provider)(`${origin}${path}`)
          : (() => {
              const client = createClient<Record<string, never>>({
                baseUrl: origin,
                fetch: (request: Request) => server.fetch(request),
              });
              client.use(authMiddleware(provider));
              // biome-ignore lint/suspicious/noExplicitAny: an untyped path for the test
              return (path: string) => (client as any).GET(path);
            })();
      await send('/api/first');
      await send('/api/second');
      await send('/api/third');
      expect(counts, wrap).toEqual({ leaseNow: 3, lease: 1, released: 3 });
      expect(server.seen, wrap).toEqual(['Bearer tok-1', 'Bearer tok-1', 'Bearer tok-1']);
    }
  });

  it('clientCredentials: none before the first token, the cached one after, none once closed', async () => {
    jamf = await startFakeJamf();
    const provider = clientCredentials({
      baseUrl: jamf.url,
      clientId: 'client-1',
      clientSecret: 'shh-client-secret',
    });
    expect(provider.leaseNow?.()).toBeUndefined();
    const token = await provider.getToken();
    const lease = provider.leaseNow?.();
    expect(lease?.token).toBe(token);
    lease?.release();
    await provider.close();
    expect(provider.leaseNow?.()).toBeUndefined();
    expect(jamf.count('/api/oauth/token')).toBe(1);
  });

  it('staticToken: its token at once; closed, the middleware rejects with PROVIDER_CLOSED', async () => {
    const provider = staticToken('static-1', { baseUrl: 'https://jamf.test' });
    expect(provider.leaseNow?.()?.token.token).toBe('static-1');
    await provider.close();
    expect(provider.leaseNow?.()).toBeUndefined();
    const server = recordingFetch();
    await expect(withAuth(server.fetch, provider)('https://jamf.test/api/x')).rejects.toMatchObject(
      { code: 'PROVIDER_CLOSED' },
    );
    expect(server.seen).toEqual([]);
  });
});
