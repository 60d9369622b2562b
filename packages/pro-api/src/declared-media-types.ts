import { ClientOptionError } from '@jamf/core';
import type { HeadersOptions } from 'openapi-fetch';
import { answerParseAsTable, requestMediaTypesTable } from './generated/media-types.js';

/** The parts of a call's options this file reads and completes. */
interface CallInit {
  body?: unknown;
  parseAs?: string;
  headers?: HeadersOptions;
  params?: { header?: unknown };
  bodySerializer?: unknown;
}

/** A call of an openapi-fetch client: `(path, init)`, as its `POST`, `PUT` and `PATCH` are. */
type Call = (path: string, init?: CallInit) => Promise<unknown>;

/** The openapi-fetch client methods this file completes the calls of. */
type CallMethods = Record<(typeof METHODS)[number], Call> & {
  request: (method: string, path: string, init?: CallInit) => Promise<unknown>;
};

/** {@link answerParseAsTable}, read by any path and method. */
const answers: Readonly<Record<string, Readonly<Record<string, string>>>> = answerParseAsTable;

/** The methods of the operations whose bodies or answers are not JSON. */
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

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
 * Makes a client send and read each operation's body as the Jamf Pro API declares it.
 * openapi-fetch sends every body as JSON and reads every answer as JSON. The operations the
 * generated tables list declare otherwise: their calls get the declared `Content-Type`
 * (`application/merge-patch+json` for `PUT /v2/smtp-server`, `text/csv` with the body as given
 * for the inventory preload's CSV check), and their answers are read as the types say,
 * `parseAs: 'blob'` for files (`GET /v1/scripts/{id}/download`, the CSV exports, icons) and
 * `'text'` for text. What a call or the client's `headers` set (`Content-Type`, `parseAs`,
 * `bodySerializer`) is left as it is; other operations are not touched.
 */
export function applyDeclaredMediaTypes(client: CallMethods, clientHeaders: unknown): void {
  const declaresBodies = !namesContentType(clientHeaders);
  const complete = (method: string, path: string, init: CallInit | undefined) => {
    const key = method.toLowerCase();
    const parseAs = answers[path]?.[key];
    const completed =
      parseAs === undefined || init?.parseAs !== undefined ? init : { ...init, parseAs };
    const type = declaresBodies ? requestMediaTypesTable[path]?.[key] : undefined;
    return type === undefined ||
      completed?.body === undefined ||
      namesContentType(completed.headers) ||
      namesContentType(completed.params?.header)
      ? completed
      : declare(method, path, type, completed);
  };
  for (const method of METHODS) {
    const send = client[method];
    client[method] = (path, init) => send(path, complete(method, path, init));
  }
  const { request } = client;
  client.request = (method, path, init) => request(method, path, complete(method, path, init));
}
