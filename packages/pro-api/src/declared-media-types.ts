import type { HeadersOptions } from 'openapi-fetch';
import type { CallInit } from './call-init.js';
import { answerParseAsTable, requestMediaTypesTable } from './generated/media-types.js';
import { JamfApiError } from './jamf-api-error.js';

/** {@link answerParseAsTable}, read by any path and method. */
const answers: Readonly<Record<string, Readonly<Record<string, string>>>> = answerParseAsTable;

/** Whether a header list names `Content-Type` (in any case), even to remove it (`null`). */
export function namesContentType(headers: unknown): boolean {
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
      throw new JamfApiError({
        code: 'INVALID_REQUEST',
        status: 0,
        url: path,
        message: `${method.toUpperCase()} ${path} sends ${type}: give its body as a string, Blob or bytes`,
      });
    },
  };
}

/**
 * A call's options completed so that its body is sent, and its answer read, as the Jamf Pro API
 * declares them. openapi-fetch sends every body as JSON and reads every answer as JSON. The
 * operations the generated tables list declare otherwise: their calls get the declared
 * `Content-Type` (`application/merge-patch+json` for `PUT /v2/smtp-server`, `text/csv` with the
 * body as given for the inventory preload's CSV check), and their answers are read as the types
 * say, `parseAs: 'blob'` for files (`GET /v1/scripts/{id}/download`, the CSV exports, icons) and
 * `'text'` for text. What the call sets (`Content-Type`, `parseAs`, `bodySerializer`) is left as
 * it is, and so are the bodies of a client whose own `headers` set a `Content-Type`
 * (`declaresBodies` false); other operations are not touched.
 */
export function withDeclaredMediaTypes(
  method: string,
  path: string,
  init: CallInit | undefined,
  declaresBodies: boolean,
): CallInit | undefined {
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
}
