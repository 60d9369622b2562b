import { type FetchLike, parseRetryAfter } from '@jamf/core';
import { JamfAuthError } from './errors.js';
import { isHeaderSafeToken } from './header-safe-token.js';
import { base64Utf8, SecretRedactor } from './secret-redactor.js';

/** How providers reach a token endpoint; built from the common provider options. */
export interface TokenEndpointContext {
  fetch: FetchLike;
  /** The `User-Agent` header of token requests; `undefined` leaves it to the runtime. */
  userAgent: string | undefined;
  now: () => number;
  timeoutMs: number;
  /** Aborted when the provider closes: the request stops at once with `PROVIDER_CLOSED`. */
  signal?: AbortSignal;
}

/** A token endpoint's answer, read in full within the timeout. */
export interface TokenEndpointResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Where the answer came from (empty when the `fetch` does not say). */
  url: string;
}

/**
 * POSTs to a token endpoint and reads the whole body under one timeout. Maps transport faults
 * to typed errors (`TIMEOUT`, `TOKEN_ENDPOINT_UNREACHABLE`, `RATE_LIMITED`, `PROVIDER_CLOSED`);
 * other statuses are left to the caller. `what` names the call in messages and never contains a
 * secret; `secrets` (credentials, tokens sent) are redacted from a failed fetch kept as `cause`.
 */
export async function postToTokenEndpoint(
  context: TokenEndpointContext,
  url: string,
  init: { headers: Record<string, string>; body?: string; secrets: readonly string[] },
  what: string,
): Promise<TokenEndpointResponse> {
  const closing = context.signal;
  if (closing?.aborted) throw closedError(what);
  const controller = new AbortController();
  let timedOut = false;
  // 0 is "no timeout", the rule of every timeoutMs in the SDK (checkTimeoutMs of @jamf/core).
  const timer =
    context.timeoutMs === 0
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, context.timeoutMs);
  const onClose = () => controller.abort();
  closing?.addEventListener('abort', onClose, { once: true });
  try {
    const response = await context.fetch(url, {
      method: 'POST',
      // A header of the request itself rather than a fetch wrapper: no Request copy per call.
      headers:
        context.userAgent === undefined
          ? init.headers
          : { 'user-agent': context.userAgent, ...init.headers },
      ...(init.body === undefined ? {} : { body: init.body }),
      signal: controller.signal,
      redirect: 'manual',
    });
    const text = await response.text();
    if (response.status === 429) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), context.now());
      throw new JamfAuthError(
        'RATE_LIMITED',
        `${what}: the server is rate limiting (HTTP 429)${
          retryAfterMs === undefined ? '' : `; retry after ${Math.ceil(retryAfterMs / 1000)} s`
        }`,
        { status: 429, retryAfterMs },
      );
    }
    return { status: response.status, headers: response.headers, text, url: response.url };
  } catch (error) {
    if (error instanceof JamfAuthError) throw error;
    if (closing?.aborted) throw closedError(what);
    // A custom fetch may put the request (headers included) into its error.
    const cause = new SecretRedactor(init.secrets).sanitize(error);
    if (timedOut) {
      throw new JamfAuthError(
        'TIMEOUT',
        `${what}: no complete answer within ${context.timeoutMs} ms`,
        { cause },
      );
    }
    throw new JamfAuthError('TOKEN_ENDPOINT_UNREACHABLE', `${what}: request failed`, { cause });
  } finally {
    clearTimeout(timer);
    closing?.removeEventListener('abort', onClose);
  }
}

function closedError(what: string): JamfAuthError {
  return new JamfAuthError('PROVIDER_CLOSED', `${what}: the token provider was closed`);
}

/** `application/json` or any `+json` media type, parameters ignored. */
function isJsonContentType(value: string): boolean {
  const essence = value.split(';')[0]?.trim().toLowerCase() ?? '';
  return essence === 'application/json' || /^application\/[\w.+-]+\+json$/.test(essence);
}

/**
 * Parses a token response body as a JSON object, or fails with `TOKEN_RESPONSE_INVALID`: the
 * content type must be JSON (as oauth4webapi requires) and the body a JSON object.
 */
export function parseJsonObject(
  response: TokenEndpointResponse,
  what: string,
): Record<string, unknown> {
  const contentType = response.headers.get('content-type') ?? 'none';
  if (!isJsonContentType(contentType)) {
    throw invalidResponse(
      response,
      what,
      `HTTP ${response.status} answer has content-type ${contentType}, not JSON`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.text);
  } catch {
    // The body is never quoted: it may hold a token.
    throw invalidResponse(
      response,
      what,
      `HTTP ${response.status} answer is not JSON (content-type ${contentType})`,
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw invalidResponse(response, what, 'answer is not a JSON object');
  }
  return parsed as Record<string, unknown>;
}

/**
 * `TOKEN_RESPONSE_INVALID` for an answer that cannot be used: `<what>: <detail>`, with the
 * response's status. `detail` names what is wrong, never a value from the body (it may hold a token).
 */
export function invalidResponse(
  response: TokenEndpointResponse,
  what: string,
  detail: string,
): JamfAuthError {
  return new JamfAuthError('TOKEN_RESPONSE_INVALID', `${what}: ${detail}`, {
    status: response.status,
  });
}

/** The error for a status the caller has no better meaning for. */
export function unexpectedStatus(response: TokenEndpointResponse, what: string): JamfAuthError {
  return new JamfAuthError('TOKEN_ENDPOINT_ERROR', `${what}: unexpected HTTP ${response.status}`, {
    status: response.status,
  });
}

/**
 * Converts a server-clock expiry to the local clock using the response's `Date` header, so a
 * skewed local clock neither discards fresh tokens nor keeps dead ones. Without a `Date` header
 * the server's expiry is taken as is.
 */
export function localExpiry(
  serverExpiresAtMs: number,
  response: TokenEndpointResponse,
  nowMs: number,
  what: string,
): number {
  const serverDate = Date.parse(response.headers.get('date') ?? '');
  const expiresAt = Number.isNaN(serverDate)
    ? serverExpiresAtMs
    : nowMs + (serverExpiresAtMs - serverDate);
  if (expiresAt <= nowMs) {
    throw invalidResponse(
      response,
      what,
      'the token is already expired by the local clock (check the clocks of both hosts)',
    );
  }
  return expiresAt;
}

/** `Authorization: Basic …` for a username and password, UTF-8 safe. */
export function basicAuthorization(username: string, password: string): string {
  return `Basic ${base64Utf8(`${username}:${password}`)}`;
}

/**
 * The token string of an answer, checked to fit in an `Authorization` header (visible ASCII,
 * no spaces): a token with CR/LF would otherwise surface later as a platform error quoting it.
 * Fails with `TOKEN_RESPONSE_INVALID` naming `field`, never the value.
 */
export function requireTokenString(
  value: unknown,
  field: string,
  response: TokenEndpointResponse,
  what: string,
): string {
  if (typeof value !== 'string' || value === '') {
    throw invalidResponse(response, what, `answer lacks ${field}`);
  }
  if (!isHeaderSafeToken(value)) {
    throw invalidResponse(
      response,
      what,
      `${field} holds characters not allowed in an HTTP header (control characters, spaces or non-ASCII)`,
    );
  }
  return value;
}
