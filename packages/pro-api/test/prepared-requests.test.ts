import { retry, stickySession } from '@jamf/auth/resilience';
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
});
