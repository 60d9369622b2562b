/**
 * undici's key for its global dispatcher: Node's own `fetch` and the `undici` package's
 * `setGlobalDispatcher` (a proxy agent, a mock agent) share it.
 */
const GLOBAL_DISPATCHER = /* @__PURE__ */ Symbol.for('undici.globalDispatcher.1');

/** What an undici dispatcher is handed with each request (the methods Node's `fetch` gives). */
interface DispatchHandler {
  onConnect?(abort: (reason?: unknown) => void, context?: unknown): void;
  onError?(error: unknown): void;
  onResponseStarted?(): unknown;
  onHeaders?(status: number, rawHeaders: unknown, resume: () => void, statusText: string): unknown;
  onData?(chunk: unknown): unknown;
  onComplete?(trailers: unknown): unknown;
  onUpgrade?(status: number, rawHeaders: unknown, socket: unknown): unknown;
}

/** An undici dispatcher, as far as this module calls one. */
interface Dispatcher {
  dispatch(options: object, handler: DispatchHandler): boolean;
  /** Set by undici's `MockAgent`: `fetch` then hands it the body as given, for its matchers. */
  readonly isMockActive?: boolean;
}

/** The dispatcher every request goes to: Node's own agent, or the one `setGlobalDispatcher` set. */
function globalDispatcher(): Dispatcher | undefined {
  return (globalThis as Record<symbol, Dispatcher | undefined>)[GLOBAL_DISPATCHER];
}

let lastFetch: unknown;
let lastIsNodeFetch = false;

/**
 * Whether `fetch` is Node's own (undici, bundled with Node since 18), which takes a
 * `dispatcher` in its init. A fetch patched by msw or nock, a wrapper, or Deno's, Bun's or a
 * browser's is not, and gets an `AbortSignal` instead. Node's `fetch` is a plain function that
 * loads undici on first use; its source is the one mark it has.
 */
export function isNodeFetch(fetch: unknown): boolean {
  if (fetch !== lastFetch) {
    lastFetch = fetch;
    lastIsNodeFetch =
      typeof fetch === 'function' &&
      Function.prototype.toString.call(fetch).includes("require('internal/deps/undici/undici')");
  }
  return lastIsNodeFetch;
}

/**
 * One call's timeout on Node's `fetch`, without an `AbortSignal`: an undici dispatcher for the
 * call (`init.dispatcher`) that hands each request, redirects included, to the global dispatcher
 * (so a proxy or mock agent set with `setGlobalDispatcher` still applies) and aborts the one in
 * flight when the timer fires. undici follows a signal given to `fetch` with a weak reference, a
 * finalization entry and a listener: with its `AbortController` that cost about 15 µs of client
 * CPU per call in a paired in-process loop, where this is within noise of no timeout at all.
 */
export class DispatcherDeadline implements Dispatcher {
  /** Whether the timer fired. */
  expired = false;
  /** The `TimeoutError` the call was aborted with, once the timer fired. */
  reason: DOMException | undefined;
  #current: DeadlineHandler | undefined;
  readonly #timer: ReturnType<typeof setTimeout>;

  constructor(timeoutMs: number) {
    this.#timer = setTimeout(expire, timeoutMs, this, timeoutMs);
  }

  /** Whether the global dispatcher is undici's `MockAgent` (`fetch` asks its dispatcher). */
  get isMockActive(): boolean {
    return globalDispatcher()?.isMockActive === true;
  }

  /** undici's dispatcher method: the request goes to the global dispatcher, under this deadline. */
  dispatch(options: object, handler: DispatchHandler): boolean {
    const global = globalDispatcher();
    if (global === undefined) throw new TypeError('undici has no global dispatcher');
    const current = new DeadlineHandler(handler, this);
    if (this.reason !== undefined) {
      current.onError(this.reason);
      return true;
    }
    this.#current = current;
    return global.dispatch(options, current);
  }

  /** Ends the timer once the answer's headers are in (or the call failed). */
  stop(): void {
    clearTimeout(this.#timer);
  }

  /** The timer fired: abort the request in flight, or fail one still waiting for a connection. */
  expire(timeoutMs: number): void {
    this.expired = true;
    this.reason = new DOMException(`No answer within ${timeoutMs} ms`, 'TimeoutError');
    this.#current?.cancel(this.reason);
  }
}

/** The timer's callback (a function, not a closure per call). */
function expire(deadline: DispatcherDeadline, timeoutMs: number): void {
  deadline.expire(timeoutMs);
}

/**
 * Passes every event of one request to `fetch`'s handler (the methods Node's `fetch` defines, in
 * undici 6 and 7), keeping the abort function undici gives when the request gets its connection.
 * `fetch`'s methods run on its own handler.
 */
class DeadlineHandler implements DispatchHandler {
  readonly #handler: DispatchHandler;
  readonly #deadline: DispatcherDeadline;
  #abort: ((reason?: unknown) => void) | undefined;
  #failed = false;

  constructor(handler: DispatchHandler, deadline: DispatcherDeadline) {
    this.#handler = handler;
    this.#deadline = deadline;
  }

  /**
   * Aborts the request and fails the call now; one not connected yet is aborted when it
   * connects. undici's own dispatchers fail the request within `abort`; one that only notes it
   * (undici's `dump` interceptor waits for the answer's end, which may never come) would leave
   * the call waiting, where a signal's abort rejects `fetch` at once.
   */
  cancel(reason: DOMException): void {
    this.#abort?.(reason);
    this.onError(reason);
  }

  onConnect(abort: (reason?: unknown) => void, context?: unknown): void {
    this.#abort = abort;
    const reason = this.#deadline.reason;
    if (reason !== undefined) abort(reason);
    else this.#handler.onConnect?.(abort, context);
  }

  onError(error: unknown): void {
    if (this.#failed) return;
    this.#failed = true;
    const handler = this.#handler;
    if (handler.onError === undefined) throw error;
    handler.onError(error);
  }

  onResponseStarted(): unknown {
    return this.#handler.onResponseStarted?.();
  }

  onHeaders(status: number, rawHeaders: unknown, resume: () => void, statusText: string): unknown {
    return this.#handler.onHeaders?.(status, rawHeaders, resume, statusText);
  }

  onData(chunk: unknown): unknown {
    return this.#handler.onData?.(chunk);
  }

  onComplete(trailers: unknown): unknown {
    return this.#handler.onComplete?.(trailers);
  }

  onUpgrade(status: number, rawHeaders: unknown, socket: unknown): unknown {
    return this.#handler.onUpgrade?.(status, rawHeaders, socket);
  }
}
