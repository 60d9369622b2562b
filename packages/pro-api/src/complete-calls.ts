import type { CallInit } from './call-init.js';
import { namesContentType, withDeclaredMediaTypes } from './declared-media-types.js';
import { pathParameterError } from './path-parameters.js';

/** A call of an openapi-fetch client: `(path, init)`, as its `GET`, `POST`, … are. */
type Call = (path: string, init?: CallInit) => Promise<unknown>;

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE'] as const;

/** The openapi-fetch client methods whose calls {@link completeCalls} checks and completes. */
type CallMethods = Record<(typeof METHODS)[number], Call> & {
  request: (method: string, path: string, init?: CallInit) => Promise<unknown>;
};

/**
 * Checks and completes every call of an openapi-fetch client before openapi-fetch builds it: a
 * call whose path parameters name no object rejects at once (`pathParameterError`), and the rest
 * are sent and read as their operation declares (`withDeclaredMediaTypes`). `clientHeaders` are
 * the client's own default headers.
 */
export function completeCalls(client: CallMethods, clientHeaders: unknown): void {
  const declaresBodies = !namesContentType(clientHeaders);
  const complete = (method: string, path: string, init: CallInit | undefined) => {
    const refused = pathParameterError(method, path, init);
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
