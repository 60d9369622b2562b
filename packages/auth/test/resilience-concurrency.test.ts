import type { ServerResponse } from 'node:http';
import createClient from 'openapi-fetch';
import { afterEach, describe, expect, it } from 'vitest';
import { concurrency } from '../src/resilience/index.js';
import { type LocalServer, startLocalServer } from './support/resilience-local-server.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server that never answers until told to; `arrived` resolves once `n` requests are held. */
async function holdingServer() {
  const held: ServerResponse[] = [];
  let notify: (() => void) | undefined;
  let wanted = 0;
  server = await startLocalServer((_seen, res) => {
    held.push(res);
    if (held.length >= wanted) notify?.();
  });
  return {
    url: server.url,
    held,
    arrived: (n: number) =>
      new Promise<void>((resolve) => {
        wanted = n;
        notify = resolve;
        if (held.length >= n) resolve();
      }),
  };
}

describe('concurrency()', () => {
  /**
   * Holds every request; answers one at a time once `max` are held, so a limiter that let more
   * through would show more than `max` in flight at the server.
   */
  async function drain(
    s: Awaited<ReturnType<typeof holdingServer>>,
    max: number,
    total: number,
  ): Promise<number> {
    let answered = 0;
    let maxInFlight = 0;
    while (answered < total) {
      await s.arrived(Math.min(answered + max, total));
      maxInFlight = Math.max(maxInFlight, s.held.length - answered);
      s.held[answered]!.end(`ok ${answered}`);
      answered++;
    }
    return maxInFlight;
  }

  it('keeps at most `max` requests in flight at the server (fetch wrapper)', async () => {
    const s = await holdingServer();
    const sent: Request[] = [];
    const limit = concurrency({ max: 5 });
    const fetch = limit.wrap((request) => {
      sent.push(request as Request);
      return globalThis.fetch(request);
    });
    const all = Promise.all(Array.from({ length: 12 }, (_, i) => fetch(`${s.url}/r/${i}`)));
    await s.arrived(5);
    expect(sent).toHaveLength(5);
    expect(limit.inFlight).toBe(5);
    expect(await drain(s, 5, 12)).toBe(5);
    expect(await all).toHaveLength(12);
    expect(s.held).toHaveLength(12);
    expect(limit.inFlight).toBe(0);
  });

  it('keeps at most `max` in flight as openapi-fetch middleware', async () => {
    const s = await holdingServer();
    const limit = concurrency({ max: 3 });
    const client = createClient<Record<string, never>>({ baseUrl: s.url });
    client.use(limit);
    const all = Promise.all(
      // biome-ignore lint/suspicious/noExplicitAny: an untyped path on an empty schema
      Array.from({ length: 10 }, () => (client as any).GET('/x', { parseAs: 'text' })),
    );
    await s.arrived(3);
    expect(limit.inFlight).toBe(3);
    expect(await drain(s, 3, 10)).toBe(3);
    const results = await all;
    expect(results.map((r) => r.data).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `ok ${i}`).sort(),
    );
    expect(limit.inFlight).toBe(0);
  });

  it('releases the slot when the request fails', async () => {
    server = await startLocalServer((_seen, _res, req) => req.socket.destroy());
    const limit = concurrency({ max: 2 });
    const fetch = limit.wrap(globalThis.fetch);
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => fetch(server!.url)));
    expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);
    expect(limit.inFlight).toBe(0);

    const client = createClient<Record<string, never>>({ baseUrl: server.url });
    client.use(limit);
    // biome-ignore lint/suspicious/noExplicitAny: an untyped path on an empty schema
    await expect((client as any).GET('/x')).rejects.toThrow();
    expect(limit.inFlight).toBe(0);
  });

  it('releases the slot when an in-flight request is aborted', async () => {
    const s = await holdingServer();
    const limit = concurrency({ max: 1 });
    const fetch = limit.wrap(globalThis.fetch);
    const controller = new AbortController();
    const pending = fetch(s.url, { signal: controller.signal });
    await s.arrived(1);
    expect(limit.inFlight).toBe(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(limit.inFlight).toBe(0);
    const next = fetch(s.url);
    await s.arrived(2);
    s.held[1]!.end('second');
    expect(await (await next).text()).toBe('second');
    expect(limit.inFlight).toBe(0);
  });

  it('releases the slot when an in-flight request is aborted (openapi-fetch middleware)', async () => {
    const s = await holdingServer();
    const limit = concurrency({ max: 1 });
    const client = createClient<Record<string, never>>({ baseUrl: s.url });
    client.use(limit);
    const controller = new AbortController();
    // biome-ignore lint/suspicious/noExplicitAny: an untyped path on an empty schema
    const pending = (client as any).GET('/x', { signal: controller.signal });
    await s.arrived(1);
    expect(limit.inFlight).toBe(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(limit.inFlight).toBe(0);
  });

  it('gives up a queued request on abort without taking a slot', async () => {
    const s = await holdingServer();
    const limit = concurrency({ max: 1 });
    const fetch = limit.wrap(globalThis.fetch);
    const first = fetch(s.url);
    await s.arrived(1);
    const controller = new AbortController();
    const queued = fetch(s.url, { signal: controller.signal });
    controller.abort(new Error('not needed'));
    await expect(queued).rejects.toThrow('not needed');
    s.held[0]!.end('first');
    expect(await (await first).text()).toBe('first');
    expect(limit.inFlight).toBe(0);
    expect(s.held).toHaveLength(1);
  });

  it('rejects a max that is not a positive integer', () => {
    for (const max of [0, -1, 1.5, Number.NaN]) {
      expect(() => concurrency({ max })).toThrow(
        expect.objectContaining({ name: 'ResilienceOptionError', code: 'INVALID_MAX_IN_FLIGHT' }),
      );
    }
  });
});
