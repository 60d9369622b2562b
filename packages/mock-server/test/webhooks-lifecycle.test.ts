import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AnyWebhookPayload, basicAuth, createWebhookHandler } from '@jamf/webhooks';
import { toNodeListener } from '@jamf/webhooks/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createJamfMock } from '../src/mock.js';
import { startJamfMockServer } from '../src/standalone/serve.js';

const servers: Server[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
});

/** A real receiver on 127.0.0.1 (the standalone mock delivers over the network). */
async function receiver(got: AnyWebhookPayload[]): Promise<string> {
  const auth = basicAuth({ username: 'jamf', password: 'lifecycle' });
  const handle = createWebhookHandler({
    auth,
    on: { JSSStartup: (p) => void got.push(p), JSSShutdown: (p) => void got.push(p) },
  });
  const server = createServer(toNodeListener(handle));
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
}

describe('mock webhooks: lifecycle and timeouts', () => {
  it('the standalone mock fires JSSStartup once listening and JSSShutdown on close (XML, Basic)', async () => {
    const got: AnyWebhookPayload[] = [];
    const url = await receiver(got);
    const common = {
      url,
      authenticationType: 'BASIC',
      username: 'jamf',
      password: 'lifecycle',
    } as const;
    const server = await startJamfMockServer({
      webhooks: [
        { name: 'up', event: 'JSSStartup', ...common },
        { name: 'down', event: 'JSSShutdown', ...common },
      ],
    });
    await server.mock.webhooks.settled();
    expect(got.map((p) => p.webhook.webhookEvent)).toEqual(['JSSStartup']);
    expect(got[0]!.event).toMatchObject({
      isClusterMaster: true,
      institution: 'Jamf Pro mock',
      hostAddress: '127.0.0.1',
      jssUrl: `${server.url}/`,
    });
    await server.close();
    expect(got.map((p) => p.webhook.webhookEvent)).toEqual(['JSSStartup', 'JSSShutdown']);
    expect(server.mock.webhooks.deliveries.map((d) => [d.contentType, d.outcome])).toEqual([
      ['text/xml', 'delivered'],
      ['text/xml', 'delivered'],
    ]);
  });

  it('a receiver that never answers fails after connection + read timeouts (fake time)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const failures: string[] = [];
    const mock = createJamfMock({
      webhooks: [
        {
          name: 'slow',
          url: 'https://slow.example.test/',
          event: 'JSSStartup',
          connectionTimeoutSeconds: 1,
          readTimeoutSeconds: 2,
        },
      ],
      webhookFetch: () => new Promise<Response>(() => {}),
      onWebhookFailure: (delivery) => void failures.push(`${delivery.event}: ${delivery.error}`),
    });
    mock.webhooks.startup();
    const settled = mock.webhooks.settled();
    await vi.advanceTimersByTimeAsync(2_999);
    expect(mock.webhooks.deliveries[0]?.outcome).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    await settled;
    expect(mock.webhooks.deliveries[0]).toMatchObject({ outcome: 'failed', error: 'timeout' });
    expect(failures).toEqual(['JSSStartup: timeout']);
  });

  it('reset() keeps the initial registrations and forgets the rest', () => {
    const mock = createJamfMock({
      webhooks: [{ name: 'kept', url: 'https://h.test/', event: 'JSSStartup' }],
    });
    mock.webhooks.register({ name: 'dropped', url: 'https://h.test/', event: 'JSSShutdown' });
    mock.reset();
    expect(mock.webhooks.list().map((w) => w.name)).toEqual(['kept']);
  });
});
