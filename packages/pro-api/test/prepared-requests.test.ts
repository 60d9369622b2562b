import { concurrency, retry, stickySession } from '@jamf/auth/resilience';
import { staticToken } from '@jamf/auth/static-token';
import type { FetchAuthorizer, FetchLayer, Middleware } from '@jamf/core';
import { describe, expect, it } from 'vitest';
import { createProClient, JamfApiError } from '../src/index.js';

const baseUrl = 'https://jamf.test';

/** A transport that answers from `statuses` in turn (200 after them), recording each Request. */
function transport(statuses: number[] = []) {
  const seen: {
    request: Request;
    body: string;
    authorization: string | null;
    cookie: string | null;
  }[] = [];
  const fetch = async (request: Request) => {
    seen.push({
      request,
      body: await request.text(),
      authorization: request.headers.get('authorization'),
      cookie: request.headers.get('cookie'),
    });
    const status = statuses.shift() ?? 200;
    return Response.json(
      status === 200 ? { id: '1', href: 'x' } : { httpStatus: status, errors: [] },
      // The load balancer pins the client to a node (a sticky-session cookie).
      { status, headers: { 'set-cookie': 'APBALANCEID=node-2; Path=/' } },
    );
  };
  return { fetch, seen };
}

const noWait = { sleep: async () => undefined, random: () => 0 };

describe('the requests a client sends through auth and layers', () => {
  it('a PUT retried after a 503 and a POST replayed after a 401 send their bodies again, with the sticky cookie', async () => {
    const jamf = transport([503, 200, 401]);
    const pro = createProClient({
      baseUrl,
      fetch: jamf.fetch,
      auth: staticToken('token-1', { baseUrl }),
      layers: [retry(noWait), stickySession()],
    });
    const body = { name: 'HQ', streetAddress1: '1 Main St' };
    const put = await pro.PUT('/v1/buildings/{id}', { params: { path: { id: '1' } }, body });
    expect(put.response.status).toBe(200);
    // The static token has no other token to replay with: the 401 is refused once, typed.
    await expect(pro.POST('/v1/buildings', { body })).rejects.toMatchObject({
      code: 'UNAUTHORIZED_AFTER_REFRESH',
    });
    expect(jamf.seen.map((sent) => [sent.request.method, JSON.parse(sent.body)])).toEqual([
      ['PUT', body],
      ['PUT', body],
      ['POST', body],
    ]);
    expect(jamf.seen.every((sent) => sent.authorization === 'Bearer token-1')).toBe(true);
    expect(jamf.seen.map((sent) => sent.cookie)).toEqual([
      null,
      'APBALANCEID=node-2',
      'APBALANCEID=node-2',
    ]);
  });

  it('a layer and an auth of your own are handed Requests', async () => {
    const jamf = transport();
    const handed: unknown[] = [];
    const layer: FetchLayer = {
      wrap: (fetch) => (input, init) => {
        handed.push(input);
        return fetch(input, init);
      },
    };
    const auth: FetchAuthorizer = {
      origin: baseUrl,
      authorize: (fetch) => (input, init) => {
        handed.push(input);
        const request = new Request(input, init);
        request.headers.set('authorization', 'Bearer mine');
        return fetch(request);
      },
    };
    const pro = createProClient({ baseUrl, fetch: jamf.fetch, auth, layers: [layer] });
    const { response } = await pro.POST('/v1/buildings', { body: { name: 'HQ' } });
    expect(response.status).toBe(200);
    expect(handed).toHaveLength(2);
    expect(handed.every((input) => input instanceof Request)).toBe(true);
    expect(jamf.seen[0]?.authorization).toBe('Bearer mine');
    expect(JSON.parse(jamf.seen[0]?.body ?? '')).toEqual({ name: 'HQ' });
  });

  it('middleware added with use(), a call’s own middleware and a call’s own fetch see Requests', async () => {
    const jamf = transport();
    const handed: unknown[] = [];
    const watch: Middleware = {
      onRequest({ request }) {
        handed.push(request);
        return undefined;
      },
    };
    const pro = createProClient({ baseUrl, fetch: jamf.fetch });
    await pro.GET('/v1/buildings', { middleware: [watch] });
    // A call's own fetch replaces the client's: it is handed the Request openapi-fetch built.
    const ownFetch = (request: Request) => {
      handed.push(request);
      return jamf.fetch(request);
    };
    await pro.GET('/v1/buildings', { fetch: ownFetch });
    pro.use(watch);
    await pro.GET('/v1/buildings');
    expect(handed).toHaveLength(3);
    expect(handed.every((request) => request instanceof Request)).toBe(true);
  });

  it('a request the platform cannot build rejects with its TypeError, not NETWORK_ERROR', async () => {
    const jamf = transport();
    const pro = createProClient({ baseUrl, fetch: jamf.fetch });
    const call = (pro as unknown as { request: (m: string, p: string) => Promise<unknown> })
      .request;
    const error = await call('CONNECT', '/v1/buildings').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).not.toBeInstanceOf(JamfApiError);
    expect(jamf.seen).toHaveLength(0);
  });

  it('a call the platform refuses to build fails at once, before any retry, as with middleware', async () => {
    const jamf = transport();
    let sleeps = 0;
    const methods = ['GET', 'CONNECT', 'TRACE', 'TRACK', 'BAD METHOD'];
    const layers = [
      retry({ methods, random: () => 0, sleep: async () => void sleeps++ }),
      stickySession(),
    ];
    const auth = staticToken('token-1', { baseUrl });
    // With a fetch of yours, and with the platform's (none of these calls reaches it).
    const pairs = [jamf.fetch, undefined].map((fetch) => [
      loose(createProClient({ baseUrl, fetch, auth, layers })),
      loose(createProClient({ baseUrl, fetch, auth, layers, middleware: [noop] })),
    ]);
    const calls: [string, Record<string, unknown>][] = [
      ['CONNECT', {}],
      ['TRACE', {}],
      ['TRACK', {}],
      ['BAD METHOD', {}],
      ['GET', { redirect: 'bogus' }],
      ['GET', { baseUrl: 'not a url' }],
      ['GET', { baseUrl: 'https://user:secret@jamf.test/api' }],
    ];
    for (const [prepared, reference] of pairs) {
      for (const [method, init] of calls) {
        const expected = await reference?.request(method, '/v1/buildings', init).catch(failure);
        const got = await prepared?.request(method, '/v1/buildings', init).catch(failure);
        expect({ method, init, got }).toEqual({ method, init, got: expected });
        expect(expected).toMatchObject({ name: 'TypeError' });
      }
    }
    expect(sleeps).toBe(0);
    expect(jamf.seen).toHaveLength(0);
  });

  it('a body the caller changes after the call is sent as it was at the call, on a retry too', async () => {
    const jamf = transport([200, 503]);
    const pro = loose(
      createProClient({
        baseUrl,
        fetch: jamf.fetch,
        auth: staticToken('token-1', { baseUrl }),
        // One slot: the calls after the first wait for it, then go.
        layers: [retry(noWait), concurrency({ max: 1 })],
      }),
    );
    const raw = { bodySerializer: (body: unknown) => body };
    const bytes = new Uint8Array([1, 2, 3]);
    const form = new FormData();
    form.set('name', 'first');
    form.set('file', new Blob(['pkg']), 'a.pkg');
    const params = new URLSearchParams({ name: 'first' });
    const sent = Promise.all([
      pro.request('PUT', '/v1/buildings/1', { body: { name: 'HQ' } }),
      pro.request('PUT', '/v1/buildings/1', { body: bytes, ...raw }),
      pro.request('PUT', '/v1/buildings/1', { body: bytes.buffer, ...raw }),
      pro.request('PUT', '/v1/buildings/1', { body: form }),
      pro.request('PUT', '/v1/buildings/1', { body: params, ...raw }),
    ]);
    bytes.fill(9);
    form.set('name', 'second');
    form.delete('file');
    params.set('name', 'second');
    await sent;
    // The bytes are answered 503, and sent again once the others had the slot.
    const bytesSent = String.fromCharCode(1, 2, 3);
    expect(jamf.seen.map((seen) => seen.body.replace(/-+[\w-]*\d+/g, '--b'))).toEqual([
      '{"name":"HQ"}',
      bytesSent,
      bytesSent,
      '--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nfirst\r\n' +
        '--b\r\nContent-Disposition: form-data; name="file"; filename="a.pkg"\r\n' +
        'Content-Type: application/octet-stream\r\n\r\npkg\r\n--b--\r\n',
      'name=first',
      bytesSent,
    ]);
  });
});

/** openapi-fetch's untyped `request`, to send what the typed calls would not compile. */
function loose(client: unknown) {
  return client as {
    request(method: string, path: string, init?: Record<string, unknown>): Promise<unknown>;
  };
}

/** A middleware that does nothing: its client builds every Request as before (the reference). */
const noop: Middleware = { onRequest: () => undefined };

/** What a caller can see of a rejection. */
function failure(error: unknown) {
  const { name, message, cause } = error as Error;
  return { name, message, cause: (cause as Error | undefined)?.message };
}
