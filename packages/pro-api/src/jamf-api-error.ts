import { codeForStatus, type JamfErrorCode } from '@jamf/core';

/** One entry of the `errors` list in a Jamf Pro API error body. */
export interface JamfErrorDetail {
  /** Jamf's machine-readable code, e.g. `INVALID_FIELD`. */
  readonly code?: string;
  /** The request field the error is about, when Jamf names one. */
  readonly field?: string | null;
  /** Jamf's human-readable explanation. */
  readonly description?: string;
  /** The id of the object the error is about, when Jamf names one. */
  readonly id?: string | null;
}

/**
 * The stable classification of a {@link JamfApiError}: `@jamf/core`'s one vocabulary
 * (`codeForStatus` for an unsuccessful status: 429 is `RATE_LIMITED`, an unexpected status
 * `HTTP_ERROR`); `paginate` gives `INVALID_RESPONSE` for a page that is not
 * `{ totalCount, results }`; `INVALID_REQUEST` (status 0) is a call the client refuses to send,
 * as `ClassicApiError` has it: a path parameter that names no object, a text body that is not
 * text.
 */
export type JamfApiErrorCode = JamfErrorCode | 'INVALID_REQUEST';

/** How much of a body that is not Jamf's JSON error format an error keeps. */
const MAX_BODY_CHARS = 500;

/**
 * An unsuccessful Jamf Pro API response: its status, Jamf's error list when the body had one,
 * and the start of the body otherwise (HTML error pages from proxies, plain text, nothing).
 * Thrown by `unwrap` and `paginate`; build one yourself with `JamfApiError.from`.
 */
export class JamfApiError extends Error {
  override readonly name = 'JamfApiError';
  /** Stable classification of the failure. */
  readonly code: JamfApiErrorCode;
  /** The HTTP status of the response. */
  readonly status: number;
  /** The URL that answered (without credentials; tokens travel in headers, never here). */
  readonly url: string;
  /** Jamf's `errors` list; empty when the body was not Jamf's error format. */
  readonly errors: readonly JamfErrorDetail[];
  /** The start of the raw body when it was not Jamf's JSON error format, else `undefined`. */
  readonly body: string | undefined;

  constructor(
    init: {
      code: JamfApiErrorCode;
      status: number;
      url: string;
      errors?: readonly JamfErrorDetail[];
      body?: string;
      message?: string;
    },
    options?: ErrorOptions,
  ) {
    const errors = init.errors ?? [];
    super(init.message ?? describe(init.status, init.url, errors, init.body), options);
    this.code = init.code;
    this.status = init.status;
    this.url = init.url;
    this.errors = errors;
    this.body = init.body;
  }

  /**
   * Builds the error for a response whose body was already read: `body` is the parsed JSON,
   * the text when it was not JSON, or `undefined` when empty — what openapi-fetch puts in `error`.
   */
  static from(response: Response, body: unknown, options?: ErrorOptions): JamfApiError {
    return errorFrom(response, body, options);
  }

  /** Reads the body of an unsuccessful response that nobody has read yet and builds the error. */
  static async fromResponse(response: Response): Promise<JamfApiError> {
    const text = await response.text().catch(() => '');
    let body: unknown = text === '' ? undefined : text;
    try {
      if (text !== '') body = JSON.parse(text);
    } catch {
      // Not JSON (a proxy's HTML page, plain text): keep the text.
    }
    return errorFrom(response, body);
  }
}

// Outside the class body on purpose: a class that names itself inside its body is emitted by
// esbuild as `var JamfApiError = class _JamfApiError`, and `JamfApiError.name` would read
// `_JamfApiError` in the ESM build (which has no keepNames, so bundlers can tree-shake it).
function errorFrom(response: Response, body: unknown, options?: ErrorOptions): JamfApiError {
  const errors = jamfErrors(body);
  const raw =
    errors === undefined && body !== undefined && body !== ''
      ? truncate(typeof body === 'string' ? body : safeJson(body))
      : undefined;
  return new JamfApiError(
    {
      code: codeForStatus(response.status),
      status: response.status,
      url: response.url,
      errors: errors ?? [],
      body: raw,
    },
    options,
  );
}

function jamfErrors(body: unknown): JamfErrorDetail[] | undefined {
  if (typeof body !== 'object' || body === null || !('errors' in body)) return undefined;
  const list = (body as { errors: unknown }).errors;
  if (!Array.isArray(list)) return undefined;
  return list
    .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
    .map((e) => {
      const detail: { -readonly [K in keyof JamfErrorDetail]: JamfErrorDetail[K] } = {};
      if (typeof e.code === 'string') detail.code = e.code;
      if (typeof e.field === 'string' || e.field === null) detail.field = e.field;
      if (typeof e.description === 'string') detail.description = e.description;
      if (typeof e.id === 'string' || e.id === null) detail.id = e.id;
      else if (typeof e.id === 'number') detail.id = String(e.id);
      return detail;
    });
}

function describe(
  status: number,
  url: string,
  errors: readonly JamfErrorDetail[],
  body: string | undefined,
): string {
  const where = url === '' ? '' : ` from ${url}`;
  const details = errors
    .map((e) =>
      [e.code, e.field ? `(${e.field})` : undefined, e.description].filter(Boolean).join(' '),
    )
    .filter((d) => d !== '');
  const what =
    details.length > 0 ? details.join('; ') : body === undefined ? 'empty body' : 'non-JSON body';
  return `Jamf Pro API ${status}${where}: ${what}`;
}

function truncate(text: string): string {
  return text.length > MAX_BODY_CHARS ? `${text.slice(0, MAX_BODY_CHARS)}…` : text;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
