import type { FetchLike } from './fetch-like.js';
import { isPreparedRequest, PreparedRequest } from './prepared-request.js';
import { TimedRequest } from './timeout.js';

/** openapi-fetch's call methods, whose per-call options may hold `middleware`. */
const CALL_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

type CallOptions =
  | { middleware?: readonly unknown[]; fetch?: unknown; Request?: unknown }
  | undefined;
type Call = (...args: unknown[]) => unknown;

/** A prepared call that failed, and the answer it had by then, if any. */
export interface FailedCall {
  /** The call's request, as the client prepared it. */
  readonly request: PreparedRequest;
  /** The answer whose headers had arrived when the call failed (its body was being read). */
  readonly response: Response | undefined;
}

/** What {@link clientRequests} gives a client: its `Request` class, and how to attach it. */
export interface ClientRequests {
  /**
   * openapi-fetch's `Request` option: builds a {@link PreparedRequest} while no openapi-fetch
   * middleware will see the request, else a {@link TimedRequest}. `instanceof` holds for every
   * `Request`, as openapi-fetch checks what a middleware returns against this class.
   */
  readonly Request: typeof Request;
  /**
   * Watches the openapi-fetch client made with {@link ClientRequests.Request}: once `use` adds
   * middleware, and for a call with its own `middleware` or `fetch`, requests are built, not
   * prepared. `callError` turns what a prepared call rejects with into the client's own error
   * (openapi-fetch's `SyntaxError` for a body that is not JSON, the runtime's `TypeError` for a
   * body cut off): it sees the answer recorded by {@link ClientRequests.answering}.
   */
  attach<Client extends object>(
    client: Client,
    callError?: (error: unknown, call: FailedCall) => unknown,
  ): Client;
  /** The client's `fetch`, recording the answer to each prepared request for `callError`. */
  answering(fetch: FetchLike): FetchLike;
}

/**
 * The requests of one openapi-fetch client whose `fetch` takes a {@link PreparedRequest}
 * (`withTimeout` over a transport that builds it). `withMiddleware`: the client starts with
 * openapi-fetch middleware, so every request is built. `baseUrl`: the client's own, checked
 * already; only a URL under it is prepared, so a call's own `baseUrl` that is no URL (or holds
 * credentials) fails when its request is built, at the call.
 */
export function clientRequests(withMiddleware: boolean, baseUrl: string): ClientRequests {
  let prepares = !withMiddleware;
  // openapi-fetch joins its base URL, without a trailing slash, and the path.
  const under = `${baseUrl.replace(/\/+$/, '')}/`;
  /** The request the call being made built: openapi-fetch builds it before its first await. */
  let made: PreparedRequest | undefined;
  const answers = new WeakMap<PreparedRequest, Promise<Response>>();
  const ClientRequest = requestClass((url, init) => {
    if (!(prepares && url.startsWith(under) && PreparedRequest.canPrepare(init))) {
      return new TimedRequest(url, init);
    }
    made = new PreparedRequest(url, withBodyAsNow(init));
    return made;
  });
  const BuiltRequest = requestClass((url, init) => new TimedRequest(url, init));
  /**
   * A call with its own middleware or its own `fetch` builds its request: they read a real one
   * (openapi-fetch hands a call's `fetch` the request it built, bypassing the client's).
   */
  const withBuiltRequests = (options: CallOptions): CallOptions => {
    if (options === undefined || options.Request !== undefined) return options;
    const hasMiddleware = options.middleware !== undefined && options.middleware.length > 0;
    if (!hasMiddleware && options.fetch === undefined) return options;
    return { ...options, Request: BuiltRequest };
  };
  return {
    Request: ClientRequest,
    answering(fetch) {
      // The answer's promise is kept, not awaited here: no promise per call (bench P1).
      return (input, init) => {
        const answer = fetch(input, init);
        if (isPreparedRequest(input)) answers.set(input, answer);
        return answer;
      };
    },
    attach(client, callError) {
      /** Sends a call; a prepared one that fails goes through `callError`. */
      const send = (call: () => unknown): unknown => {
        made = undefined;
        const answer = call();
        const request = made;
        made = undefined;
        if (callError === undefined || request === undefined) return answer;
        return (answer as Promise<unknown>).catch(async (error: unknown) => {
          const response = await answers.get(request)?.then(
            (settled) => settled,
            () => undefined,
          );
          throw callError(error, { request, response });
        });
      };
      const calls = client as unknown as Record<string, Call>;
      const use = calls.use;
      if (typeof use === 'function') {
        calls.use = (...middleware) => {
          prepares = false;
          return use(...middleware);
        };
      }
      for (const name of CALL_METHODS) {
        const call = calls[name];
        if (typeof call !== 'function') continue;
        calls[name] = (url, options) =>
          send(() => call(url, withBuiltRequests(options as CallOptions)));
      }
      const request = calls.request;
      if (typeof request === 'function') {
        calls.request = (method, url, options) =>
          send(() => request(method, url, withBuiltRequests(options as CallOptions)));
      }
      return client;
    },
  };
}

/**
 * `init` with a copy of a body the caller could change after the call (bytes, `FormData`,
 * `URLSearchParams`): a `Request` copies it when built, and a prepared request is built later
 * (after a token, a free slot, a retry's wait), so it sends what the call was given.
 */
function withBodyAsNow<Init extends RequestInit>(init: Init): Init {
  const { body } = init;
  if (body == null || typeof body === 'string' || body instanceof Blob) return init;
  return { ...init, body: copyOf(body) };
}

function copyOf(body: BodyInit): BodyInit {
  if (body instanceof ArrayBuffer) return body.slice(0);
  if (ArrayBuffer.isView(body)) {
    return new Uint8Array(body.buffer, body.byteOffset, body.byteLength).slice();
  }
  if (body instanceof URLSearchParams) return new URLSearchParams(body);
  if (body instanceof FormData) {
    const copy = new FormData();
    // An entry is a string or a File (immutable), which keeps its name.
    for (const [name, value] of body) copy.append(name, value);
    return copy;
  }
  return body;
}

/**
 * A `Request` class for openapi-fetch that makes its requests with `make`, and which every
 * `Request` is an `instanceof`: openapi-fetch checks a middleware's own `new Request(…)` against it.
 */
function requestClass(
  make: (url: string, init: RequestInit) => Request | PreparedRequest,
): typeof Request {
  function ClientRequest(url: string, init: RequestInit) {
    return make(url, init);
  }
  Object.defineProperty(ClientRequest, Symbol.hasInstance, {
    value: (value: unknown) => value instanceof Request,
  });
  return ClientRequest as unknown as typeof Request;
}
