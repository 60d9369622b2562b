import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  clientRequests,
  isPreparedRequest,
  PreparedRequest,
  requestTimeout,
  TIMEOUT_HEADER,
  type TimedOutCall,
  TimedRequest,
  toRequest,
  withTimeout,
} from '../src/index.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const base = 'https://jamf.test/api';
const url = `${base}/v1/buildings`;
/** The init openapi-fetch builds for one call. */
const callInit = (init: RequestInit = {}): RequestInit => ({
  redirect: 'follow',
  method: 'GET',
  body: undefined,
  headers: new Headers({ accept: 'application/json' }),
  ...init,
});

/** A transport like the clients' own: builds a prepared request with the signal it is given. */
function transport() {
  const sent: Request[] = [];
  const fetch = (input: Request | string | URL, init?: RequestInit) => {
    const request = toRequest(input, init);
    sent.push(request);
    return new Promise<Response>((_resolve, reject) => {
      if (request.signal.aborted) reject(request.signal.reason);
      request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
    });
  };
  return { fetch, sent };
}

const timeoutError = (call: TimedOutCall) =>
  Object.assign(new Error(`timed out: ${call.path}`), { call });

describe('clientRequests', () => {
  it('prepares a call’s request unless middleware will read it or it could not be built again', () => {
    const { Request: ClientRequest } = clientRequests(false, base);
    const make = (init: RequestInit) => new ClientRequest(url, callInit(init));
    expect(isPreparedRequest(make({}))).toBe(true);
    expect(isPreparedRequest(make({ method: 'PUT', body: '{"name":"HQ"}' }))).toBe(true);
    expect(isPreparedRequest(make({ method: 'POST', body: new Blob(['pkg']) }))).toBe(true);
    for (const body of [
      new Uint8Array(1),
      new ArrayBuffer(1),
      new FormData(),
      new URLSearchParams(),
    ])
      expect(make({ method: 'POST', body })).toSatisfy(isPreparedRequest);
    // Bytes the platform's Request refuses (shared or resizable memory: undici 6, Node 20 and 22)
    // are refused at the call; where it takes them (undici 7, Node 24), the call takes them too.
    const shared = new Uint8Array(new SharedArrayBuffer(1));
    const resizable: ArrayBuffer = Reflect.construct(ArrayBuffer, [1, { maxByteLength: 2 }]);
    for (const body of [shared as unknown as BodyInit, resizable]) {
      const init = callInit({ method: 'POST', body });
      let refusal: unknown;
      try {
        new Request(url, init);
      } catch (error) {
        refusal = error;
      }
      if (refusal === undefined) expect(() => make({ method: 'POST', body })).not.toThrow();
      else expect(() => make({ method: 'POST', body })).toThrow(TypeError);
    }
    // What a Request refuses is refused at the call, as it was.
    expect(() => make({ method: 'CONNECT' })).toThrow(TypeError);
    expect(() => make({ method: 'BAD METHOD' })).toThrow(TypeError);
    expect(() => make({ redirect: 'bogus' as RequestRedirect })).toThrow(TypeError);
    expect(() => new ClientRequest('not a url/v1', callInit())).toThrow(TypeError);
    expect(make({ redirect: 'manual' })).toSatisfy(isPreparedRequest);
    // Only a URL under the client's base URL is prepared (a call may name another).
    expect(new ClientRequest('https://other.test/api/v1', callInit())).toBeInstanceOf(TimedRequest);
    // A stream can be read once; an unknown key is the platform's to check; a GET with a body
    // is refused when built, as it was.
    const stream = new ReadableStream();
    const streamed = make({ method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect(streamed).toBeInstanceOf(TimedRequest);
    expect(make({ cache: 'no-store' })).toBeInstanceOf(TimedRequest);
    expect(() => make({ method: 'GET', body: 'x' })).toThrow(TypeError);
    const withMiddleware = clientRequests(true, base);
    expect(new withMiddleware.Request(url, callInit())).toBeInstanceOf(TimedRequest);
    // openapi-fetch checks a middleware's own Request against the class it builds with.
    expect(new Request(url)).toBeInstanceOf(ClientRequest);
    expect(new Request(url)).toBeInstanceOf(withMiddleware.Request);
  });

  it('builds Requests once use() adds middleware, and for a call with its own middleware or fetch', () => {
    const requests = clientRequests(false, base);
    const seen: unknown[] = [];
    const client = {
      GET: (_path: string, options?: { Request?: typeof Request }) => {
        const Make = options?.Request ?? requests.Request;
        seen.push(new Make(url, callInit()));
      },
      use: (..._middleware: unknown[]) => undefined,
    };
    requests.attach(client);
    client.GET('/v1/buildings');
    client.GET('/v1/buildings', { middleware: [{}] } as never);
    client.GET('/v1/buildings', { fetch: globalThis.fetch } as never);
    client.use({});
    client.GET('/v1/buildings');
    expect(seen.map(isPreparedRequest)).toEqual([true, false, false, false]);
    expect(seen.slice(1).every((request) => request instanceof Request)).toBe(true);
  });
});

describe('withTimeout over a prepared request', () => {
  it('one made by hand that cannot be built rejects with the platform’s error, not a network error', async () => {
    const server = transport();
    const networkError = (call: TimedOutCall) =>
      Object.assign(new Error(`no answer: ${call.path}`), { code: 'NETWORK_ERROR' });
    const send = withTimeout(server.fetch, { timeoutMs: 100, timeoutError, networkError });
    const init = { method: 'CONNECT', headers: new Headers() };
    const error = await send(new PreparedRequest(url, init) as unknown as Request).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(error).not.toHaveProperty('code', 'NETWORK_ERROR');
    expect(server.sent).toHaveLength(0);
  });

  it('sends one Request built with the timeout’s signal, and times it out', async () => {
    const server = transport();
    const send = withTimeout(server.fetch, { timeoutMs: 100, timeoutError });
    const prepared = new PreparedRequest(url, callInit() as RequestInit & { headers: Headers });
    const outcome = send(prepared as unknown as Request).catch((e: unknown) => e);
    expect(server.sent).toHaveLength(1);
    expect(server.sent[0]?.headers.get('accept')).toBe('application/json');
    await vi.advanceTimersByTimeAsync(100);
    expect(await outcome).toMatchObject({ call: { path: '/api/v1/buildings', timeoutMs: 100 } });
  });

  it('follows the caller’s signal, and takes a call’s own timeout without sending its header', async () => {
    const server = transport();
    const send = withTimeout(server.fetch, { timeoutMs: 100, timeoutError });
    const caller = new AbortController();
    const headers = new Headers(requestTimeout(5_000));
    const init = callInit({ signal: caller.signal, headers }) as RequestInit & { headers: Headers };
    const prepared = new PreparedRequest(url, init);
    const cancelled = send(prepared as unknown as Request).catch((e: unknown) => e);
    const reason = new Error('cancelled');
    caller.abort(reason);
    expect(await cancelled).toBe(reason);
    const slow = send(new PreparedRequest(url, init) as unknown as Request).catch(
      (e: unknown) => e,
    );
    // The caller's signal is aborted already: this one is refused at once, with its reason.
    expect(await slow).toBe(reason);
    const own = new PreparedRequest(url, { ...init, signal: undefined });
    const long = send(own as unknown as Request).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(server.sent.at(-1)?.signal.aborted).toBe(false);
    expect(server.sent.at(-1)?.headers.has(TIMEOUT_HEADER)).toBe(false);
    expect(own.headers.has(TIMEOUT_HEADER)).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(await long).toMatchObject({ call: { timeoutMs: 5_000 } });
  });
});
