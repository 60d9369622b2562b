import { describe, expect, it, vi } from 'vitest';
import {
  createWebhookHandler,
  deliveryKey,
  generateWebhook,
  memoryDedupeStore,
  serializeWebhook,
  type WebhookPayload,
} from '../src/index.js';

function post(payload: WebhookPayload, format: 'json' | 'xml' = 'json'): Request {
  const { body, contentType } = serializeWebhook(payload, format);
  return new Request('http://r.test/', {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
}

describe('dedupe', () => {
  it('a delivery seen twice (even once as JSON, once as XML) is handled once', async () => {
    const handler = vi.fn();
    const handle = createWebhookHandler({
      auth: 'none',
      on: { ComputerCheckIn: handler },
      dedupe: memoryDedupeStore(),
    });
    const payload = generateWebhook('ComputerCheckIn', { seed: 5 });
    expect((await handle(post(payload))).status).toBe(200);
    expect((await handle(post(payload, 'xml'))).status).toBe(200);
    expect((await handle(post(payload))).status).toBe(200);
    expect(handler).toHaveBeenCalledTimes(1);
    await handle(post({ ...payload, webhook: { ...payload.webhook, eventTimestamp: 1 } }));
    await handle(post(generateWebhook('ComputerCheckIn', { seed: 6 })));
    expect(handler).toHaveBeenCalledTimes(3);
  });

  it('a failed delivery is released, so its redelivery runs again', async () => {
    let calls = 0;
    const handle = createWebhookHandler({
      auth: 'none',
      on: {
        JSSStartup: () => {
          calls++;
          if (calls === 1) throw new Error('first try fails');
        },
      },
      dedupe: memoryDedupeStore(),
    });
    const payload = generateWebhook('JSSStartup');
    expect((await handle(post(payload))).status).toBe(500);
    expect((await handle(post(payload))).status).toBe(200);
    expect((await handle(post(payload))).status).toBe(200);
    expect(calls).toBe(2);
  });

  it('the memory store is bounded: the oldest key is forgotten first', () => {
    const store = memoryDedupeStore({ maxEntries: 2 });
    expect(store.claim('a')).toBe(true);
    expect(store.claim('b')).toBe(true);
    expect(store.claim('a')).toBe(false);
    expect(store.claim('c')).toBe(true);
    expect(store.claim('a')).toBe(true);
    expect(store.claim('c')).toBe(false);
  });

  it('the key does not depend on the order of fields', () => {
    const payload = generateWebhook('PushSent', { seed: 2 });
    const reordered = {
      webhook: payload.webhook,
      event: { type: payload.event.type, managementId: payload.event.managementId },
    };
    expect(deliveryKey(reordered)).toBe(deliveryKey(payload));
    expect(deliveryKey(payload)).toContain(
      `${payload.webhook.id}:PushSent:${payload.webhook.eventTimestamp}:`,
    );
  });
});

describe('dedupe given what it cannot use', () => {
  it('memoryDedupeStore(null) and deliveryKey of no payload: INVALID_OPTIONS, not a TypeError', () => {
    for (const make of [
      () => memoryDedupeStore(null as never),
      () => deliveryKey(null as never),
      () => deliveryKey({} as never),
    ]) {
      expect(make).toThrow(
        expect.objectContaining({ name: 'JamfWebhookError', code: 'INVALID_OPTIONS' }),
      );
    }
  });
});
