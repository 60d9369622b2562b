import { describe, expect, it } from 'vitest';
import {
  type AnyWebhookPayload,
  basicAuth,
  createWebhookHandler,
  fireWebhooks,
  generateWebhook,
  isJamfWebhookError,
  parseWebhook,
  serializeWebhook,
} from '../src/index.js';

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isJamfWebhookError(error)) return error.code;
    throw new Error(`expected a JamfWebhookError, got ${String(error)}`);
  }
  throw new Error('expected a refusal, nothing was thrown');
}

const payload = generateWebhook('ComputerAdded', { seed: 1 }) as AnyWebhookPayload;

describe('generateWebhook refuses options that would make a payload parseWebhook rejects', () => {
  const cases: Array<[string, unknown]> = [
    ['null options', null],
    ['a NaN seed (silently seed 0)', { seed: Number.NaN }],
    ['a fractional seed', { seed: 1.5 }],
    ['a text webhookId', { webhookId: 'x' }],
    ['webhookId 0', { webhookId: 0 }],
    ['an Infinity eventTimestamp (written as null)', { eventTimestamp: Number.POSITIVE_INFINITY }],
    ['a negative eventTimestamp', { eventTimestamp: -1 }],
    ['a webhookName that is not text', { webhookName: 5 }],
  ];
  it.each(cases)('%s: INVALID_OPTIONS', (_, options) => {
    expect(codeOf(() => generateWebhook('ComputerAdded', options as never))).toBe(
      'INVALID_OPTIONS',
    );
  });

  it('what it accepts, parseWebhook accepts', () => {
    const made = generateWebhook('ComputerAdded', {
      seed: -7,
      webhookId: 3,
      eventTimestamp: 0,
      webhookName: '',
    });
    expect(parseWebhook(JSON.stringify(made))).toEqual(made);
  });
});

describe('a body format other than json or xml', () => {
  it('parseWebhook and serializeWebhook: INVALID_OPTIONS, not JSON without a word', () => {
    expect(codeOf(() => parseWebhook(JSON.stringify(payload), 'yaml' as never))).toBe(
      'INVALID_OPTIONS',
    );
    expect(codeOf(() => serializeWebhook(payload, 'yaml' as never))).toBe('INVALID_OPTIONS');
  });

  it('fireWebhooks: INVALID_OPTIONS before sending anything', async () => {
    let sent = 0;
    const fetchImpl: typeof fetch = async () => {
      sent += 1;
      return new Response('OK');
    };
    const error = await fireWebhooks('http://127.0.0.1:9/hook', [payload], {
      contentType: 'yaml' as never,
      fetch: fetchImpl,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isJamfWebhookError(error, 'INVALID_OPTIONS')).toBe(true);
    expect(sent).toBe(0);
  });
});

describe('serializeWebhook writes only what a receiver accepts', () => {
  it('undefined, null or an unknown event: UNKNOWN_EVENT, not a body of "undefined"', () => {
    for (const value of [undefined, null, {}, { webhook: { webhookEvent: 'Nope' }, event: {} }]) {
      expect(codeOf(() => serializeWebhook(value as never))).toBe('UNKNOWN_EVENT');
    }
  });

  it('a known event with a field missing: INVALID_PAYLOAD naming it', () => {
    const { event, ...headerOnly } = payload as { event: unknown; webhook: unknown };
    expect(event).toBeDefined();
    expect(codeOf(() => serializeWebhook(headerOnly as never))).toBe('INVALID_PAYLOAD');
  });

  it('fireWebhooks with a broken payload among good ones: refused by index, nothing sent', async () => {
    let sent = 0;
    const fetchImpl: typeof fetch = async () => {
      sent += 1;
      return new Response('OK');
    };
    const error = await fireWebhooks('http://127.0.0.1:9/hook', [payload, undefined as never], {
      fetch: fetchImpl,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isJamfWebhookError(error, 'UNKNOWN_EVENT')).toBe(true);
    expect((error as Error).message).toMatch(/^Payload 1: /);
    expect(sent).toBe(0);
  });
});

describe('a request body that fails midway (the sender went away)', () => {
  it('is a 400 MALFORMED_BODY answer, not a rejected handler', async () => {
    const auth = basicAuth({ username: 'jamf', password: 'hook-pass' });
    const handle = createWebhookHandler({ auth, on: { ComputerAdded: () => {} } });
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"webhook":'));
        controller.error(new Error('socket hang up'));
      },
    });
    const response = await handle(
      new Request('http://receiver.test/hook', {
        method: 'POST',
        body,
        duplex: 'half',
        headers: { 'content-type': 'application/json', ...auth.headersForSending() },
      } as RequestInit),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/^MALFORMED_BODY: /);
  });
});
