import { authMiddleware, clientCredentials, withAuth } from '@jamf/auth';
import { createClassicClient } from '@jamf/classic-api';
import { createProClient } from '@jamf/pro-api';
import { describe, expect, it } from 'vitest';

/** Answers token, version and Classic category requests, and records each User-Agent. */
function recordingServer() {
  const agents: Array<[string, string | null]> = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname;
    agents.push([path, request.headers.get('user-agent')]);
    if (path === '/api/oauth/token') {
      return Response.json({ access_token: 'ua-token', token_type: 'Bearer', expires_in: 599 });
    }
    if (path === '/JSSResource/categories') return Response.json({ categories: [] });
    return Response.json({ version: '11.30.1' });
  };
  return { fetch: fetch as typeof globalThis.fetch, agents };
}

const node = process.versions.node;

describe('docs/user-agent.md', () => {
  it('by default each package names itself: token requests, Pro and Classic calls', async () => {
    const server = recordingServer();
    await using jamf = clientCredentials({
      baseUrl: 'https://jamf.test',
      clientId: 'c',
      clientSecret: 's',
      fetch: server.fetch,
    });
    const pro = createProClient({
      baseUrl: jamf.origin,
      fetch: server.fetch,
      middleware: [authMiddleware(jamf)],
    });
    const classic = createClassicClient({
      baseUrl: jamf.origin,
      fetch: withAuth(server.fetch, jamf),
    });
    await pro.GET('/v1/jamf-pro-version');
    await classic.categories.list();
    expect(server.agents.map(([path]) => path)).toEqual([
      '/api/oauth/token',
      '/api/v1/jamf-pro-version',
      '/JSSResource/categories',
    ]);
    const [token, proCall, classicCall] = server.agents.map(([, agent]) => agent);
    expect(token).toMatch(
      new RegExp(`^jamf-sdk-ts/\\d+\\.\\d+\\.\\d+\\S* \\(@jamf/auth\\) node/${node}$`),
    );
    expect(proCall).toMatch(new RegExp(`^jamf-sdk-ts/\\S+ \\(@jamf/pro-api\\) node/${node}$`));
    expect(classicCall).toMatch(
      new RegExp(`^jamf-sdk-ts/\\S+ \\(@jamf/classic-api\\) node/${node}$`),
    );
  });

  it('the built packages carry their own version', async () => {
    const server = recordingServer();
    await createProClient({ baseUrl: 'https://jamf.test', fetch: server.fetch }).GET(
      '/v1/jamf-pro-version',
    );
    const { version } = (await import('@jamf/pro-api/package.json', { with: { type: 'json' } }))
      .default;
    expect(server.agents[0]?.[1]).toBe(`jamf-sdk-ts/${version} (@jamf/pro-api) node/${node}`);
  });

  it('userAgent replaces it everywhere, and false sends none of ours', async () => {
    const server = recordingServer();
    const userAgent = 'inventory-sync/2.1';
    await using jamf = clientCredentials({
      baseUrl: 'https://jamf.test',
      clientId: 'c',
      clientSecret: 's',
      fetch: server.fetch,
      userAgent,
    });
    const pro = createProClient({
      baseUrl: jamf.origin,
      fetch: server.fetch,
      userAgent,
      middleware: [authMiddleware(jamf)],
    });
    await pro.GET('/v1/jamf-pro-version');
    await createClassicClient({
      baseUrl: jamf.origin,
      fetch: server.fetch,
      userAgent: false,
    }).categories.list();
    expect(server.agents.map(([, agent]) => agent)).toEqual([userAgent, userAgent, null]);
  });
});
