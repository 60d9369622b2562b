import { afterEach, describe, expect, it } from 'vitest';
import { clientCredentials, withAuth } from '../src/index.js';
import { withConcurrency, withRetry, withStickySession } from '../src/resilience/index.js';
import { type FakeJamf, json, startFakeJamf } from './fake-jamf.js';

let jamf: FakeJamf | undefined;
afterEach(async () => {
  await jamf?.close();
  jamf = undefined;
});

describe('auth, retry, concurrency and sticky session composed as the README says', () => {
  it('a 503 is retried with the same token and lands on the node that answered', async () => {
    jamf = await startFakeJamf();
    const seen: Array<{ authorization?: string; cookie?: string }> = [];
    jamf.overrides.set('/api/v1/buildings', (req, res) => {
      seen.push({ authorization: req.headers.authorization, cookie: req.headers.cookie });
      if (seen.length === 1) {
        res.setHeader('set-cookie', 'APBALANCEID=aws.node-4; Path=/');
        return json(res, 503, { httpStatus: 503, errors: [] });
      }
      json(res, 200, { totalCount: 0, results: [] });
    });
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
});
