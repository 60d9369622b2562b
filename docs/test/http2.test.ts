import { createSecureServer, type Http2SecureServer, type ServerHttp2Stream } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { createProClient, JamfApiError } from '@jamf/pro-api';
import { Agent, type Dispatcher, getGlobalDispatcher, setGlobalDispatcher } from 'undici';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { privateCa } from './network-fixtures.js';

// HTTP/2 to the server, as `new Agent({ allowH2: true })` set with `setGlobalDispatcher` gives it
// (docs/proxy-and-ca.md): calls answer over h2, and a call with no answer still times out, on
// the client's own transport (an undici dispatcher per call) and on a `fetch` you pass (an
// AbortSignal). Only the timers are fake; TLS, HTTP/2 and undici are real.

let server: Http2SecureServer;
let base: string;
let previous: Dispatcher;
let h2: Agent;
const sessions = new Set<unknown>();
/** Streams the server holds without an answer, each with a promise of its closing. */
const hanging: { path: string; closed: Promise<void> }[] = [];
let arrived: () => void = () => {};

function untilHanging(count: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (hanging.length >= count) resolve();
      else arrived = check;
    };
    check();
  });
}

function answer(stream: ServerHttp2Stream, path: string): void {
  if (path === '/api/v1/jamf-pro-version') {
    stream.respond({ ':status': 200, 'content-type': 'application/json' });
    stream.end(JSON.stringify({ version: '11.30.1' }));
    return;
  }
  // The client's reset arrives as a stream error on this side: expected, not a failure.
  stream.on('error', () => {});
  const closed = new Promise<void>((resolve) => stream.once('close', () => resolve()));
  hanging.push({ path, closed });
  arrived();
}

beforeAll(async () => {
  const ca = await privateCa();
  server = createSecureServer({ key: ca.serverKey, cert: ca.serverCert, allowHTTP1: false });
  server.on('session', (session) => sessions.add(session));
  server.on('stream', (stream, headers) => answer(stream, String(headers[':path'])));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `https://localhost:${(server.address() as AddressInfo).port}`;
  previous = getGlobalDispatcher();
  h2 = new Agent({ allowH2: true, connect: { ca: ca.caCert } });
  setGlobalDispatcher(h2);
});
afterAll(async () => {
  setGlobalDispatcher(previous);
  await h2.close();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  hanging.length = 0;
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('HTTP/2 through a global undici Agent with allowH2', () => {
  it.each([
    ['the client’s own transport', {}],
    ['a fetch you pass', { fetch: (request: Request) => globalThis.fetch(request) }],
  ])(
    '%s: answers over h2, times out a hang, and the session serves the next call',
    async (_, transport) => {
      const pro = createProClient({ baseUrl: base, timeoutMs: 5_000, ...transport });
      const first = await pro.GET('/v1/jamf-pro-version');
      expect(first.data).toEqual({ version: '11.30.1' });
      const sessionsBefore = sessions.size;

      const outcome = pro.GET('/v1/computers-inventory').catch((error: unknown) => error);
      await untilHanging(1);
      await vi.advanceTimersByTimeAsync(4_999);
      await vi.advanceTimersByTimeAsync(1);
      const error = await outcome;
      expect(error).toBeInstanceOf(JamfApiError);
      expect(error).toMatchObject({ code: 'TIMEOUT', status: 0 });
      expect(((error as JamfApiError).cause as DOMException).name).toBe('TimeoutError');
      // The stream is reset, not the session: the next call goes over the same connection.
      await hanging[0]?.closed;
      const next = await pro.GET('/v1/jamf-pro-version');
      expect(next.response.status).toBe(200);
      expect(sessions.size).toBe(sessionsBefore);
    },
  );
});
