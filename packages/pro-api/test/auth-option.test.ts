import { clientCredentials, userCredentials } from '@jamf/auth';
import { concurrency, retry } from '@jamf/auth/resilience';
import { type JamfMockServer, startJamfMockServer } from '@jamf/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientOptionError, createProClient, paginate } from '../src/index.js';

let server: JamfMockServer;
/** A middleware, which is not a fetch layer. */
const authMiddlewareLike = { onRequest: () => undefined };

beforeAll(async () => {
  server = await startJamfMockServer({
    accounts: [{ username: 'admin', password: 'admin-pass', privileges: 'all' }],
  });
});
afterAll(() => server.close());

/** A provider logged in as the mock's admin. */
const admin = () =>
  userCredentials({ baseUrl: server.url, username: 'admin', password: 'admin-pass' });

describe('createProClient({ auth, layers })', () => {
  it('signs every call with the provider’s token and pages with it', async () => {
    server.mock.reset();
    await using jamf = admin();
    const pro = createProClient({ baseUrl: server.url, auth: jamf });
    const { data, response } = await pro.GET('/v1/jamf-pro-version');
    expect(response.status).toBe(200);
    expect(data?.version).toMatch(/^11\./);
    let buildings = 0;
    for await (const _ of paginate(pro, '/v1/buildings')) buildings += 1;
    expect(buildings).toBeGreaterThanOrEqual(0);
  });

  it('after the server drops every token, one call gets a fresh token and is replayed once', async () => {
    server.mock.reset();
    await using jamf = admin();
    const pro = createProClient({ baseUrl: server.url, auth: jamf });
    expect((await pro.GET('/v1/jamf-pro-version')).response.status).toBe(200);
    const first = await jamf.getToken();
    server.mock.expireTokens();
    const { response } = await pro.POST('/v1/buildings', { body: { name: 'Replayed HQ' } });
    expect(response.status).toBe(201);
    expect((await jamf.getToken()).token).not.toBe(first.token);
    const { data } = await pro.GET('/v1/buildings', {
      params: { query: { filter: 'name=="Replayed HQ"' } },
    });
    expect(data?.totalCount).toBe(1);
  });

  it('layers run inside auth, around each call: a 429 is retried, and at most max calls are in flight', async () => {
    server.mock.reset();
    await using jamf = admin();
    // The transport holds every request until `open()`, counting how many are in flight.
    let inFlight = 0;
    let maxInFlight = 0;
    let open: () => void = () => undefined;
    let held = new Promise<void>((resolve) => {
      open = resolve;
    });
    const transport = async (request: Request) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        await held;
        return await globalThis.fetch(request);
      } finally {
        inFlight -= 1;
      }
    };
    const waits: number[] = [];
    const pro = createProClient({
      baseUrl: server.url,
      auth: jamf,
      fetch: transport,
      layers: [
        retry({
          sleep: async (ms) => {
            waits.push(ms);
          },
        }),
        concurrency({ max: 2 }),
      ],
    });
    open();
    server.mock.faults.add({
      method: 'GET',
      path: '/api/v1/jamf-pro-version',
      status: 429,
      retryAfterSeconds: 1,
      times: 1,
    });
    expect((await pro.GET('/v1/jamf-pro-version')).response.status).toBe(200);
    expect(waits).toEqual([1_000]);

    held = new Promise<void>((resolve) => {
      open = resolve;
    });
    maxInFlight = 0;
    const calls = Array.from({ length: 6 }, () => pro.GET('/v1/jamf-pro-version'));
    while (inFlight < 2) await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    open();
    const statuses = (await Promise.all(calls)).map((result) => result.response.status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    expect(maxInFlight).toBe(2);
  });

  it('refuses a provider for another server, and anything that is not a provider, with ClientOptionError', async () => {
    await using elsewhere = clientCredentials({
      baseUrl: 'https://other.jamfcloud.com',
      clientId: 'id',
      clientSecret: 'never-shown',
    });
    const mismatch = (() => {
      try {
        createProClient({ baseUrl: server.url, auth: elsewhere });
      } catch (error) {
        return error;
      }
    })();
    expect(mismatch).toBeInstanceOf(ClientOptionError);
    expect(mismatch).toMatchObject({ code: 'AUTH_ORIGIN_MISMATCH' });
    expect(String(mismatch)).not.toContain('never-shown');
    for (const bad of [null, 'token', { origin: server.url }, { authorize: () => fetch }]) {
      expect(() =>
        createProClient({ baseUrl: server.url, auth: bad as unknown as typeof elsewhere }),
      ).toThrow(expect.objectContaining({ name: 'ClientOptionError', code: 'INVALID_AUTH' }));
    }
    expect(() =>
      createProClient({ baseUrl: server.url, layers: [retry(), authMiddlewareLike] as never }),
    ).toThrow(expect.objectContaining({ name: 'ClientOptionError', code: 'INVALID_LAYER' }));
  });
});
