import { describe, expect, it } from 'vitest';
import { createClassicClient, type Middleware, MiddlewareError } from '../src/index.js';

const BASE = 'https://jamf.example.test';

describe('middleware', () => {
  it('runs onRequest in order and onResponse in reverse, like openapi-fetch', async () => {
    const order: string[] = [];
    const classic = createClassicClient({
      baseUrl: BASE,
      fetch: async (input) => {
        order.push(`fetch ${new Request(input).headers.get('x-trace')}`);
        return Response.json({ sites: [] });
      },
      middleware: [
        {
          onRequest({ request, schemaPath }) {
            order.push(`first ${schemaPath}`);
            const headers = new Headers(request.headers);
            headers.set('x-trace', 'first');
            return new Request(request, { headers });
          },
          onResponse() {
            order.push('first response');
          },
        },
        {
          onRequest({ request }) {
            order.push(`second sees ${request.headers.get('x-trace')}`);
          },
          onResponse({ response }) {
            order.push('second response');
            return Response.json(
              { sites: [{ id: 1, name: 'Replaced' }] },
              { status: response.status },
            );
          },
        },
      ],
    });
    expect(await classic.sites.list()).toEqual([{ id: 1, name: 'Replaced' }]);
    expect(order).toEqual([
      'first /sites',
      'second sees first',
      'fetch first',
      'second response',
      'first response',
    ]);
  });

  it('skips later onRequest hooks, fetch and every onResponse hook once onRequest answers', async () => {
    const order: string[] = [];
    const classic = createClassicClient({
      baseUrl: BASE,
      fetch: async () => {
        order.push('fetch');
        return Response.json({ sites: [] });
      },
      middleware: [
        {
          onRequest() {
            order.push('first request');
          },
          onResponse() {
            order.push('first response');
            return Response.json({ sites: [{ id: 9, name: 'Rewritten' }] });
          },
        },
        {
          onRequest() {
            order.push('cache answers');
            return Response.json({ sites: [{ id: 1, name: 'Cached' }] });
          },
        },
        {
          onRequest() {
            order.push('third request');
          },
        },
      ],
    });
    expect(await classic.sites.list()).toEqual([{ id: 1, name: 'Cached' }]);
    expect(order).toEqual(['first request', 'cache answers']);
  });

  it('lets onError recover from a failed fetch, then runs onResponse', async () => {
    const order: string[] = [];
    const classic = createClassicClient({
      baseUrl: BASE,
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
      middleware: [
        {
          onResponse() {
            order.push('response');
          },
          onError({ error }) {
            order.push(`recovered ${(error as Error).message}`);
            return Response.json({ sites: [] });
          },
        },
      ],
    });
    expect(await classic.sites.list()).toEqual([]);
    expect(order).toEqual(['recovered fetch failed', 'response']);
  });

  it('rejects a hook result it cannot use with a typed MiddlewareError', async () => {
    const classic = createClassicClient({
      baseUrl: BASE,
      fetch: async () => Response.json({ sites: [] }),
      middleware: [{ onRequest: () => 'not a request' } as unknown as Middleware],
    });
    const failure = classic.sites.list();
    await expect(failure).rejects.toBeInstanceOf(MiddlewareError);
    await expect(failure).rejects.toMatchObject({
      code: 'INVALID_MIDDLEWARE_RESULT',
      hook: 'onRequest',
    });
  });
});
