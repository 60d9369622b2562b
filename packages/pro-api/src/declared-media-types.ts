import { ClientOptionError } from '@jamf/core';
import type { HeadersOptions } from 'openapi-fetch';
import { requestMediaTypesTable } from './generated/request-media-types.js';

/** The parts of a call's options this file reads and completes. */
interface CallInit {
  body?: unknown;
  headers?: HeadersOptions;
  params?: { header?: unknown };
  bodySerializer?: unknown;
}

/** A call of an openapi-fetch client: `(path, init)`, as its `POST`, `PUT` and `PATCH` are. */
type Call = (path: string, init?: CallInit) => Promise<unknown>;

/** The openapi-fetch client methods that send a body. */
type SendingMethods = Record<'POST' | 'PUT' | 'PATCH', Call> & {
  request: (method: string, path: string, init?: CallInit) => Promise<unknown>;
};

/** Whether a header list names `Content-Type` (in any case), even to remove it (`null`). */
function namesContentType(headers: unknown): boolean {
  if (typeof headers !== 'object' || headers === null) return false;
  if (headers instanceof Headers) return headers.has('content-type');
  return Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
}

/** A body a text media type can carry as it is. */
function isRawBody(body: unknown): boolean {
  return (
    typeof body === 'string' ||
    body instanceof Blob ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body)
  );
}

/**
 * The call's options with the operation's declared media type as `Content-Type`, and for a
 * media type that is not JSON or a form (`text/csv`, `application/pem-certificate-chain`) the
 * body sent as given, not as JSON text.
 */
function declare(method: string, path: string, type: string, init: CallInit): CallInit {
  const headers: HeadersOptions =
    init.headers instanceof Headers
      ? new Headers(init.headers)
      : { ...(init.headers as Record<string, string> | undefined) };
  if (headers instanceof Headers) headers.set('content-type', type);
  else (headers as Record<string, string>)['content-type'] = type;
  const isText = !/[/+]json$/.test(type) && type !== 'application/x-www-form-urlencoded';
  if (!isText || init.bodySerializer !== undefined) return { ...init, headers };
  return {
    ...init,
    headers,
    bodySerializer: (body: unknown) => {
      if (isRawBody(body)) return body;
      throw new ClientOptionError(
        'INVALID_OPTION',
        `${method.toUpperCase()} ${path} sends ${type}: give its body as a string, Blob or bytes`,
      );
    },
  };
}

/**
 * Makes a client send each operation's body as the Jamf Pro API declares it. openapi-fetch sends
 * every body as JSON with `Content-Type: application/json`; the operations the generated table
 * lists declare another type (`application/merge-patch+json` for `PUT /v2/smtp-server` and
 * `PATCH /v1/volume-purchasing-locations/{id}`, `text/csv` for the inventory preload's CSV
 * check), so their calls get that `Content-Type`, and a text type its body as given. A
 * `Content-Type` the caller or the client's `headers` set, or a call's own `bodySerializer`, is
 * left as it is. Other operations are not touched.
 */
export function sendDeclaredMediaTypes(client: SendingMethods, clientHeaders: unknown): void {
  if (namesContentType(clientHeaders)) return;
  const complete = (method: string, path: string, init: CallInit | undefined) => {
    const type = requestMediaTypesTable[path]?.[method.toLowerCase()];
    return type === undefined ||
      init?.body === undefined ||
      namesContentType(init.headers) ||
      namesContentType(init.params?.header)
      ? init
      : declare(method, path, type, init);
  };
  for (const method of ['POST', 'PUT', 'PATCH'] as const) {
    const send = client[method];
    client[method] = (path, init) => send(path, complete(method, path, init));
  }
  const { request } = client;
  client.request = (method, path, init) => request(method, path, complete(method, path, init));
}
