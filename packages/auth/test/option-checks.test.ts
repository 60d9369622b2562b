import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  clientCredentials,
  defaultRefreshPolicy,
  isJamfAuthError,
  type JamfAuthError,
  userCredentials,
  withAuth,
} from '../src/index.js';
import { legacyUserCredentials } from '../src/legacy-user-credentials.js';
import { ResilienceOptionError, retry, stickySession } from '../src/resilience/index.js';
import { fromEnv } from '../src/sources/index.js';
import { staticToken } from '../src/static-token.js';
import { fileTokenStore } from '../src/stores/file-store.js';

const baseUrl = 'https://jamf.example.com';
const user = { baseUrl, username: 'admin', password: 'correct horse' };

afterEach(() => {
  vi.useRealTimers();
});

/** The error `make` throws, checked to be a JamfAuthError. */
function thrown(make: () => unknown): JamfAuthError {
  let caught: unknown;
  try {
    make();
  } catch (error) {
    caught = error;
  }
  if (!isJamfAuthError(caught)) throw new Error(`expected a JamfAuthError, got ${String(caught)}`);
  return caught;
}

/** A token endpoint that answers once `release()` is called, or fails when its request is aborted. */
function heldTokenEndpoint() {
  let release = () => {};
  let called = () => {};
  const sent = new Promise<void>((resolve) => {
    called = resolve;
  });
  const answered = new Promise<void>((resolve) => {
    release = resolve;
  });
  const fetchImpl = async (_input: RequestInfo | URL, init?: RequestInit) => {
    const aborted = new Promise<never>((_, reject) => {
      init?.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
    });
    called();
    await Promise.race([answered, aborted]);
    return new Response(
      JSON.stringify({ token: 'tok-1', expires: new Date(Date.now() + 1_800_000).toISOString() }),
      { status: 200, headers: { 'content-type': 'application/json' } },
    );
  };
  return { fetchImpl, sent, release: () => release() };
}

describe('provider options of the wrong kind are refused when the provider is made', () => {
  const bad: Array<[string, Record<string, unknown>]> = [
    ['timeoutMs NaN', { timeoutMs: Number.NaN }],
    ['timeoutMs negative', { timeoutMs: -1 }],
    ['timeoutMs fractional', { timeoutMs: 1.5 }],
    ['timeoutMs Infinity', { timeoutMs: Number.POSITIVE_INFINITY }],
    ['timeoutMs a string', { timeoutMs: '100' }],
    ['fetch not a function', { fetch: 'fetch' }],
    ['now not a function', { now: 5 }],
    ['onBackgroundError not a function', { onBackgroundError: {} }],
    ['store without methods', { store: {} }],
    ['refreshPolicy without decide', { refreshPolicy: 5 }],
  ];
  for (const [name, extra] of bad) {
    it(`${name}: INVALID_OPTIONS from userCredentials, clientCredentials and legacyUserCredentials`, () => {
      const makers = [
        () => userCredentials({ ...user, ...extra } as never),
        () => legacyUserCredentials({ ...user, ...extra } as never),
        () =>
          clientCredentials({ baseUrl, clientId: 'id', clientSecret: 's3cret', ...extra } as never),
      ];
      for (const make of makers) {
        const error = thrown(make);
        expect(error.code).toBe('INVALID_OPTIONS');
        expect(error.message).not.toContain('correct horse');
        expect(error.message).not.toContain('s3cret');
      }
    });
  }

  it('no options object at all: INVALID_OPTIONS, not a TypeError', () => {
    expect(thrown(() => userCredentials(undefined as never)).code).toBe('INVALID_OPTIONS');
    expect(thrown(() => clientCredentials(null as never)).code).toBe('INVALID_OPTIONS');
  });

  it('a scope that is not a string, or a legacy scheme not offered: INVALID_OPTIONS', () => {
    const scope = () =>
      clientCredentials({ baseUrl, clientId: 'id', clientSecret: 's', scope: 5 as never });
    expect(thrown(scope).code).toBe('INVALID_OPTIONS');
    const scheme = () =>
      legacyUserCredentials({ ...user, authorizationScheme: 'Bearer\r\nX: 1' as never });
    expect(thrown(scheme).code).toBe('INVALID_OPTIONS');
  });

  it('timeoutMs 0 means no timeout, as for the clients: a slow token request still succeeds', async () => {
    vi.useFakeTimers();
    const endpoint = heldTokenEndpoint();
    const provider = userCredentials({ ...user, timeoutMs: 0, fetch: endpoint.fetchImpl });
    const token = provider.getToken();
    await endpoint.sent;
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    endpoint.release();
    expect((await token).token).toBe('tok-1');
    await provider.close({ invalidate: false });
  });
});

describe('defaultRefreshPolicy refuses windows that make no sense', () => {
  const bad: Array<[string, Record<string, unknown>]> = [
    ['a negative window', { userRefreshWindowSeconds: -1 }],
    ['a NaN margin', { expiryMarginSeconds: Number.NaN }],
    ['an infinite OAuth window', { oauthMaxRefreshWindowSeconds: Number.POSITIVE_INFINITY }],
    ['a fraction above 1', { oauthRefreshFraction: 5 }],
    ['a fraction that is a string', { oauthRefreshFraction: '0.2' }],
  ];
  for (const [name, options] of bad) {
    it(`${name}: INVALID_OPTIONS`, () => {
      expect(thrown(() => defaultRefreshPolicy(options as never)).code).toBe('INVALID_OPTIONS');
    });
  }

  it('accepts the documented ranges', () => {
    expect(() =>
      defaultRefreshPolicy({ userRefreshWindowSeconds: 0, oauthRefreshFraction: 1 }),
    ).not.toThrow();
  });
});

describe('staticToken refuses what would fail only when the token is sent', () => {
  const token = 'SECRET-TOKEN-1234';

  it('a token with CR/LF: INVALID_OPTIONS that never quotes the token (fetch would)', async () => {
    const error = thrown(() => staticToken(`${token}\r\nX-Injected: 1`, { baseUrl }));
    expect(error.code).toBe('INVALID_OPTIONS');
    for (const view of [error.message, String(error), error.stack ?? '', inspect(error)]) {
      expect(view).not.toContain(token);
    }
  });

  it('a token with spaces or non-ASCII: INVALID_OPTIONS', () => {
    expect(thrown(() => staticToken('two words', { baseUrl })).code).toBe('INVALID_OPTIONS');
    expect(thrown(() => staticToken('tökén', { baseUrl })).code).toBe('INVALID_OPTIONS');
  });

  it('missing options, an unknown type, a NaN expiry or a scheme with a space: INVALID_OPTIONS', () => {
    const cases = [
      () => staticToken(token, undefined as never),
      () => staticToken(token, { baseUrl, type: 'robot' as never }),
      () => staticToken(token, { baseUrl, expiresAt: Number.NaN }),
      () => staticToken(token, { baseUrl, authorizationScheme: 'Bearer x' }),
    ];
    for (const make of cases) expect(thrown(make).code).toBe('INVALID_OPTIONS');
  });

  it('a valid token is sent as it is', async () => {
    const seen: string[] = [];
    const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new Request(input, init).headers.get('authorization') ?? '');
      return new Response(null, { status: 204 });
    };
    const authed = withAuth(fetchImpl, staticToken(token, { baseUrl, expiresAt: Infinity }));
    expect((await authed(`${baseUrl}/api/v1/auth`)).status).toBe(204);
    expect(seen).toEqual([`Bearer ${token}`]);
  });
});

describe('resilience layers refuse options of the wrong kind when they are made', () => {
  const refused = (make: () => unknown): ResilienceOptionError => {
    try {
      make();
    } catch (error) {
      if (error instanceof ResilienceOptionError) return error;
      throw new Error(`expected a ResilienceOptionError, got ${String(error)}`);
    }
    throw new Error('expected a ResilienceOptionError, nothing was thrown');
  };

  it('a NaN, negative or infinite delay: INVALID_DELAY (a NaN delay was a 1 ms timer)', () => {
    expect(refused(() => retry({ baseDelayMs: Number.NaN })).code).toBe('INVALID_DELAY');
    expect(refused(() => retry({ maxDelayMs: -1 })).code).toBe('INVALID_DELAY');
    expect(refused(() => retry({ baseDelayMs: Number.POSITIVE_INFINITY })).code).toBe(
      'INVALID_DELAY',
    );
  });

  it('lists and functions of another type: INVALID_OPTION, not a TypeError later', () => {
    expect(refused(() => retry({ statuses: '429' as never })).code).toBe('INVALID_OPTION');
    expect(refused(() => retry({ statuses: [429, 1000] })).code).toBe('INVALID_OPTION');
    expect(refused(() => retry({ methods: [5] as never })).code).toBe('INVALID_OPTION');
    expect(refused(() => retry({ sleep: 5 as never })).code).toBe('INVALID_OPTION');
    expect(refused(() => stickySession({ cookieNames: 5 as never })).code).toBe('INVALID_OPTION');
    expect(refused(() => stickySession({ cookieNames: [''] })).code).toBe('INVALID_OPTION');
  });
});

describe('credential sources and the file store refuse what providers would refuse later', () => {
  it('a JAMF_URL with a password in it: INVALID_BASE_URL, the password printed nowhere', () => {
    const env = {
      JAMF_URL: 'https://admin:hunter2-in-url@jamf.example.com',
      JAMF_CLIENT_ID: 'id',
      JAMF_CLIENT_SECRET: 'client-s3cret',
    };
    const error = thrown(() => fromEnv(env));
    expect(error.code).toBe('INVALID_BASE_URL');
    for (const view of [error.message, error.stack ?? '', inspect(error, { depth: 10 })]) {
      expect(view).not.toContain('hunter2-in-url');
      expect(view).not.toContain('client-s3cret');
    }
  });

  it('a JAMF_URL that is not an address: INVALID_BASE_URL when read, plain http still allowed', () => {
    const env = { JAMF_URL: 'not a url', JAMF_USERNAME: 'u', JAMF_PASSWORD: 'p' };
    expect(thrown(() => fromEnv(env)).code).toBe('INVALID_BASE_URL');
    const http = fromEnv({ ...env, JAMF_URL: 'http://jamf.internal:8080' });
    expect(http.baseUrl).toBe('http://jamf.internal:8080');
  });

  it('fileTokenStore without a path: STORE_OPTIONS_INVALID, not a TypeError from node:fs', () => {
    expect(thrown(() => fileTokenStore(5 as never)).code).toBe('STORE_OPTIONS_INVALID');
    expect(thrown(() => fileTokenStore('')).code).toBe('STORE_OPTIONS_INVALID');
  });
});
