import type { AttemptCount } from './attempt-counter.js';

/**
 * One request as {@link logRequests} logs it. Values of `Authorization`, cookies, tokens and
 * bodies never appear: only names, statuses and timings. The query string is left out too.
 */
export interface RequestRecord {
  /** HTTP method. */
  readonly method: string;
  /** `scheme://host[:port]` of the server. */
  readonly server: string;
  /** The path as sent, without the query string. */
  readonly path: string;
  /** The path template (`/api/v1/computers-inventory/{id}`) when the client knows it. */
  readonly route?: string;
  /** HTTP status of the final answer; absent when no answer came. */
  readonly status?: number;
  /** From the start of the request to its answer's headers, in milliseconds. */
  readonly durationMs: number;
  /** Sends, retries and 401-replays; present when the client's `fetch` is counted. */
  readonly attempts?: number;
  readonly retries?: number;
  readonly replays?: number;
  /** The request id the server answered with (see `requestIdHeaders`). */
  readonly requestId?: string;
  /** The NAME of the load-balancer cookie the exchange carried or set, never its value. */
  readonly stickyCookie?: string;
  /** For a request that got no answer: the error's class name and code, never its message. */
  readonly error?: { readonly type: string; readonly code?: string };
}

/** What the record builder needs besides the exchange. */
export interface RecordContext {
  readonly requestIdHeaders: readonly string[];
  readonly stickyCookieNames: readonly string[];
}

/** Builds the record of one finished exchange. */
export function requestRecord(
  context: RecordContext,
  exchange: {
    request: Request;
    route: string | undefined;
    durationMs: number;
    response?: Response;
    error?: unknown;
    attempts: AttemptCount | undefined;
  },
): RequestRecord {
  const url = new URL(exchange.request.url);
  const record: { -readonly [K in keyof RequestRecord]: RequestRecord[K] } = {
    method: exchange.request.method,
    server: url.origin,
    path: url.pathname,
    durationMs: Math.round(exchange.durationMs * 1000) / 1000,
  };
  if (exchange.route !== undefined) record.route = exchange.route;
  if (exchange.response !== undefined) record.status = exchange.response.status;
  if (exchange.attempts !== undefined) {
    record.attempts = exchange.attempts.attempts;
    record.retries = exchange.attempts.retries;
    record.replays = exchange.attempts.replays;
  }
  const requestId = firstHeader(exchange.response?.headers, context.requestIdHeaders);
  if (requestId !== undefined) record.requestId = requestId;
  const sticky = stickyCookieName(exchange.request, exchange.response, context.stickyCookieNames);
  if (sticky !== undefined) record.stickyCookie = sticky;
  if (exchange.error !== undefined) record.error = describeError(exchange.error);
  return record;
}

function firstHeader(headers: Headers | undefined, names: readonly string[]): string | undefined {
  if (headers === undefined) return undefined;
  for (const name of names) {
    const value = headers.get(name);
    // A request id is short and printable; anything else is not logged.
    if (value !== null && /^[\w.:/+=-]{1,128}$/.test(value)) return value;
  }
  return undefined;
}

function stickyCookieName(
  request: Request,
  response: Response | undefined,
  names: readonly string[],
): string | undefined {
  const seen = new Set<string>();
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    seen.add(part.slice(0, part.indexOf('=')).trim());
  }
  for (const line of response?.headers.getSetCookie() ?? []) {
    seen.add(line.slice(0, line.indexOf('=')).trim());
  }
  return names.find((name) => seen.has(name));
}

function describeError(error: unknown): { type: string; code?: string } {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  const causeCode = (error.cause as { code?: unknown } | undefined)?.code;
  const picked =
    typeof code === 'string' ? code : typeof causeCode === 'string' ? causeCode : undefined;
  return picked === undefined ? { type: error.name } : { type: error.name, code: picked };
}
