import { describe, expect, it } from 'vitest';
import {
  type AnyWebhookPayload,
  createWebhookHandler,
  generateWebhook,
  headerAuth,
  serializeWebhook,
  type WebhookHandlers,
  webhookEventNames,
} from '../src/index.js';

const auth = headerAuth({ name: 'x-jamf-hook', value: 'not-a-real-secret' });

function post(payload: AnyWebhookPayload, format: 'json' | 'xml'): Request {
  const { body, contentType } = serializeWebhook(payload, format);
  return new Request('http://receiver.test/jamf', {
    method: 'POST',
    headers: { 'content-type': contentType, ...auth.headersForSending() },
    body,
  });
}

describe('every event round-trips generator → receiver → typed handler', () => {
  it('lists the 18 events of the Classic webhook object', () => {
    expect(webhookEventNames).toHaveLength(18);
  });

  for (const format of ['json', 'xml'] as const) {
    for (const name of webhookEventNames) {
      it(`${name} as ${format}`, async () => {
        const received: unknown[] = [];
        const on: WebhookHandlers = {};
        (on as Record<string, (payload: unknown) => void>)[name] = (payload) => {
          received.push(payload);
        };
        const handle = createWebhookHandler({ auth, on });
        for (const seed of [1, 2, 3]) {
          const payload = generateWebhook(name, { seed });
          const response = await handle(post(payload as AnyWebhookPayload, format));
          expect(response.status, await response.clone().text()).toBe(200);
          expect(received.at(-1)).toEqual(payload);
        }
        expect(received).toHaveLength(3);
      });
    }
  }

  it('a handler gets its own event type (checked by tsc)', async () => {
    let serial = '';
    const handle = createWebhookHandler({
      auth,
      on: {
        ComputerAdded: ({ event, webhook }) => {
          serial = event.serialNumber;
          const name: 'ComputerAdded' = webhook.webhookEvent;
          expect(name).toBe('ComputerAdded');
        },
        ComputerPolicyFinished: ({ event }) => {
          const ok: boolean = event.successful;
          return ok;
        },
      },
    });
    const payload = generateWebhook('ComputerAdded', { seed: 9 });
    expect((await handle(post(payload, 'json'))).status).toBe(200);
    expect(serial).toBe(payload.event.serialNumber);
  });
});

describe('generateWebhook', () => {
  it('is deterministic for a seed and varies across seeds', () => {
    expect(generateWebhook('MobileDeviceEnrolled', { seed: 7 })).toEqual(
      generateWebhook('MobileDeviceEnrolled', { seed: 7 }),
    );
    expect(generateWebhook('MobileDeviceEnrolled', { seed: 7 })).not.toEqual(
      generateWebhook('MobileDeviceEnrolled', { seed: 8 }),
    );
  });

  it('takes the webhook id, name and timestamp it is given', () => {
    const payload = generateWebhook('JSSStartup', {
      webhookId: 3,
      webhookName: 'Startup',
      eventTimestamp: 1_700_000_000_000,
    });
    expect(payload.webhook).toEqual({
      id: 3,
      name: 'Startup',
      webhookEvent: 'JSSStartup',
      eventTimestamp: 1_700_000_000_000,
    });
  });

  it('refuses an unknown event with a typed error', () => {
    expect(() => generateWebhook('ComputerDeleted' as never)).toThrow(
      expect.objectContaining({ name: 'JamfWebhookError', code: 'INVALID_OPTIONS' }),
    );
  });
});
