import { JamfApiError } from '../jamf-api-error.js';
import { PackageUploadError } from './package-upload-error.js';
import type { Transport, TransportRequest, TransportResponse } from './upload-transport.js';

/** Where tokens come from: a `@jamf/auth` `TokenProvider` fits as it is. */
export interface UploadTokenSource {
  /** A valid token (a provider caches and refreshes it). */
  getToken(): Promise<{ readonly token: string }>;
  /** Reports a token the server refused with 401, so the next `getToken` replaces it. */
  invalidate?(token: { readonly token: string }): Promise<void>;
  /** The `Authorization` scheme; default `Bearer`. */
  readonly authorizationScheme?: string;
}

/** The authenticated calls of one upload, relative to the API root. */
export interface UploadSession {
  /** A JSON call; an error status becomes a `JamfApiError`. */
  json<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T>;
  /** Sends a streamed body, replaying it once (read again from disk) after a 401. */
  send(
    request: Omit<TransportRequest, 'url' | 'headers'> & {
      path: string;
      headers: Record<string, string>;
    },
  ): Promise<TransportResponse>;
}

/** Builds the session: every call carries a token; a 401 gets one refresh and one replay. */
export function uploadSession(context: {
  apiRoot: string;
  tokens: UploadTokenSource;
  transport: Transport;
  headers: Record<string, string>;
  signal: AbortSignal | undefined;
}): UploadSession {
  const scheme = context.tokens.authorizationScheme ?? 'Bearer';
  const send: UploadSession['send'] = async ({ path, headers, ...rest }) => {
    const url = `${context.apiRoot}${path}`;
    const attempt = async (token: { readonly token: string }) =>
      context.transport({
        ...rest,
        url,
        headers: { ...context.headers, ...headers, authorization: `${scheme} ${token.token}` },
        ...(context.signal === undefined ? {} : { signal: context.signal }),
      });
    const token = usableToken(await context.tokens.getToken());
    const first = await attempt(token);
    if (first.status !== 401 || context.tokens.invalidate === undefined) return first;
    await context.tokens.invalidate(token);
    return attempt(usableToken(await context.tokens.getToken()));
  };
  return {
    send,
    async json<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
      const answer = await send({
        method,
        path,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const parsed = parse(answer.text);
      if (answer.status < 200 || answer.status > 299) {
        throw apiError(answer, `${context.apiRoot}${path.split('?')[0]}`, parsed);
      }
      return (parsed ?? {}) as T;
    },
  };
}

/**
 * What `getToken()` resolved with, when it can go in an `Authorization` header: a source of the
 * caller's may resolve with nothing (a TypeError before) or a token with a line break (undici's
 * refusal, reported as a network failure before). The token is never quoted.
 */
function usableToken(given: unknown): { readonly token: string } {
  const token = (given as { token?: unknown } | null | undefined)?.token;
  if (typeof token !== 'string' || !/^[\x21-\x7e]+$/.test(token)) {
    throw new PackageUploadError(
      'INVALID_OPTIONS',
      'tokens.getToken() must resolve to { token } with a token that can go in an Authorization header',
    );
  }
  return given as { readonly token: string };
}

function parse(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The `JamfApiError` of an error answer, as every other Pro API call reports it. */
export function apiError(
  answer: TransportResponse,
  url: string,
  body = parse(answer.text),
): JamfApiError {
  const response = new Response(null, { status: answer.status, headers: answer.headers });
  Object.defineProperty(response, 'url', { value: url });
  return JamfApiError.from(response, body);
}
