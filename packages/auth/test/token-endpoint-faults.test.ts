import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  clientCredentials,
  isJamfAuthError,
  type JamfAuthError,
  type JamfAuthErrorCode,
  userCredentials,
} from '../src/index.js';
import { type FakeJamf, gate, json, manualClock, startFakeJamf } from './support/fake-jamf.js';

let jamf: FakeJamf;
afterEach(async () => {
  vi.useRealTimers();
  await jamf.close();
});

const TOKEN = '/api/v1/auth/token';

function countingFetch() {
  const counter = { calls: 0 };
  const fetchImpl: typeof fetch = (input, init) => {
    counter.calls += 1;
    return fetch(input, init);
  };
  return { counter, fetchImpl };
}

function provider(extra: Partial<Parameters<typeof userCredentials>[0]> = {}) {
  return userCredentials({
    baseUrl: jamf.url,
    username: 'admin',
    password: 'correct horse',
    ...extra,
  });
}

async function failure(promise: Promise<unknown>): Promise<JamfAuthError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isJamfAuthError(error)) throw new Error(`expected a JamfAuthError, got ${String(error)}`);
  return error;
}

const answers: Array<[string, (res: ServerResponse) => void, JamfAuthErrorCode]> = [
  ['HTTP 500', (res) => res.writeHead(500).end('oops'), 'TOKEN_ENDPOINT_ERROR'],
  [
    'an HTML page',
    (res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Maintenance</body></html>');
    },
    'TOKEN_RESPONSE_INVALID',
  ],
  [
    'invalid JSON',
    (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"token": "abc", "expires":');
    },
    'TOKEN_RESPONSE_INVALID',
  ],
  ['JSON without a token', (res) => json(res, 200, { expires: 'soon' }), 'TOKEN_RESPONSE_INVALID'],
  [
    'a redirect',
    (res) => res.writeHead(302, { location: 'https://elsewhere.example/login' }).end(),
    'TOKEN_ENDPOINT_ERROR',
  ],
  ['HTTP 401 (bad password)', (res) => json(res, 401, {}), 'INVALID_CREDENTIALS'],
];

describe('token endpoint fault matrix', () => {
  it.each(answers)('%s → one typed error after one call', async (_name, answer, code) => {
    jamf = await startFakeJamf();
    jamf.overrides.set(TOKEN, (_req, res) => answer(res));
    const error = await failure(provider().getToken());
    expect(error.code).toBe(code);
    expect(jamf.count(TOKEN)).toBe(1);
  });

  it('network error → TOKEN_ENDPOINT_UNREACHABLE after one attempt', async () => {
    jamf = await startFakeJamf();
    const deadUrl = jamf.url;
    await jamf.close();
    jamf = await startFakeJamf();
    const { counter, fetchImpl } = countingFetch();
    const error = await failure(
      userCredentials({
        baseUrl: deadUrl,
        username: 'a',
        password: 'b',
        fetch: fetchImpl,
      }).getToken(),
    );
    expect(error.code).toBe('TOKEN_ENDPOINT_UNREACHABLE');
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(counter.calls).toBe(1);
  });

  it('timeout → TIMEOUT through AbortSignal after one call', async () => {
    jamf = await startFakeJamf();
    const held = gate();
    jamf.holds.set(TOKEN, held.wait);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const arrived = jamf.nextRequest(TOKEN);
    let settled = false;
    const pending = failure(provider({ timeoutMs: 10_000 }).getToken()).finally(() => {
      settled = true;
    });
    await arrived;
    vi.advanceTimersByTime(9_999);
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    expect(jamf.count(TOKEN)).toBe(1);
    vi.advanceTimersByTime(1);
    const error = await pending;
    expect(error.code).toBe('TIMEOUT');
    expect(jamf.count(TOKEN)).toBe(1);
    held.open();
  });

  it('429 with Retry-After seconds → RATE_LIMITED, no further calls until it has passed', async () => {
    jamf = await startFakeJamf();
    const clock = manualClock();
    jamf.overrides.set(TOKEN, (_req, res) => {
      res.writeHead(429, { 'retry-after': '30' }).end();
    });
    const p = provider({ now: clock.now });
    const first = await failure(p.getToken());
    expect(first).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 30_000, status: 429 });
    clock.advance(29_000);
    const second = await failure(p.getToken());
    expect(second).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 1_000 });
    expect(jamf.count(TOKEN)).toBe(1);
    jamf.overrides.delete(TOKEN);
    clock.advance(1_000);
    await expect(p.getToken()).resolves.toMatchObject({ type: 'user' });
    expect(jamf.count(TOKEN)).toBe(2);
  });

  it('429 with an HTTP-date Retry-After is read against the injected clock', async () => {
    jamf = await startFakeJamf();
    const clock = manualClock(Date.UTC(2026, 0, 1, 12, 0, 0));
    jamf.overrides.set(TOKEN, (_req, res) => {
      res.writeHead(429, { 'retry-after': new Date(Date.UTC(2026, 0, 1, 12, 2, 0)).toUTCString() });
      res.end();
    });
    const error = await failure(provider({ now: clock.now }).getToken());
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 120_000 });
  });

  it('OAuth: a 500 on the first path is final (no fallback), one call', async () => {
    jamf = await startFakeJamf();
    jamf.overrides.set('/api/oauth/token', (_req, res) => {
      res.writeHead(500).end();
    });
    const error = await failure(
      clientCredentials({
        baseUrl: jamf.url,
        clientId: 'client-1',
        clientSecret: 'shh-client-secret',
      }).getToken(),
    );
    expect(error.code).toBe('TOKEN_ENDPOINT_ERROR');
    expect(jamf.calls).toHaveLength(1);
  });

  it('keep-alive and credentials both refused → callers keep the valid token, then one INVALID_CREDENTIALS', async () => {
    jamf = await startFakeJamf();
    const clock = manualClock();
    const reported: unknown[] = [];
    const p = provider({ now: clock.now, onBackgroundError: (e) => reported.push(e) });
    const first = await p.getToken();
    jamf.live.delete(first.token);
    jamf.overrides.set(TOKEN, (_req, res) => json(res, 401, {}));
    clock.advance(1_170_000); // 30 s left: inside the window
    expect((await p.getToken()).token).toBe(first.token);
    await expect.poll(() => reported.length).toBe(1);
    expect(isJamfAuthError(reported[0], 'INVALID_CREDENTIALS')).toBe(true);
    expect(jamf.calls.map((c) => c.path)).toEqual([TOKEN, '/api/v1/auth/keep-alive', TOKEN]);
    clock.advance(26_000); // 4 s left: below the 5 s margin, callers must wait
    const error = await failure(p.getToken());
    expect(error.code).toBe('INVALID_CREDENTIALS');
    expect(jamf.calls.map((c) => c.path)).toEqual([TOKEN, '/api/v1/auth/keep-alive', TOKEN, TOKEN]);
  });

  it('keep-alive refused inside the window → new token from the credentials', async () => {
    jamf = await startFakeJamf();
    const clock = manualClock();
    const p = provider({ now: clock.now });
    const first = await p.getToken();
    jamf.overrides.set('/api/v1/auth/keep-alive', (_req, res) => json(res, 403, {}));
    clock.advance(1_170_000);
    await p.getToken();
    await expect.poll(async () => (await p.getToken()).token).not.toBe(first.token);
    expect(jamf.calls.map((c) => c.path)).toEqual([TOKEN, '/api/v1/auth/keep-alive', TOKEN]);
  });

  it.each([
    ['behind', -2 * 3600_000],
    ['ahead', 2 * 3600_000],
  ])('clock skew (server clock 2 h %s) → a usable token, one call', async (_where, offset) => {
    jamf = await startFakeJamf({ serverClockOffsetMs: offset, userLifetimeSeconds: 1200 });
    const p = provider();
    const token = await p.getToken();
    expect(token.secondsRemaining(Date.now())).toBeGreaterThan(1190);
    expect(token.secondsRemaining(Date.now())).toBeLessThanOrEqual(1201);
    await p.getToken();
    expect(jamf.count(TOKEN)).toBe(1);
  });

  it('clock skew without a Date header: an already-expired expiry is one typed error', async () => {
    jamf = await startFakeJamf();
    jamf.overrides.set(TOKEN, (_req, res) => {
      res.sendDate = false;
      json(res, 200, { token: 'stale', expires: new Date(Date.now() - 60_000).toISOString() });
    });
    const error = await failure(provider().getToken());
    expect(error.code).toBe('TOKEN_RESPONSE_INVALID');
    expect(jamf.count(TOKEN)).toBe(1);
  });
});
