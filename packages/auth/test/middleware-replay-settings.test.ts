import createClient from 'openapi-fetch';
import { afterEach, describe, expect, it } from 'vitest';
import { authMiddleware, userCredentials } from '../src/index.js';
import { type FakeJamf, startFakeJamf } from './support/fake-jamf.js';

let jamf: FakeJamf;
afterEach(async () => {
  await jamf.close();
});

describe('authMiddleware: the replay keeps everything of the first send', () => {
  it('headers set by later middleware, the signal and requestInitExt reach the replay', async () => {
    jamf = await startFakeJamf();
    const provider = userCredentials({
      baseUrl: jamf.url,
      username: 'admin',
      password: 'correct horse',
    });
    const stale = await provider.getToken();
    jamf.live.delete(stale.token);

    // Stands for an undici dispatcher (proxy, private CA): openapi-fetch passes it to fetch only.
    const requestInitExt = { dispatcher: { marker: 'proxy-agent' } };
    const seen: Array<{ ext: unknown; trace: string | null; signal: AbortSignal }> = [];
    const recordingFetch = (request: Request, ext?: unknown) => {
      seen.push({ ext, trace: request.headers.get('x-trace'), signal: request.signal });
      return fetch(request);
    };
    const client = createClient({
      baseUrl: `${jamf.url}/api`,
      fetch: recordingFetch as typeof fetch,
      requestInitExt,
    });
    client.use(authMiddleware(provider, { requestInitExt }), {
      onRequest({ request }) {
        request.headers.set('x-trace', 'abc-123');
        return request;
      },
    });
    const controller = new AbortController();
    const result = await client.POST(
      '/v1/buildings' as never,
      {
        body: { name: 'Lab' } as never,
        signal: controller.signal,
      } as never,
    );

    expect(result.response.status).toBe(200);
    expect(seen).toHaveLength(2);
    expect(seen[0]?.ext).toBe(requestInitExt);
    expect(seen[1]?.ext).toBe(requestInitExt);
    expect(seen.map((s) => s.trace)).toEqual(['abc-123', 'abc-123']);
    controller.abort();
    expect(seen[1]?.signal.aborted).toBe(true);
    const api = jamf.calls.filter((c) => c.path === '/api/v1/buildings');
    expect(api[1]?.body.toString()).toBe('{"name":"Lab"}');
  });
});
