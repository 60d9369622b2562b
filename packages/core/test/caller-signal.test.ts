import { getEventListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientRequests, platformFetch, type TimedOutCall, withTimeout } from '../src/index.js';

// One AbortSignal given to many calls (an app's shutdown signal, paginate's own): each call
// must let go of it, or the signal holds every call it ever served and Node warns past 10.

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Collects garbage until `done()` holds, letting finalizers run between collections. */
async function collectUntil(done: () => boolean): Promise<void> {
  for (let round = 0; round < 20 && !done(); round += 1) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const timeoutError = (call: TimedOutCall) => new Error(`timed out: ${call.path}`);
const listeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;

/** A fetch that is not Node's own (msw, Deno, Bun, a proxy wrapper): the timeout uses a signal. */
const answering =
  (body: string | null, status = 200) =>
  async (_input: Request | string | URL, init?: RequestInit) => {
    init?.signal?.throwIfAborted();
    return new Response(body, { status });
  };

/** A call prepared as a client prepares it, with the caller's signal. */
function prepared(base: string, path: string, signal: AbortSignal, method = 'GET'): Request {
  const { Request } = clientRequests(false, base);
  return new Request(`${base}${path}`, {
    method,
    headers: new Headers({ accept: 'application/json' }),
    signal,
  }) as unknown as Request;
}

describe('a caller signal shared by many calls, through a fetch that is not Node’s own', () => {
  const base = 'https://jamf.test/api';

  it('is let go at once when the answer has no body or the call fails', async () => {
    const app = new AbortController();
    const noBody = withTimeout(answering(null, 204), { timeoutError });
    const failing = withTimeout(
      async () => {
        throw new TypeError('connection refused');
      },
      { timeoutError },
    );
    for (let call = 0; call < 20; call += 1) {
      await noBody(prepared(base, '/v1/buildings/1', app.signal, 'DELETE'));
      await failing(prepared(base, '/v1/buildings', app.signal)).catch(() => {});
    }
    expect(listeners(app.signal)).toBe(0);
  });

  it('serves more than ten calls at once without a MaxListenersExceededWarning', async () => {
    const app = new AbortController();
    const held: (() => void)[] = [];
    const waiting = withTimeout(
      () =>
        new Promise<Response>((resolve) => {
          held.push(() => resolve(new Response(null, { status: 204 })));
        }),
      { timeoutError },
    );
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      const calls = Array.from({ length: 20 }, () =>
        waiting(prepared(base, '/v1/buildings', app.signal)),
      );
      await new Promise((resolve) => setImmediate(resolve));
      expect(held).toHaveLength(20);
      for (const release of held) release();
      await Promise.all(calls);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
    expect(listeners(app.signal)).toBe(0);
  });

  it('is held while an answer can still be read, and let go once the answer is collected', async () => {
    const app = new AbortController();
    const send = withTimeout(answering('{"id":"1"}'), { timeoutError });
    const kept = await send(prepared(base, '/v1/buildings/1', app.signal));
    const readMany = async () => {
      for (let call = 0; call < 20; call += 1) {
        const response = await send(prepared(base, '/v1/buildings/1', app.signal));
        expect(await response.json()).toEqual({ id: '1' });
      }
    };
    await readMany();
    await collectUntil(() => listeners(app.signal) <= 1);
    expect(listeners(app.signal)).toBe(1);
    expect(await kept.json()).toEqual({ id: '1' });
  });
});

describe("a caller signal on Node's own fetch", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      response.setHeader('content-type', 'application/json');
      if (request.url === '/slow-body') {
        response.write('{"results":[');
        return; // The rest never comes.
      }
      response.end('{"id":"1"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('serves many calls and is let go once their answers are collected', async () => {
    const app = new AbortController();
    const send = withTimeout(platformFetch, { timeoutError });
    for (let call = 0; call < 20; call += 1) {
      const response = await send(prepared(base, '/answer', app.signal));
      expect(await response.json()).toEqual({ id: '1' });
    }
    await collectUntil(() => listeners(app.signal) === 0);
    expect(listeners(app.signal)).toBe(0);
  });

  it('still stops a body being read when the caller aborts', async () => {
    const caller = new AbortController();
    const send = withTimeout(platformFetch, { timeoutError });
    const response = await send(prepared(base, '/slow-body', caller.signal));
    const body = response.text();
    caller.abort(new Error('shutting down'));
    await expect(body).rejects.toThrow('shutting down');
  });

  it("an expired AbortSignal.timeout of the caller's is the client's timeout error", async () => {
    const send = withTimeout(platformFetch, { timeoutError });
    const expired = AbortSignal.abort(new DOMException('late', 'TimeoutError'));
    await expect(send(prepared(base, '/answer', expired))).rejects.toThrow('timed out: /answer');
  });
});
