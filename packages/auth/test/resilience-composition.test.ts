import createClient from 'openapi-fetch';
import { afterEach, describe, expect, it } from 'vitest';
import { authMiddleware, clientCredentials, withAuth } from '../src/index.js';
import {
  concurrency,
  retry,
  withConcurrency,
  withRetry,
  withStickySession,
} from '../src/resilience/index.js';
import { type FakeJamf, json, startFakeJamf } from './support/fake-jamf.js';

let jamf: FakeJamf | undefined;
afterEach(async () => {
  await jamf?.close();
  jamf = undefined;
});

/** Serves /api/v1/buildings: a 503 that pins node 4 first, then 200; records what each send carried. */
function flakyBuildings(fake: FakeJamf) {
  const seen: Array<{ authorization?: string; cookie?: string }> = [];
  fake.overrides.set('/api/v1/buildings', (req, res) => {
    seen.push({ authorization: req.headers.authorization, cookie: req.headers.cookie });
    if (seen.length === 1) {
      res.setHeader('set-cookie', 'APBALANCEID=aws.node-4; Path=/');
      return json(res, 503, { httpStatus: 503, errors: [] });
    }
    json(res, 200, { totalCount: 0, results: [] });
  });
  return seen;
}

describe('auth, retry, concurrency and sticky session composed as the README says', () => {
  it('a 503 is retried with the same token and lands on the node that answered', async () => {
    jamf = await startFakeJamf();
    const seen = flakyBuildings(jamf);
    const provider = clientCredentials({
      baseUrl: jamf.url,
      clientId: 'client-1',
      clientSecret: 'shh-client-secret',
    });
    const jamfFetch = withAuth(
      withRetry(withConcurrency(withStickySession(fetch), { max: 5 }), { sleep: async () => {} }),
      provider,
    );

    const response = await jamfFetch(`${jamf.url}/api/v1/buildings`);
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(2);
    expect(seen[0]?.authorization).toBe(`Bearer ${jamf.issued[0]}`);
    expect(seen[1]).toEqual({
      authorization: `Bearer ${jamf.issued[0]}`,
      cookie: 'APBALANCEID=aws.node-4',
    });
    expect(jamf.count('/api/oauth/token')).toBe(1);
    await provider.close();
  });

  it('the openapi-fetch form: limit and sticky session as the client fetch, auth and retry as middleware', async () => {
    jamf = await startFakeJamf();
    const seen = flakyBuildings(jamf);
    const provider = clientCredentials({
      baseUrl: jamf.url,
      clientId: 'client-1',
      clientSecret: 'shh-client-secret',
    });
    const limit = concurrency({ max: 5 });
    const client = createClient<Record<string, never>>({
      baseUrl: `${jamf.url}/api`,
      fetch: limit.wrap(withStickySession(fetch)),
    });
    client.use(authMiddleware(provider), retry({ sleep: async () => {} }));
    // biome-ignore lint/suspicious/noExplicitAny: an untyped path on an empty schema
    const { data, response } = await (client as any).GET('/v1/buildings');
    expect(response.status).toBe(200);
    expect(data).toEqual({ totalCount: 0, results: [] });
    expect(seen[1]).toEqual({
      authorization: `Bearer ${jamf.issued[0]}`,
      cookie: 'APBALANCEID=aws.node-4',
    });
    expect(limit.inFlight).toBe(0);
    await provider.close();
  });
});
