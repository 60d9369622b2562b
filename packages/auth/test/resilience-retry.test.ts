import createClient from 'openapi-fetch';
import { afterEach, describe, expect, it } from 'vitest';
import { ResilienceOptionError, retry, withRetry } from '../src/resilience/index.js';
import { type LocalServer, startLocalServer } from './support/resilience-local-server.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Serves the given statuses in turn (then 200), with optional headers per step. */
async function scripted(steps: Array<number | 'drop' | [number, Record<string, string>]>) {
  server = await startLocalServer((_seen, res, req) => {
    const step = steps.shift() ?? 200;
    if (step === 'drop') {
      req.socket.destroy();
      return;
    }
    const [status, headers] = Array.isArray(step) ? step : [step, {}];
    res.writeHead(status, { 'content-type': 'text/plain', ...headers }).end(`status ${status}`);
  });
  return server;
}

function recordingSleep() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

describe('retry()', () => {
  it('retries 503/502/504/429 with full-jitter exponential backoff and returns the success', async () => {
    const s = await scripted([503, 502, 504, 429]);
    const { delays, sleep } = recordingSleep();
    const fetch = withRetry(globalThis.fetch, { maxAttempts: 5, random: () => 0.5, sleep });
    const response = await fetch(`${s.url}/api/v1/buildings`);
    expect(response.status).toBe(200);
    expect(s.seen).toHaveLength(5);
    expect(delays).toEqual([250, 500, 1000, 2000]);
  });

  it('stops after maxAttempts and hands back the last response', async () => {
    const s = await scripted([503, 503, 503, 503, 503]);
    const { delays, sleep } = recordingSleep();
    const fetch = withRetry(globalThis.fetch, { maxAttempts: 3, random: () => 0.999, sleep });
    const response = await fetch(`${s.url}/api/v1/buildings`);
    expect(response.status).toBe(503);
    expect(s.seen).toHaveLength(3);
    expect(delays).toHaveLength(2);
  });

  it('never waits longer than maxDelayMs between sends', async () => {
    const s = await scripted([503, 503, 503, 503, 503]);
    const { delays, sleep } = recordingSleep();
    const fetch = withRetry(globalThis.fetch, {
      maxAttempts: 6,
      baseDelayMs: 1_000,
      maxDelayMs: 1_500,
      random: () => 0.999,
      sleep,
    });
    await fetch(`${s.url}/x`);
    expect(delays).toEqual([999, 1_498, 1_498, 1_498, 1_498]);
  });

  it('honours Retry-After in seconds', async () => {
    const s = await scripted([[429, { 'retry-after': '7' }]]);
    const { delays, sleep } = recordingSleep();
    const response = await withRetry(globalThis.fetch, { sleep })(`${s.url}/x`);
    expect(response.status).toBe(200);
    expect(delays).toEqual([7_000]);
  });

  it('honours Retry-After as an HTTP date against the injected clock', async () => {
    const now = Date.parse('2026-01-05T10:00:00Z');
    const s = await scripted([[503, { 'retry-after': 'Mon, 05 Jan 2026 10:00:12 GMT' }]]);
    const { delays, sleep } = recordingSleep();
    await withRetry(globalThis.fetch, { sleep, now: () => now })(`${s.url}/x`);
    expect(delays).toEqual([12_000]);
  });

  it('does not retry when Retry-After exceeds maxDelayMs', async () => {
    const s = await scripted([[429, { 'retry-after': '120' }]]);
    const { delays, sleep } = recordingSleep();
    const response = await withRetry(globalThis.fetch, { sleep, maxDelayMs: 60_000 })(`${s.url}/x`);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('120');
    expect(s.seen).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('does not retry other statuses', async () => {
    const s = await scripted([500, 404]);
    const response = await withRetry(globalThis.fetch, { sleep: async () => {} })(`${s.url}/x`);
    expect(response.status).toBe(500);
    expect(s.seen).toHaveLength(1);
  });

  it('retries network errors, then rethrows when attempts run out', async () => {
    const s = await scripted(['drop', 'drop', 'drop']);
    const { sleep } = recordingSleep();
    await expect(
      withRetry(globalThis.fetch, { sleep, maxAttempts: 2 })(`${s.url}/x`),
    ).rejects.toThrow(TypeError);
    expect(s.seen).toHaveLength(2);
    const recovered = await withRetry(globalThis.fetch, { sleep, maxAttempts: 2 })(`${s.url}/x`);
    expect(recovered.status).toBe(200);
  });

  it('replays the request body on every send of an idempotent method', async () => {
    const s = await scripted([503, 503]);
    const fetch = withRetry(globalThis.fetch, { sleep: async () => {} });
    const response = await fetch(`${s.url}/api/v1/buildings/1`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'HQ' }),
    });
    expect(response.status).toBe(200);
    expect(s.seen.map((r) => [r.method, r.body])).toEqual([
      ['PUT', '{"name":"HQ"}'],
      ['PUT', '{"name":"HQ"}'],
      ['PUT', '{"name":"HQ"}'],
    ]);
  });

  it('leaves non-idempotent methods alone unless configured', async () => {
    const s = await scripted([503, 503]);
    const once = await withRetry(globalThis.fetch, { sleep: async () => {} })(`${s.url}/x`, {
      method: 'POST',
      body: 'a',
    });
    expect(once.status).toBe(503);
    expect(s.seen).toHaveLength(1);
    const opted = withRetry(globalThis.fetch, { sleep: async () => {}, methods: ['POST'] });
    expect((await opted(`${s.url}/x`, { method: 'POST', body: 'a' })).status).toBe(200);
    expect(s.seen.map((r) => r.body)).toEqual(['a', 'a', 'a']);
  });

  it('stops waiting when the request is aborted', async () => {
    const s = await scripted([503]);
    const controller = new AbortController();
    const fetch = withRetry(globalThis.fetch, {
      sleep: (_ms, signal) => {
        controller.abort(new Error('caller gave up'));
        return Promise.reject(signal.reason);
      },
    });
    await expect(fetch(`${s.url}/x`, { signal: controller.signal })).rejects.toThrow(
      'caller gave up',
    );
    expect(s.seen).toHaveLength(1);
  });

  it('works as openapi-fetch middleware, replaying bodies through the client fetch', async () => {
    const s = await scripted([503, [429, { 'retry-after': '1' }], 'drop']);
    const { delays, sleep } = recordingSleep();
    const client = createClient<Record<string, never>>({ baseUrl: s.url });
    client.use(retry({ maxAttempts: 4, random: () => 0, sleep }));
    // biome-ignore lint/suspicious/noExplicitAny: an untyped path on an empty schema
    const { response } = await (client as any).PUT('/api/v1/buildings/{id}', {
      params: { path: { id: '1' } },
      body: { name: 'HQ' },
      parseAs: 'text',
    });
    expect(response.status).toBe(200);
    expect(delays).toEqual([0, 1_000, 0]);
    expect(s.seen.map((r) => r.body)).toEqual(Array(4).fill('{"name":"HQ"}'));
  });

  it('as middleware, recovers from a network error on the first send', async () => {
    const s = await scripted(['drop', 'drop']);
    const { delays, sleep } = recordingSleep();
    const client = createClient<Record<string, never>>({ baseUrl: s.url });
    client.use(retry({ random: () => 1, baseDelayMs: 100, sleep }));
    // biome-ignore lint/suspicious/noExplicitAny: an untyped path on an empty schema
    const { response } = await (client as any).GET('/x', { parseAs: 'text' });
    expect(response.status).toBe(200);
    expect(s.seen).toHaveLength(3);
    expect(delays).toEqual([100, 200]);
  });
});

describe('retry options', () => {
  it('refuses a maxAttempts that is not a positive whole number with a typed error', () => {
    for (const maxAttempts of [0, -2, 2.5, Number.NaN]) {
      expect(() => retry({ maxAttempts })).toThrow(ResilienceOptionError);
      expect(() => retry({ maxAttempts })).toThrow(
        expect.objectContaining({ code: 'INVALID_MAX_ATTEMPTS' }),
      );
    }
  });
});
