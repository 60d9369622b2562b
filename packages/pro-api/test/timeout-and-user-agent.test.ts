import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProClient, JamfApiError, requestTimeout } from '../src/index.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A server that answers only the paths in `answers`; other requests hang until aborted. */
function server(answers: Record<string, unknown> = {}) {
  const seen: Request[] = [];
  const fetch = (request: Request) => {
    seen.push(request);
    const body = answers[new URL(request.url).pathname];
    if (body !== undefined) return Promise.resolve(Response.json(body));
    return new Promise<Response>((_resolve, reject) => {
      request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
    });
  };
  return { fetch, seen };
}

describe('createProClient timeouts', () => {
  it('a call with no answer in 60 s rejects with JamfApiError TIMEOUT naming method and path', async () => {
    const jamf = server();
    const pro = createProClient({ baseUrl: 'https://jamf.test', fetch: jamf.fetch });
    const outcome = pro
      .GET('/v1/computers-inventory-detail/{id}', { params: { path: { id: '7' } } })
      .catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(jamf.seen[0]?.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(JamfApiError);
    expect(error).toMatchObject({
      code: 'TIMEOUT',
      status: 0,
      url: 'https://jamf.test/api/v1/computers-inventory-detail/7',
      message: 'GET /api/v1/computers-inventory-detail/7: no answer within 60000 ms',
    });
  });

  it('timeoutMs sets the client default; requestTimeout(ms) one call’s; the caller’s signal still aborts', async () => {
    const jamf = server();
    const pro = createProClient({
      baseUrl: 'https://jamf.test',
      fetch: jamf.fetch,
      timeoutMs: 1_000,
    });
    const short = pro.GET('/v1/jamf-pro-version').catch((e: unknown) => e);
    const long = pro
      .GET('/v1/jamf-pro-version', { headers: requestTimeout(10_000) })
      .catch((e: unknown) => e);
    const controller = new AbortController();
    const cancelled = pro
      .GET('/v1/jamf-pro-version', { signal: controller.signal })
      .catch((e: unknown) => e);
    controller.abort(new Error('cancelled by the user'));
    expect(await cancelled).toMatchObject({ message: 'cancelled by the user' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await short).toMatchObject({ code: 'TIMEOUT' });
    await vi.advanceTimersByTimeAsync(8_999);
    expect(jamf.seen[1]?.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await long).toMatchObject({
      code: 'TIMEOUT',
      message: expect.stringContaining('10000 ms'),
    });
  });

  it('refuses a timeout that is not whole milliseconds', () => {
    expect(() => createProClient({ baseUrl: 'https://jamf.test', timeoutMs: -5 })).toThrow(
      expect.objectContaining({ name: 'TimeoutOptionError', code: 'INVALID_TIMEOUT' }),
    );
  });
});

describe('createProClient User-Agent', () => {
  it('sends jamf-sdk-ts/<version> (@jamf/pro-api) node/<version> by default; userAgent replaces or drops it', async () => {
    const jamf = server({ '/api/v1/jamf-pro-version': { version: '11.30.1' } });
    const agents = async (userAgent?: string | false) => {
      const pro = createProClient({
        baseUrl: 'https://jamf.test',
        fetch: jamf.fetch,
        ...(userAgent === undefined ? {} : { userAgent }),
      });
      await pro.GET('/v1/jamf-pro-version');
      return jamf.seen.at(-1)?.headers.get('user-agent');
    };
    expect(await agents()).toMatch(
      new RegExp(`^jamf-sdk-ts/\\S+ \\(@jamf/pro-api\\) node/${process.versions.node}$`),
    );
    expect(await agents('inventory-sync/2.0')).toBe('inventory-sync/2.0');
    expect(await agents(false)).toBeNull();
  });

  it("lets the client's headers and a call's headers name their own User-Agent", async () => {
    const jamf = server({ '/api/v1/jamf-pro-version': { version: '11.30.1' } });
    const sent = () => jamf.seen.at(-1)?.headers.get('user-agent');
    for (const headers of [
      { 'User-Agent': 'from-options/1.0' },
      new Headers({ 'user-agent': 'from-options/1.0' }),
    ]) {
      const pro = createProClient({ baseUrl: 'https://jamf.test', fetch: jamf.fetch, headers });
      await pro.GET('/v1/jamf-pro-version');
      expect(sent()).toBe('from-options/1.0');
    }
    const pro = createProClient({
      baseUrl: 'https://jamf.test',
      fetch: jamf.fetch,
      headers: { 'x-team': 'macops' },
    });
    await pro.GET('/v1/jamf-pro-version', { headers: { 'user-agent': 'one-call/1.0' } });
    expect(sent()).toBe('one-call/1.0');
    await pro.GET('/v1/jamf-pro-version');
    expect(sent()).toMatch(/^jamf-sdk-ts\//);
    expect(jamf.seen.at(-1)?.headers.get('x-team')).toBe('macops');
  });
});

describe('createProClient middleware', () => {
  it('a middleware may hand back a Request of its own, and it is the one sent', async () => {
    const sent: Request[] = [];
    const pro = createProClient({
      baseUrl: 'https://jamf.test',
      fetch: async (request) => {
        sent.push(request);
        return Response.json({ version: '11.30.1' });
      },
      middleware: [
        {
          onRequest({ request }) {
            const headers = new Headers(request.headers);
            headers.set('x-trace', 'abc');
            return new Request(request, { headers });
          },
        },
      ],
    });
    const { data } = await pro.GET('/v1/jamf-pro-version');
    expect(data?.version).toBe('11.30.1');
    expect(sent[0]?.headers.get('x-trace')).toBe('abc');
  });
});
