import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClassicApiError, createClassicClient, requestTimeout } from '../src/index.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A server that answers `/JSSResource/categories` and lets every other request hang. */
function server() {
  const seen: Request[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    seen.push(request);
    if (new URL(request.url).pathname === '/JSSResource/categories') {
      return Promise.resolve(Response.json({ categories: [] }));
    }
    return new Promise<Response>((_resolve, reject) => {
      request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

describe('createClassicClient timeouts and User-Agent', () => {
  it('a call with no answer in time rejects with ClassicApiError TIMEOUT naming method and path', async () => {
    const jamf = server();
    const classic = createClassicClient({ baseUrl: 'https://jamf.test', fetch: jamf.fetch });
    const outcome = classic.computers.get({ id: 5 }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(jamf.seen[0]?.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(ClassicApiError);
    expect(error).toMatchObject({
      code: 'TIMEOUT',
      method: 'GET',
      path: '/computers/id/5',
      message: 'GET /computers/id/5: no answer within 60000 ms',
    });
  });

  it('timeoutMs and requestTimeout(ms) set the limit for the client and for one call', async () => {
    const jamf = server();
    const classic = createClassicClient({
      baseUrl: 'https://jamf.test',
      fetch: jamf.fetch,
      timeoutMs: 500,
    });
    const quick = classic.computers.get({ id: 1 }).catch((e: unknown) => e);
    const patient = classic
      .request('GET', '/computers/id/{id}', {
        params: { path: { id: 2 } },
        headers: requestTimeout(5_000),
      })
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(500);
    expect(await quick).toMatchObject({ code: 'TIMEOUT' });
    await vi.advanceTimersByTimeAsync(4_500);
    expect(await patient).toMatchObject({
      code: 'TIMEOUT',
      message: expect.stringContaining('5000 ms'),
    });
  });

  it('sends the SDK User-Agent unless told otherwise', async () => {
    const jamf = server();
    await createClassicClient({
      baseUrl: 'https://jamf.test',
      fetch: jamf.fetch,
    }).categories.list();
    await createClassicClient({
      baseUrl: 'https://jamf.test',
      fetch: jamf.fetch,
      userAgent: 'patch-bot/1.0',
    }).categories.list();
    await createClassicClient({
      baseUrl: 'https://jamf.test',
      fetch: jamf.fetch,
      userAgent: false,
    }).categories.list();
    const agents = jamf.seen.map((r) => r.headers.get('user-agent'));
    expect(agents[0]).toMatch(
      new RegExp(`^jamf-sdk-ts/\\S+ \\(@jamf/classic-api\\) node/${process.versions.node}$`),
    );
    expect(agents.slice(1)).toEqual(['patch-bot/1.0', null]);
  });
});
