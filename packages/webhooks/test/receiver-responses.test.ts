import { describe, expect, it, vi } from 'vitest';
import {
  basicAuth,
  createWebhookHandler,
  generateWebhook,
  headerAuth,
  memoryDedupeStore,
  parseWebhook,
  serializeWebhook,
} from '../src/index.js';

const auth = basicAuth({ username: 'jamf', password: 'hook-pass' });
const payload = generateWebhook('ComputerAdded', { seed: 1 });
const json = serializeWebhook(payload).body;

function request(init: RequestInit & { headers?: Record<string, string> } = {}): Request {
  return new Request('http://receiver.test/hook', {
    method: 'POST',
    body: json,
    ...init,
    headers: { 'content-type': 'application/json', ...auth.headersForSending(), ...init.headers },
  });
}

function setup(options: { maxBodyBytes?: number } = {}) {
  const handler = vi.fn();
  const handle = createWebhookHandler({ auth, on: { ComputerAdded: handler }, ...options });
  return { handler, handle };
}

describe('receiver answers', () => {
  it('200 and one handler call for a valid, authenticated delivery', async () => {
    const { handle, handler } = setup();
    expect((await handle(request())).status).toBe(200);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('401 with a Basic challenge and no handler call for missing or wrong credentials', async () => {
    const { handle, handler } = setup();
    const wrong = basicAuth({ username: 'jamf', password: 'hook-pasS' }).headersForSending();
    const otherUser = basicAuth({ username: 'jamF', password: 'hook-pass' }).headersForSending();
    for (const headers of [
      { authorization: '' },
      wrong,
      otherUser,
      { authorization: 'Bearer hook-pass' },
      { authorization: 'Basic !!!' },
    ]) {
      const response = await handle(request({ headers }));
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Basic /);
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('header authentication: exact value only', async () => {
    const header = headerAuth({ name: 'X-Hook-Token', value: 't0ken' });
    const handler = vi.fn();
    const handle = createWebhookHandler({ auth: header, on: { ComputerAdded: handler } });
    const send = (value: string) =>
      handle(
        new Request('http://receiver.test/', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hook-token': value },
          body: json,
        }),
      );
    expect((await send('t0ke')).status).toBe(401);
    expect((await send('t0ken ')).status).toBe(200);
    expect((await send('t0ken')).status).toBe(200);
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it('415 for a body that is neither JSON nor XML; XML content types are accepted', async () => {
    const { handle, handler } = setup();
    const text = await handle(request({ headers: { 'content-type': 'text/plain' } }));
    expect(text.status).toBe(415);
    expect(handler).not.toHaveBeenCalled();
    const xml = serializeWebhook(payload, 'xml').body;
    for (const type of ['text/xml', 'application/xml; charset=utf-8']) {
      expect((await handle(request({ body: xml, headers: { 'content-type': type } }))).status).toBe(
        200,
      );
    }
  });

  it('400 for a malformed body or a payload that is not a known event', async () => {
    const { handle, handler } = setup();
    expect((await handle(request({ body: '{"webhook"' }))).status).toBe(400);
    const bad = await handle(request({ body: JSON.stringify({ ...payload, event: {} }) }));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/^INVALID_PAYLOAD/);
    expect(handler).not.toHaveBeenCalled();
  });

  it('413 from Content-Length before reading anything', async () => {
    const { handle, handler } = setup({ maxBodyBytes: 100 });
    const response = await handle(request({ headers: { 'content-length': '5000' } }));
    expect(response.status).toBe(413);
    expect(handler).not.toHaveBeenCalled();
  });

  it('413 while streaming: reading stops soon after the cap, the rest is never pulled', async () => {
    const { handle, handler } = setup({ maxBodyBytes: 64 * 1024 });
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(16 * 1024).fill(0x20));
      },
      cancel() {
        cancelled = true;
      },
    });
    const response = await handle(
      new Request('http://receiver.test/', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth.headersForSending() },
        body: endless,
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(10);
    expect(handler).not.toHaveBeenCalled();
  });

  it('405 for anything but POST', async () => {
    const { handle } = setup();
    const response = await handle(request({ method: 'GET', body: null }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('200 without a call for an event with no handler', async () => {
    const { handle, handler } = setup();
    const other = serializeWebhook(generateWebhook('JSSStartup')).body;
    expect((await handle(request({ body: other }))).status).toBe(200);
    expect(handler).not.toHaveBeenCalled();
  });

  it('500 and onError when a handler throws', async () => {
    const onError = vi.fn();
    const handle = createWebhookHandler({
      auth,
      on: {
        ComputerAdded: () => {
          throw new Error('database down');
        },
      },
      onError,
    });
    expect((await handle(request())).status).toBe(500);
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'database down' }),
      payload,
    );
  });

  it("auth 'none' accepts unauthenticated deliveries", async () => {
    const handler = vi.fn();
    const handle = createWebhookHandler({ auth: 'none', on: { ComputerAdded: handler } });
    const response = await handle(
      new Request('http://r.test/', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: json,
      }),
    );
    expect(response.status).toBe(200);
    expect(handler).toHaveBeenCalledOnce();
  });

  it('bad options are typed errors', () => {
    expect(() => createWebhookHandler({ auth: undefined as never, on: {} })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    );
    expect(() => createWebhookHandler({ auth, on: {}, maxBodyBytes: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    );
    expect(() => basicAuth({ username: 'a:b', password: 'x' })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    );
    expect(() => headerAuth({ name: 'bad name', value: 'x' })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    );
    for (const bad of [
      () => createWebhookHandler(undefined as never),
      () => createWebhookHandler({ auth, on: undefined as never }),
      () => createWebhookHandler({ auth, on: { ComputerAddded: () => {} } as never }),
      () => basicAuth(undefined as never),
      () => basicAuth({ username: 'a', password: 5 as never }),
      () => headerAuth(undefined as never),
      () => memoryDedupeStore({ maxEntries: Number.NaN }),
      () => memoryDedupeStore({ maxEntries: 0 }),
    ]) {
      expect(bad).toThrow(
        expect.objectContaining({ name: 'JamfWebhookError', code: 'INVALID_OPTIONS' }),
      );
    }
    expect(() => parseWebhook(undefined as never)).toThrow(
      expect.objectContaining({ code: 'MALFORMED_BODY' }),
    );
  });
});
