import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  type AnyWebhookPayload,
  createWebhookHandler,
  fireWebhooks,
  generateWebhook,
  headerAuth,
  isJamfWebhookError,
  type JamfWebhookError,
} from '../src/index.js';

const payloads = [generateWebhook('ComputerAdded', { seed: 1 }) as AnyWebhookPayload];

async function rejection(promise: Promise<unknown>): Promise<JamfWebhookError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isJamfWebhookError(error)) throw new Error(`expected a JamfWebhookError, got ${error}`);
  return error;
}

/** A fetch that counts what it is asked to send and answers 200. */
function counting() {
  const sent: string[] = [];
  const fetchImpl: typeof fetch = async (input) => {
    sent.push(String(input));
    return new Response('OK');
  };
  return { sent, fetchImpl };
}

describe('fireWebhooks refuses a target or auth it cannot use, before sending', () => {
  it('a URL with credentials: INVALID_OPTIONS that does not repeat the password', async () => {
    const { sent, fetchImpl } = counting();
    const error = await rejection(
      fireWebhooks('http://jamf:S3cret-pass@127.0.0.1:9/hook', payloads, { fetch: fetchImpl }),
    );
    expect(error.code).toBe('INVALID_OPTIONS');
    for (const view of [error.message, error.stack ?? '', inspect(error, { depth: 10 })]) {
      expect(view).not.toContain('S3cret-pass');
    }
    expect(sent).toEqual([]);
  });

  it('a URL that is not absolute http(s): INVALID_OPTIONS, not one failure per payload', async () => {
    const { sent, fetchImpl } = counting();
    for (const url of ['not a url', 'ftp://127.0.0.1/hook', '/relative']) {
      const error = await rejection(fireWebhooks(url, payloads, { fetch: fetchImpl }));
      expect(error.code).toBe('INVALID_OPTIONS');
    }
    expect(sent).toEqual([]);
  });

  it('auth as a plain object, or a fetch that is not a function: INVALID_OPTIONS', async () => {
    const plain = { username: 'jamf', password: 'S3cret-pass' };
    const url = 'http://127.0.0.1:9/hook';
    expect((await rejection(fireWebhooks(url, payloads, { auth: plain as never }))).code).toBe(
      'INVALID_OPTIONS',
    );
    expect((await rejection(fireWebhooks(url, payloads, { fetch: 'x' as never }))).code).toBe(
      'INVALID_OPTIONS',
    );
  });
});

describe('headerAuth refuses a value no request can carry as it is', () => {
  for (const [name, value] of [
    ['CR/LF', 'abc\r\ndef'],
    ['NUL', 'abc\0def'],
    ['a leading space', ' abc'],
    ['a trailing tab', 'abc\t'],
    ['a character beyond U+00FF (no byte string: fetch refuses to send it)', 'key-€'],
  ] as const) {
    it(`${name}: INVALID_OPTIONS (HTTP trims or forbids it, so every delivery would get 401)`, () => {
      let caught: unknown;
      try {
        headerAuth({ name: 'x-jamf-key', value });
      } catch (error) {
        caught = error;
      }
      expect(isJamfWebhookError(caught, 'INVALID_OPTIONS')).toBe(true);
    });
  }

  it('a value with inner spaces still authenticates', async () => {
    const auth = headerAuth({ name: 'x-jamf-key', value: 'two words' });
    const handle = createWebhookHandler({ auth, on: {} });
    const { body, contentType } = {
      body: JSON.stringify(payloads[0]),
      contentType: 'application/json',
    };
    const response = await handle(
      new Request('http://hooks.test/', {
        method: 'POST',
        headers: { 'content-type': contentType, 'x-jamf-key': 'two words' },
        body,
      }),
    );
    expect(response.status).toBe(200);
  });
});

describe('createWebhookHandler refuses handlers and stores it could not call', () => {
  for (const [name, options] of [
    ['a handler that is not a function', { on: { ComputerAdded: 5 } }],
    ['a dedupe store without claim and release', { on: {}, dedupe: 5 }],
    ['an onError that is not a function', { on: {}, onError: 'log' }],
  ] as const) {
    it(`${name}: INVALID_OPTIONS when made, not a 500 on the first delivery`, () => {
      let caught: unknown;
      try {
        createWebhookHandler({ auth: 'none', ...options } as never);
      } catch (error) {
        caught = error;
      }
      expect(isJamfWebhookError(caught, 'INVALID_OPTIONS')).toBe(true);
    });
  }
});
