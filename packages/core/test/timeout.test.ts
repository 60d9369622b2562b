import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_TIMEOUT_MS,
  MAX_TIMEOUT_MS,
  requestTimeout,
  TIMEOUT_HEADER,
  type TimedOutCall,
  TimedRequest,
  TimeoutOptionError,
  withTimeout,
} from '../src/index.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A server that never answers: the fetch settles only when the request is aborted. */
function hangingFetch() {
  const seen: Request[] = [];
  const fetch = (input: Request | string | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    seen.push(request);
    return new Promise<Response>((_resolve, reject) => {
      if (request.signal.aborted) reject(request.signal.reason);
      request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
    });
  };
  return { fetch, seen };
}

class CallTimedOut extends Error {
  constructor(readonly call: TimedOutCall) {
    super(`${call.method} ${call.path} timed out after ${call.timeoutMs} ms`);
  }
}
const timeoutError = (call: TimedOutCall) => new CallTimedOut(call);

describe('withTimeout', () => {
  it('rejects with the client error after the default timeout, naming method and path', async () => {
    const server = hangingFetch();
    const send = withTimeout(server.fetch, { timeoutError });
    const outcome = send('https://jamf.test/api/v1/computers?page=2', { method: 'GET' }).catch(
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUT_MS - 1);
    expect(server.seen[0]?.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(CallTimedOut);
    expect((error as CallTimedOut).call).toMatchObject({
      method: 'GET',
      path: '/api/v1/computers',
      timeoutMs: 60_000,
    });
  });

  it('a per-call timeout replaces the client one, longer or shorter, and never reaches the server', async () => {
    const server = hangingFetch();
    const send = withTimeout(server.fetch, { timeoutMs: 1_000, timeoutError });
    const longer = send('https://jamf.test/a', { headers: requestTimeout(5_000) }).catch((e) => e);
    const shorter = send('https://jamf.test/b', { headers: requestTimeout(100) }).catch((e) => e);
    await vi.advanceTimersByTimeAsync(100);
    expect(await shorter).toMatchObject({ call: { path: '/b', timeoutMs: 100 } });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(server.seen[0]?.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(3_900);
    expect(await longer).toMatchObject({ call: { path: '/a', timeoutMs: 5_000 } });
    expect(server.seen.map((r) => r.headers.has(TIMEOUT_HEADER))).toEqual([false, false]);
  });

  it("the caller's abort wins with the caller's reason; an AbortSignal.timeout counts as a timeout", async () => {
    const server = hangingFetch();
    const send = withTimeout(server.fetch, { timeoutMs: 10_000, timeoutError });
    const controller = new AbortController();
    const aborted = send('https://jamf.test/a', { signal: controller.signal }).catch((e) => e);
    const reason = new Error('user cancelled');
    controller.abort(reason);
    expect(await aborted).toBe(reason);
    const timed = send('https://jamf.test/b', { signal: AbortSignal.timeout(50) }).catch((e) => e);
    await vi.advanceTimersByTimeAsync(50);
    expect(await timed).toMatchObject({ call: { path: '/b' } });
  });

  it("a caller's abort after the headers still stops the body; the timer does not", async () => {
    // Answers headers at once, then a body that only ends when the request's signal aborts.
    const streaming = (input: Request | string | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('partial'));
          request.signal.addEventListener('abort', () => controller.error(request.signal.reason));
        },
      });
      return Promise.resolve(new Response(body));
    };
    const send = withTimeout(streaming, { timeoutMs: 100, timeoutError });
    const controller = new AbortController();
    const response = await send('https://jamf.test/a', { signal: controller.signal });
    const reading = response.text().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1_000);
    const reason = new Error('user cancelled the download');
    controller.abort(reason);
    expect(await reading).toBe(reason);
  });

  it('an already-aborted signal rejects with its reason; an abort after the timer keeps the timeout', async () => {
    const server = hangingFetch();
    const send = withTimeout(server.fetch, { timeoutMs: 100, timeoutError });
    const early = new Error('never mind');
    const pre = await send('https://jamf.test/a', { signal: AbortSignal.abort(early) }).catch(
      (e: unknown) => e,
    );
    expect(pre).toBe(early);
    const controller = new AbortController();
    const late = send('https://jamf.test/b', { signal: controller.signal }).catch((e) => e);
    await vi.advanceTimersByTimeAsync(100);
    controller.abort(new Error('too late'));
    expect(await late).toMatchObject({ call: { path: '/b', timeoutMs: 100 } });
  });

  it('a TimedRequest times out alone, and still follows a signal it was built with or from', async () => {
    const server = hangingFetch();
    const send = withTimeout(server.fetch, { timeoutMs: 100, timeoutError });
    const alone = send(new TimedRequest('https://jamf.test/alone')).catch((e) => e);
    const own = new AbortController();
    const withSignal = send(
      new TimedRequest('https://jamf.test/own', { signal: own.signal }),
    ).catch((e) => e);
    const parent = new AbortController();
    const source = new Request('https://jamf.test/copy', { signal: parent.signal });
    const fromRequest = send(new TimedRequest(source)).catch((e) => e);
    const ownReason = new Error('cancelled by its own signal');
    const parentReason = new Error('cancelled by the request it was made from');
    own.abort(ownReason);
    parent.abort(parentReason);
    expect(await withSignal).toBe(ownReason);
    expect(await fromRequest).toBe(parentReason);
    await vi.advanceTimersByTimeAsync(100);
    expect(await alone).toMatchObject({ call: { path: '/alone', timeoutMs: 100 } });
    expect(new TimedRequest('https://jamf.test/')).toBeInstanceOf(Request);
    expect(TimedRequest.is(new Request('https://jamf.test/'))).toBe(false);
    expect(TimedRequest.is(new TimedRequest('https://jamf.test/'))).toBe(true);
  });

  it('an answer in time clears the timer; 0 means no timeout', async () => {
    const send = withTimeout(async () => new Response('ok'), { timeoutMs: 5, timeoutError });
    expect(await (await send('https://jamf.test/')).text()).toBe('ok');
    expect(vi.getTimerCount()).toBe(0);
    const server = hangingFetch();
    const forever = withTimeout(server.fetch, { timeoutMs: 0, timeoutError });
    let settled = false;
    void forever('https://jamf.test/').finally(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(settled).toBe(false);
  });

  it('refuses a timeout that is not whole milliseconds from 0 to what a timer holds', () => {
    const tooLong = MAX_TIMEOUT_MS + 1; // a timer would fire it after 1 ms
    for (const bad of [-1, 1.5, Number.NaN, Infinity, tooLong, 1e20, '100' as unknown as number]) {
      expect(() => withTimeout(fetch, { timeoutMs: bad, timeoutError })).toThrow(
        TimeoutOptionError,
      );
      expect(() => requestTimeout(bad)).toThrow(
        expect.objectContaining({ code: 'INVALID_TIMEOUT' }),
      );
    }
    expect(requestTimeout(MAX_TIMEOUT_MS)).toEqual({ [TIMEOUT_HEADER]: String(MAX_TIMEOUT_MS) });
  });
});
