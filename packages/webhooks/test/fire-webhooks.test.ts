import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type AnyWebhookPayload,
  basicAuth,
  createWebhookHandler,
  fireWebhooks,
  generateWebhook,
  webhookEventNames,
} from '../src/index.js';
import { toNodeListener } from '../src/node.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
});

async function listen(handle: (request: Request) => Promise<Response>): Promise<string> {
  const server = createServer(toNodeListener(handle));
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/jamf`;
}

const auth = basicAuth({ username: 'jamf', password: 'fire-test' });
const events = webhookEventNames.flatMap((name) =>
  [1, 2].map((seed) => generateWebhook(name, { seed }) as AnyWebhookPayload),
);

describe('fireWebhooks → node:http (toNodeListener) → receiver', () => {
  for (const contentType of ['json', 'xml'] as const) {
    it(`delivers all 18 events as ${contentType} and summarises the answers`, async () => {
      const seen: string[] = [];
      const on = Object.fromEntries(
        webhookEventNames.map((name) => [name, () => void seen.push(name)]),
      );
      const url = await listen(createWebhookHandler({ auth, on }));
      const summary = await fireWebhooks(url, events, { auth, contentType, concurrency: 4 });
      expect(summary).toEqual({ sent: 36, statuses: { 200: 36 }, failures: [] });
      expect(seen.sort()).toEqual(events.map((e) => e.webhook.webhookEvent).sort());
    });
  }

  it('reports 401s and network failures by index', async () => {
    const url = await listen(createWebhookHandler({ auth, on: {} }));
    const wrong = basicAuth({ username: 'jamf', password: 'nope' });
    const summary = await fireWebhooks(url, events.slice(0, 3), { auth: wrong });
    expect(summary.sent).toBe(3);
    expect(summary.statuses).toEqual({ 401: 3 });
    expect(summary.failures.map((f) => [f.index, f.status])).toEqual([
      [0, 401],
      [1, 401],
      [2, 401],
    ]);
    const refused = await fireWebhooks('http://127.0.0.1:1/', events.slice(0, 2));
    expect(refused.sent).toBe(0);
    expect(refused.failures).toHaveLength(2);
    expect(refused.failures[0]?.error).toBeInstanceOf(Error);
  });

  it('a 413 over node:http for a body over maxBodyBytes', async () => {
    const url = await listen(createWebhookHandler({ auth, on: {}, maxBodyBytes: 1024 }));
    const huge = generateWebhook('ComputerAdded');
    huge.event.room = 'x'.repeat(4096);
    const summary = await fireWebhooks(url, [huge], { auth });
    expect(summary.statuses).toEqual({ 413: 1 });
  });

  it('node adapter: a body cut short by a 401 or a 413 mid-stream neither crashes nor hangs', async () => {
    const url = await listen(createWebhookHandler({ auth, on: {}, maxBodyBytes: 64 * 1024 }));
    const streamed = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        // Chunked, no Content-Length: the receiver only learns the size while reading.
        const req = httpRequest(url, { method: 'POST', headers }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        const chunk = Buffer.alloc(16 * 1024, 0x20);
        let sent = 0;
        const pump = () => {
          while (sent < 256 && req.write(chunk)) sent++;
          if (sent < 256) req.once('drain', pump);
          else req.end();
        };
        pump();
      });
    const json = { 'content-type': 'application/json' };
    expect(await streamed({ ...json, ...auth.headersForSending() })).toBe(413);
    expect(await streamed({ ...json, authorization: 'Basic d3Jvbmc6d3Jvbmc=' })).toBe(401);
    const after = await fireWebhooks(url, events.slice(0, 2), { auth });
    expect(after.statuses).toEqual({ 200: 2 });
  });

  it('keeps at most `concurrency` requests in flight (injected fetch)', async () => {
    let inFlight = 0;
    let most = 0;
    const release: Array<() => void> = [];
    const fakeFetch = (async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise<void>((done) => release.push(done));
      inFlight--;
      return new Response(null, { status: 204 });
    }) as unknown as typeof fetch;
    const run = fireWebhooks('http://unused.test/', events, { concurrency: 3, fetch: fakeFetch });
    while (release.length > 0 || inFlight > 0) {
      await new Promise((done) => setImmediate(done));
      release.shift()?.();
    }
    const summary = await run;
    expect(most).toBe(3);
    expect(summary.statuses).toEqual({ 204: 36 });
  });

  it('refuses a bad concurrency with a typed error', async () => {
    await expect(fireWebhooks('http://x.test/', [], { concurrency: 0 })).rejects.toMatchObject({
      code: 'INVALID_OPTIONS',
    });
  });
});
