/** Brands a {@link PreparedRequest}, shared by every copy of this package in an install. */
const prepared: unique symbol = /* @__PURE__ */ Symbol.for('jamf-sdk.PreparedRequest') as never;

/** Marks a fetch layer or an authorizer whose `fetch` accepts a {@link PreparedRequest}. */
const acceptsPrepared = /* @__PURE__ */ Symbol.for('jamf-sdk.acceptsPreparedRequests');

/**
 * Marks a fetch layer or an authorizer whose `fetch` takes a {@link PreparedRequest} as its input
 * (this SDK's do) and returns it; `composeFetch` hands any other one a built `Request`.
 */
export function acceptsPreparedRequests<T extends object>(value: T): T {
  Object.defineProperty(value, acceptsPrepared, { value: true });
  return value;
}

/** Whether a fetch layer or authorizer was marked by {@link acceptsPreparedRequests}. */
export function isAcceptingPreparedRequests(value: object): boolean {
  return (value as Record<symbol, unknown>)[acceptsPrepared] === true;
}

/** `RequestInit` keys a {@link PreparedRequest} carries; any other makes the client build a `Request`. */
const PREPARABLE_KEYS = /* @__PURE__ */ new Set([
  'body',
  'headers',
  'method',
  'redirect',
  'signal',
]);

/**
 * Methods a prepared request may have: those `Request` accepts as they are. Any other (CONNECT,
 * TRACE, a lower-case or malformed one) is built at the call, so it fails there as it did.
 */
const PREPARABLE_METHODS = /* @__PURE__ */ new Set([
  'DELETE',
  'GET',
  'HEAD',
  'OPTIONS',
  'PATCH',
  'POST',
  'PUT',
]);

/** The `redirect` values `Request` accepts; any other is refused when the call is built. */
const REDIRECT_MODES = /* @__PURE__ */ new Set(['error', 'follow', 'manual']);

/**
 * A request a client has prepared but not built yet: its URL, method, headers and the rest of its
 * init. The client's innermost `fetch` builds the one `Request` the platform sends, with the
 * timeout's signal in it. A `Request` built earlier would be copied by `fetch(request, { signal })`
 * (a second header list, body and signal to follow: bench P1 put the copy at about the cost of the
 * whole timeout). Only requests that build without fail are prepared, with no body or one the
 * platform re-reads on every send (string, bytes, `Blob`, `FormData`, `URLSearchParams`), so a
 * retry or the replay after a 401 sends the same object; {@link clientRequests} prepares a copy of
 * a body the caller could change after the call, as a `Request` copies it when built.
 *
 * This SDK's layers sign, limit and retry it in place; a `fetch` or layer of anyone else gets a
 * built `Request` ({@link toRequest}).
 */
export class PreparedRequest {
  /** The URL as the client wrote it. */
  readonly url: string;
  /** The HTTP method, upper case. */
  readonly method: string;
  /** The request's own headers: a layer may set one in place (the request is this call's own). */
  readonly headers: Headers;
  /** The caller's signal, if the call has one. */
  readonly signal: AbortSignal | undefined;
  readonly #init: RequestInit;
  /**
   * The brand {@link isPreparedRequest} checks, set in the constructor: a computed key in a
   * class body would keep the class in bundles that never use it.
   */
  declare readonly [prepared]: true;

  constructor(url: string, init: RequestInit & { headers: Headers }) {
    this.url = url;
    this.method = init.method ?? 'GET';
    this.headers = init.headers;
    this.signal = init.signal ?? undefined;
    this.#init = init;
    (this as { [prepared]: true })[prepared] = true;
  }

  /**
   * Whether `init` (openapi-fetch's for one call) can be prepared: only known keys, headers
   * already a `Headers`, a method and `redirect` that `Request` accepts, and no body or one that
   * can be read again. Anything else is built at the call, so a `Request` that cannot be built
   * fails there, before a token, a slot or a retry (as it did before requests were prepared).
   */
  static canPrepare(init: RequestInit): init is RequestInit & { headers: Headers } {
    if (!(init.headers instanceof Headers)) return false;
    for (const key in init) {
      if (!PREPARABLE_KEYS.has(key)) return false;
    }
    const { body, signal, method = 'GET', redirect } = init;
    if (!PREPARABLE_METHODS.has(method)) return false;
    if (redirect !== undefined && !REDIRECT_MODES.has(redirect)) return false;
    if (signal != null && !(signal instanceof AbortSignal)) return false;
    if (body == null) return true;
    if (method === 'GET' || method === 'HEAD') return false;
    return (
      typeof body === 'string' ||
      body instanceof Blob ||
      body instanceof FormData ||
      body instanceof URLSearchParams ||
      (body instanceof ArrayBuffer && isFixedLength(body)) ||
      // Bytes over shared or resizable memory are refused when built.
      (ArrayBuffer.isView(body) && body.buffer instanceof ArrayBuffer && isFixedLength(body.buffer))
    );
  }

  /** The init to send with: this request's, with `signal` in place of the caller's if given. */
  init(signal?: AbortSignal): RequestInit {
    const init = { ...this.#init, headers: this.headers };
    if (signal !== undefined) init.signal = signal;
    return init;
  }

  /** A copy of this request with other headers (the body is shared: it can be read again). */
  withHeaders(headers: Headers): PreparedRequest {
    return prepare(this.url, { ...this.#init, headers });
  }

  /** Builds the `Request`, with `signal` in place of the caller's if given. */
  toRequest(signal?: AbortSignal): Request {
    return new Request(this.url, this.init(signal));
  }

  /**
   * The error building this request throws, if it does: a send that failed may have failed there
   * rather than on the network. A client prepares only requests that build
   * ({@link PreparedRequest.canPrepare}); one made by hand may not (a method `Request` refuses).
   */
  buildError(): unknown {
    try {
      // Without the caller's signal, which a built Request would follow until collected.
      new Request(this.url, { ...this.init(), signal: null });
      return undefined;
    } catch (error) {
      return error;
    }
  }
}

/** Whether `buffer` is not resizable (`Request` refuses a resizable one). */
function isFixedLength(buffer: ArrayBuffer): boolean {
  return (buffer as { resizable?: boolean }).resizable !== true;
}

/**
 * A new {@link PreparedRequest}, outside the class body: a class that names itself inside its
 * body is renamed `_PreparedRequest` by the bundler, and its `name` would say so.
 */
function prepare(url: string, init: RequestInit & { headers: Headers }): PreparedRequest {
  return new PreparedRequest(url, init);
}

/**
 * Whether `value` is a {@link PreparedRequest} (made by any copy of this package in an install).
 * A function, not a static method, so a layer that only checks does not ship the class.
 */
export function isPreparedRequest(value: unknown): value is PreparedRequest {
  return typeof value === 'object' && value !== null && prepared in value;
}
