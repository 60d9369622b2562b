import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  clientRequests,
  platformFetch,
  requestTimeout,
  TIMEOUT_HEADER,
  type TimedOutCall,
  toRequest,
  withTimeout,
} from '../src/index.js';

// A garbage collection on demand: what follows an AbortSignal in undici is held weakly.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

// The timeout on Node's own fetch (undici), against a real loopback server: what a client built
// over `platformFetch` does on Node. Only the timers are fake; sockets and undici are real.

class CallTimedOut extends Error {
  constructor(readonly call: TimedOutCall) {
    super(`${call.method} ${call.path} timed out after ${call.timeoutMs} ms`);
  }
}
const timeoutError = (call: TimedOutCall) => new CallTimedOut(call);

/** Requests the server got and left hanging, each with a promise of its socket closing. */
const hanging: { request: IncomingMessage; closed: Promise<void> }[] = [];
let arrived: () => void = () => {};
let server: Server;
let base: string;

function handle(request: IncomingMessage, response: ServerResponse): void {
  if (request.url === '/answer') {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ timeoutHeader: request.headers[TIMEOUT_HEADER] ?? null }));
    return;
  }
  if (request.url === '/moved') {
    response.statusCode = 302;
    response.setHeader('location', '/hang');
    response.end();
    return;
  }
  // Anything else never gets an answer.
  const closed = new Promise<void>((resolve) => request.socket.once('close', () => resolve()));
  hanging.push({ request, closed });
  arrived();
}

/** Resolves once the server holds `count` unanswered requests. */
function untilHanging(count: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (hanging.length >= count) resolve();
      else arrived = check;
    };
    check();
  });
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  hanging.length = 0;
  // Only timers: undici and the sockets run on real I/O.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** A call prepared as a client prepares it (openapi-fetch's init for a GET). */
function prepared(path: string, headers: Record<string, string> = {}) {
  const { Request } = clientRequests(false, base);
  return new Request(`${base}${path}`, {
    method: 'GET',
    redirect: 'follow',
    headers: new Headers({ accept: 'application/json', ...headers }),
  }) as unknown as Request;
}

describe('withTimeout over platformFetch, on Node', () => {
  it('a call with no answer times out at its deadline, and its connection is closed', async () => {
    const send = withTimeout(platformFetch, { timeoutMs: 5_000, timeoutError });
    const outcome = send(prepared('/hang')).catch((error: unknown) => error);
    await untilHanging(1);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(hanging[0]?.request.socket.destroyed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(CallTimedOut);
    const call = (error as CallTimedOut).call;
    expect(call).toMatchObject({ method: 'GET', path: '/hang', timeoutMs: 5_000 });
    expect(call.cause).toBeInstanceOf(DOMException);
    expect((call.cause as DOMException).name).toBe('TimeoutError');
    await hanging[0]?.closed;
  });

  it('an answer in time is not aborted later, and its connection serves the next call', async () => {
    const send = withTimeout(platformFetch, { timeoutMs: 1_000, timeoutError });
    const first = await send(prepared('/answer'));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await first.json()).toEqual({ timeoutHeader: null });
    const second = await send(prepared('/answer'));
    expect(second.status).toBe(200);
    await second.arrayBuffer();
  });

  it('a per-call timeout applies and its header is not sent', async () => {
    const send = withTimeout(platformFetch, { timeoutMs: 60_000, timeoutError });
    const answered = await send(prepared('/answer', requestTimeout(250)));
    expect(await answered.json()).toEqual({ timeoutHeader: null });
    const outcome = send(prepared('/hang', requestTimeout(250))).catch((error: unknown) => error);
    await untilHanging(1);
    await vi.advanceTimersByTimeAsync(250);
    expect(((await outcome) as CallTimedOut).call.timeoutMs).toBe(250);
  });

  it('the deadline spans redirects: the hop after a 302 is aborted', async () => {
    const send = withTimeout(platformFetch, { timeoutMs: 3_000, timeoutError });
    const outcome = send(prepared('/moved')).catch((error: unknown) => error);
    await untilHanging(1);
    expect(hanging[0]?.request.url).toBe('/hang');
    await vi.advanceTimersByTimeAsync(3_000);
    expect(await outcome).toBeInstanceOf(CallTimedOut);
    await hanging[0]?.closed;
  });

  it("a client's built Request (one with middleware) is timed the same way", async () => {
    const send = withTimeout(platformFetch, { timeoutMs: 2_000, timeoutError });
    const { Request } = clientRequests(true, base);
    const built = new Request(`${base}/hang`, { method: 'GET', headers: new Headers() });
    expect(built).toBeInstanceOf(globalThis.Request);
    const outcome = send(built).catch((error: unknown) => error);
    await untilHanging(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await outcome).toBeInstanceOf(CallTimedOut);
    await hanging[0]?.closed;
  });

  it("the caller's abort rejects with the caller's reason and closes the connection", async () => {
    const send = withTimeout(platformFetch, { timeoutMs: 5_000, timeoutError });
    const caller = new AbortController();
    const { Request } = clientRequests(false, base);
    const request = new Request(`${base}/hang`, {
      method: 'GET',
      headers: new Headers(),
      signal: caller.signal,
    }) as unknown as Request;
    const outcome = send(request).catch((error: unknown) => error);
    await untilHanging(1);
    caller.abort(new Error('changed my mind'));
    expect(await outcome).toEqual(new Error('changed my mind'));
    await hanging[0]?.closed;
  });

  it('a request still waiting for a connection fails at the deadline, and is aborted if it connects', async () => {
    // A global dispatcher (as undici's setGlobalDispatcher installs: a proxy or mock agent) that
    // holds every request, like a pool with no free connection.
    const key = Symbol.for('undici.globalDispatcher.1');
    const held: { onConnect(abort: (reason?: unknown) => void): void }[] = [];
    await (await fetch(`${base}/answer`)).arrayBuffer(); // Node's fetch sets its dispatcher up.
    const original = (globalThis as Record<symbol, unknown>)[key];
    (globalThis as Record<symbol, unknown>)[key] = {
      dispatch: (_options: object, handler: (typeof held)[number]) => held.push(handler) > 0,
    };
    try {
      const send = withTimeout(platformFetch, { timeoutMs: 1_000, timeoutError });
      const outcome = send(prepared('/queued')).catch((error: unknown) => error);
      await vi.waitFor(() => expect(held).toHaveLength(1));
      await vi.advanceTimersByTimeAsync(1_000);
      expect(await outcome).toBeInstanceOf(CallTimedOut);
      const abort = vi.fn();
      held[0]?.onConnect(abort);
      expect(abort).toHaveBeenCalledOnce();
      expect(abort).toHaveBeenCalledWith(expect.objectContaining({ name: 'TimeoutError' }));
    } finally {
      (globalThis as Record<symbol, unknown>)[key] = original;
    }
  });

  it("undici's MockAgent, set with setGlobalDispatcher, answers the call and matches its body", async () => {
    const { MockAgent, getGlobalDispatcher, setGlobalDispatcher } = await import('undici');
    const original = getGlobalDispatcher();
    const agent = new MockAgent();
    agent.disableNetConnect();
    agent
      .get('https://jamf.test')
      .intercept({ path: '/api/v1/buildings', method: 'POST', body: '{"name":"HQ"}' })
      .reply(201, { id: '7' });
    setGlobalDispatcher(agent);
    try {
      const send = withTimeout(platformFetch, { timeoutError });
      const { Request } = clientRequests(false, 'https://jamf.test/api');
      const response = await send(
        new Request('https://jamf.test/api/v1/buildings', {
          method: 'POST',
          headers: new Headers({ 'content-type': 'application/json' }),
          body: '{"name":"HQ"}',
        }) as unknown as Request,
      );
      expect(response.status).toBe(201);
      expect(await response.json()).toEqual({ id: '7' });
    } finally {
      setGlobalDispatcher(original);
      await agent.close();
    }
  });

  it("a global dispatcher whose abort waits for the answer (undici's dump interceptor) still times the call out", async () => {
    const { Agent, getGlobalDispatcher, interceptors, setGlobalDispatcher } = await import(
      'undici'
    );
    const original = getGlobalDispatcher();
    const agent = new Agent();
    setGlobalDispatcher(agent.compose(interceptors.dump()));
    try {
      const send = withTimeout(platformFetch, { timeoutMs: 1_000, timeoutError });
      const outcome = send(prepared('/hang')).catch((error: unknown) => error);
      await untilHanging(1);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(await outcome).toBeInstanceOf(CallTimedOut);
    } finally {
      setGlobalDispatcher(original);
      await agent.destroy();
    }
  });

  it("a caller's fetch that copies the Request it is given still times out after a garbage collection", async () => {
    // What a client does with `fetch: (request) => fetch(request)`: Node's fetch copies the
    // Request, and the copy follows the timeout's signal through the given one.
    const send = withTimeout((input, init) => fetch(toRequest(input, init)), {
      timeoutMs: 1_000,
      timeoutError,
    });
    const outcome = send(prepared('/hang')).catch((error: unknown) => error);
    await untilHanging(1);
    collectGarbage();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await outcome).toBeInstanceOf(CallTimedOut);
    await hanging[0]?.closed;
  });

  it('a patched fetch (msw, a wrapper) is given an AbortSignal, and its call still times out', async () => {
    const inits: (RequestInit | undefined)[] = [];
    const nodeFetch = globalThis.fetch;
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
      inits.push(init);
      return nodeFetch(input, init);
    });
    const send = withTimeout(platformFetch, { timeoutMs: 1_000, timeoutError });
    const outcome = send(prepared('/hang')).catch((error: unknown) => error);
    await untilHanging(1);
    expect(inits[0]?.signal).toBeInstanceOf(AbortSignal);
    expect(inits[0]).not.toHaveProperty('dispatcher');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await outcome).toBeInstanceOf(CallTimedOut);
    await hanging[0]?.closed;
  });
});
