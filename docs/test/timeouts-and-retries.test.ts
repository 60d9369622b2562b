import { retry } from '@jamf/auth/resilience';
import { staticToken } from '@jamf/auth/static-token';
import { createClassicClient } from '@jamf/classic-api';
import { createProClient, JamfApiError } from '@jamf/pro-api';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** The first `hangs` sends never get an answer; later ones are answered at once. */
function flakyServer(hangs: number) {
  const sends: string[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    sends.push(`${request.method} ${new URL(request.url).pathname}`);
    if (sends.length > hangs)
      return Promise.resolve(Response.json({ id: '1', version: '11.30.1' }));
    return new Promise<Response>((_resolve, reject) => {
      request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, sends };
}

const noWait = { sleep: async () => undefined, random: () => 0 };

describe('docs/timeouts-and-retries.md', () => {
  it('a GET that timed out is sent again by retry() and succeeds', async () => {
    const jamf = flakyServer(1);
    const provider = staticToken('token', { baseUrl: 'https://jamf.test' });
    const pro = createProClient({
      baseUrl: 'https://jamf.test',
      fetch: jamf.fetch,
      timeoutMs: 1_000,
      auth: provider,
      layers: [retry({ maxAttempts: 3, ...noWait })],
    });
    const call = pro.GET('/v1/jamf-pro-version');
    await vi.advanceTimersByTimeAsync(1_000);
    const { data } = await call;
    expect(data?.version).toBe('11.30.1');
    expect(jamf.sends).toEqual(['GET /api/v1/jamf-pro-version', 'GET /api/v1/jamf-pro-version']);
  });

  it('a POST that timed out is not sent again: the TIMEOUT error reaches the caller', async () => {
    const jamf = flakyServer(1);
    const pro = createProClient({
      baseUrl: 'https://jamf.test',
      fetch: jamf.fetch,
      timeoutMs: 1_000,
      layers: [retry({ maxAttempts: 3, ...noWait })],
    });
    const call = pro
      .POST('/v1/categories', { body: { name: 'Utilities', priority: 9 } })
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1_000);
    const error = await call;
    expect(error).toBeInstanceOf(JamfApiError);
    expect(error).toMatchObject({
      code: 'TIMEOUT',
      message: 'POST /api/v1/categories: no answer within 1000 ms',
    });
    expect(jamf.sends).toHaveLength(1);
  });

  it('without retry() a timed-out GET fails once, and each retry gets a fresh timeout', async () => {
    const once = flakyServer(5);
    const pro = createProClient({
      baseUrl: 'https://jamf.test',
      fetch: once.fetch,
      timeoutMs: 500,
    });
    const call = pro.GET('/v1/jamf-pro-version').catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(500);
    expect(await call).toMatchObject({ code: 'TIMEOUT' });
    expect(once.sends).toHaveLength(1);

    const retried = flakyServer(2);
    const classic = createClassicClient({
      baseUrl: 'https://jamf.test',
      fetch: retried.fetch,
      timeoutMs: 500,
      middleware: [retry({ maxAttempts: 3, ...noWait })],
    });
    const read = classic.request('GET', '/computers/id/{id}', { params: { path: { id: 1 } } });
    await vi.advanceTimersByTimeAsync(499);
    expect(retried.sends).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(500);
    await read;
    expect(retried.sends).toHaveLength(3);
  });
});
