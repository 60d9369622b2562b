import { describe, expect, it } from 'vitest';
import { clientCredentials, type FetchLike, userCredentials } from '../src/index.js';

const baseUrl = 'https://tenant.example.com';
const NOW = Date.UTC(2026, 0, 1);
const now = () => NOW;

/** A token endpoint that answers every request and records each one's `User-Agent`. */
function recordingEndpoint() {
  const userAgents: (string | null)[] = [];
  const fetch: FetchLike = async (input, init) => {
    const request = new Request(input, init);
    userAgents.push(request.headers.get('user-agent'));
    const path = new URL(request.url).pathname;
    if (path.endsWith('/invalidate-token')) return new Response(null, { status: 204 });
    const body = path.endsWith('/oauth/token')
      ? { access_token: 'oauth-token', token_type: 'Bearer', expires_in: 600 }
      : { token: 'user-token', expires: new Date(NOW + 600_000).toISOString() };
    return Response.json(body);
  };
  return { fetch, userAgents };
}

describe('User-Agent of token requests', () => {
  it('names the SDK, @jamf/auth and the runtime by default', async () => {
    const { fetch, userAgents } = recordingEndpoint();
    await clientCredentials({
      baseUrl,
      clientId: 'id',
      clientSecret: 'secret',
      fetch,
      now,
    }).getToken();
    expect(userAgents).toHaveLength(1);
    expect(userAgents[0]).toMatch(/^jamf-sdk-ts\/\S+ \(@jamf\/auth\) node\/\d+\.\d+\.\d+$/);
  });

  it('sends a chosen User-Agent on every request of a user provider, invalidation included', async () => {
    const { fetch, userAgents } = recordingEndpoint();
    const provider = userCredentials({
      baseUrl,
      username: 'admin',
      password: 'pw',
      fetch,
      now,
      userAgent: 'inventory-sync/2.0',
    });
    await provider.getToken();
    await provider.close();
    expect(userAgents).toEqual(['inventory-sync/2.0', 'inventory-sync/2.0']);
  });

  it('sends none of ours with userAgent: false', async () => {
    const { fetch, userAgents } = recordingEndpoint();
    const provider = clientCredentials({
      baseUrl,
      clientId: 'id',
      clientSecret: 'secret',
      fetch,
      now,
      userAgent: false,
    });
    await provider.getToken();
    expect(userAgents).toEqual([null]);
  });
});
