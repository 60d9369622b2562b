import type { CallInit } from './call-init.js';
import { namesContentType, withDeclaredMediaTypes } from './declared-media-types.js';
import { JamfApiError } from './jamf-api-error.js';
import { pathParameterError } from './path-parameters.js';

/** A call of an openapi-fetch client: `(path, init)`, as its `GET`, `POST`, … are. */
type Call = (path: string, init?: CallInit) => Promise<unknown>;

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE'] as const;

/** The openapi-fetch client methods whose calls {@link completeCalls} checks and completes. */
type CallMethods = Record<(typeof METHODS)[number], Call> & {
  request: (method: string, path: string, init?: CallInit) => Promise<unknown>;
};

/** The ways openapi-fetch can read an answer (its `parseAs`). */
const PARSE_AS = new Set(['json', 'text', 'blob', 'arrayBuffer', 'stream']);

/**
 * Why openapi-fetch cannot make a call of `method`, `path` and `init`, or undefined: a method
 * or a path that is not a string, options that are not an object, or a `parseAs` openapi-fetch
 * has no reader for. Each failed later with a TypeError of the client's own code, or for
 * `parseAs` as a NETWORK_ERROR after the request was sent; now a `JamfApiError`
 * `INVALID_REQUEST` (status 0) before anything is sent. A method name the platform refuses
 * (`CONNECT`, `BAD METHOD`) still rejects with the platform's TypeError, as
 * `test/prepared-requests.test.ts` has it.
 */
function callError(method: unknown, path: unknown, init: unknown): JamfApiError | undefined {
  const url = typeof path === 'string' ? path : '';
  const refuse = (message: string) =>
    new JamfApiError({ code: 'INVALID_REQUEST', status: 0, url, message });
  if (typeof method !== 'string')
    return refuse(`the method must be a string such as 'GET', not ${String(typeof method)}`);
  if (typeof path !== 'string' || !path.startsWith('/'))
    return refuse(`${method.toUpperCase()}: the path must be a string such as '/v1/buildings'`);
  if (init === undefined) return undefined;
  if (typeof init !== 'object' || init === null || Array.isArray(init))
    return refuse(`${method.toUpperCase()} ${path}: the call's options must be an object`);
  const { parseAs } = init as { parseAs?: unknown };
  if (parseAs !== undefined && !(typeof parseAs === 'string' && PARSE_AS.has(parseAs)))
    return refuse(
      `${method.toUpperCase()} ${path}: parseAs must be one of ${[...PARSE_AS].join(', ')}`,
    );
  return undefined;
}

/**
 * Checks and completes every call of an openapi-fetch client before openapi-fetch builds it: a
 * call openapi-fetch cannot make (see `callError`) or whose path parameters name no object
 * (`pathParameterError`) rejects at once, and the rest are sent and read as their operation
 * declares (`withDeclaredMediaTypes`). `clientHeaders` are the client's own default headers.
 */
export function completeCalls(client: CallMethods, clientHeaders: unknown): void {
  const declaresBodies = !namesContentType(clientHeaders);
  const complete = (method: string, path: string, init: CallInit | undefined) => {
    const refused = callError(method, path, init) ?? pathParameterError(method, path, init);
    if (refused !== undefined) throw refused;
    return withDeclaredMediaTypes(method, path, init, declaresBodies);
  };
  for (const method of METHODS) {
    const send = client[method];
    client[method] = (path, init) => {
      try {
        return send(path, complete(method, path, init));
      } catch (error) {
        return Promise.reject(error);
      }
    };
  }
  const { request } = client;
  client.request = (method, path, init) => {
    try {
      return request(method, path, complete(method, path, init));
    } catch (error) {
      return Promise.reject(error);
    }
  };
}
