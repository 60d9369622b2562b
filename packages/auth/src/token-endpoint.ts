import { JamfAuthError } from './errors.js';

/** How providers reach a token endpoint; built from the common provider options. */
export interface TokenEndpointContext {
  fetch: typeof fetch;
  now: () => number;
  timeoutMs: number;
}

/** A token endpoint's answer, read in full within the timeout. */
export interface TokenEndpointResponse {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * POSTs to a token endpoint and reads the whole body under one timeout. Maps transport faults
 * to typed errors (`TIMEOUT`, `TOKEN_ENDPOINT_UNREACHABLE`, `RATE_LIMITED`); other statuses are
 * left to the caller. `what` names the call in messages and never contains a secret.
 */
export async function postToTokenEndpoint(
  context: TokenEndpointContext,
  url: string,
  init: { headers: Record<string, string>; body?: string },
  what: string,
): Promise<TokenEndpointResponse> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, context.timeoutMs);
  try {
    const response = await context.fetch(url, {
      method: 'POST',
      headers: init.headers,
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
        { status: 429, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) },
      );
    }
    return { status: response.status, headers: response.headers, text };
  } catch (cause) {
    if (cause instanceof JamfAuthError) throw cause;
    if (timedOut) {
      throw new JamfAuthError(
        'TIMEOUT',
        `${what}: no complete answer within ${context.timeoutMs} ms`,
        {
          cause,
        },
      );
    }
    throw new JamfAuthError('TOKEN_ENDPOINT_UNREACHABLE', `${what}: request failed`, { cause });
  } finally {
    clearTimeout(timer);
  }
}

/** `Retry-After` as milliseconds from `nowMs`: delta-seconds or an HTTP date. */
function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Parses a token response body as a JSON object, or fails with `TOKEN_RESPONSE_INVALID`. */
export function parseJsonObject(
  response: TokenEndpointResponse,
  what: string,
): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.text);
  } catch {
    // The body is never quoted: it may hold a token.
    throw new JamfAuthError(
      'TOKEN_RESPONSE_INVALID',
      `${what}: HTTP ${response.status} answer is not JSON (content-type ${
        response.headers.get('content-type') ?? 'none'
      })`,
      { status: response.status },
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new JamfAuthError('TOKEN_RESPONSE_INVALID', `${what}: answer is not a JSON object`, {
      status: response.status,
    });
  }
  return parsed as Record<string, unknown>;
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
    throw new JamfAuthError(
      'TOKEN_RESPONSE_INVALID',
      `${what}: the token is already expired by the local clock (check the clocks of both hosts)`,
      { status: response.status },
    );
  }
  return expiresAt;
}

/** `Authorization: Basic …` for a username and password, UTF-8 safe. */
export function basicAuthorization(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}
