import {
  acceptsPreparedRequests,
  type FetchLike,
  isPreparedRequest,
  type MiddlewareHooks,
  type PreparedRequest,
  parseRetryAfter,
  toRequest,
} from '@jamf/core';
import {
  checkFunctionOption,
  checkListOption,
  checkOptionsObject,
  checkWrappedFetch,
  ResilienceOptionError,
} from './resilience-option-error.js';

/** Options of {@link retry}; every field has a default suited to Jamf Pro. */
export interface RetryOptions {
  /** Total sends per request, the first included. Default 4. */
  maxAttempts?: number;
  /** Backoff cap before jitter for the first retry, doubled for each further one. Default 500. */
  baseDelayMs?: number;
  /** Longest wait between two sends; a `Retry-After` above it ends the retries. Default 30 000. */
  maxDelayMs?: number;
  /** Methods that may be sent again. Default the idempotent ones: GET HEAD OPTIONS PUT DELETE. */
  methods?: readonly string[];
  /** Response statuses worth another try. Default 429 502 503 504. */
  statuses?: readonly number[];
  /** Source of randomness in [0, 1) for full jitter. Default `Math.random`. */
  random?: () => number;
  /** Waits `ms`, rejecting when `signal` aborts. Default a timer. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Clock for `Retry-After` dates, epoch milliseconds. Default `Date.now`. */
  now?: () => number;
}

/** A retry policy usable both as openapi-fetch middleware and as a `fetch` wrapper. */
export interface RetryLayer extends MiddlewareHooks {
  /** Wraps `fetch` so calls through it are retried by this policy. */
  wrap(fetch: FetchLike): FetchLike;
}

type Outcome = { response: Response; error?: undefined } | { error: unknown; response?: undefined };

interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  methods: ReadonlySet<string>;
  statuses: ReadonlySet<number>;
  random: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  now: () => number;
}

function sleepWithTimer(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function resolvePolicy(options: RetryOptions): RetryPolicy {
  const maxAttempts = options.maxAttempts ?? 4;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new ResilienceOptionError(
      'INVALID_MAX_ATTEMPTS',
      `retry maxAttempts must be a positive integer, got ${String(maxAttempts)}`,
    );
  }
  for (const name of ['baseDelayMs', 'maxDelayMs'] as const) {
    const value = options[name];
    if (
      value !== undefined &&
      !(typeof value === 'number' && Number.isFinite(value) && value >= 0)
    ) {
      throw new ResilienceOptionError(
        'INVALID_DELAY',
        `retry ${name} must be a finite number of milliseconds ≥ 0, got ${String(value)}`,
      );
    }
  }
  const isString = (item: unknown) => typeof item === 'string';
  const isStatus = (item: unknown) =>
    typeof item === 'number' && Number.isInteger(item) && item >= 100 && item <= 599;
  checkListOption('retry', 'methods', options.methods, isString, 'method names');
  checkListOption('retry', 'statuses', options.statuses, isStatus, 'HTTP statuses (100–599)');
  for (const name of ['random', 'sleep', 'now'] as const) {
    checkFunctionOption('retry', name, options[name]);
  }
  return {
    maxAttempts,
    baseDelayMs: options.baseDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 30_000,
    methods: new Set(
      (options.methods ?? ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']).map((m) => m.toUpperCase()),
    ),
    statuses: new Set(options.statuses ?? [429, 502, 503, 504]),
    random: options.random ?? Math.random,
    sleep: options.sleep ?? sleepWithTimer,
    now: options.now ?? Date.now,
  };
}

/** How long to wait before send number `attempt + 1`, or `undefined` to stop and settle. */
function delayBeforeNext(
  policy: RetryPolicy,
  request: Request | PreparedRequest,
  outcome: Outcome,
  attempt: number,
): number | undefined {
  if (attempt >= policy.maxAttempts || request.signal?.aborted === true) return undefined;
  if (outcome.response !== undefined && !policy.statuses.has(outcome.response.status)) {
    return undefined;
  }
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.floor(policy.random() * backoff);
  if (outcome.response === undefined) return jittered;
  const asked = parseRetryAfter(outcome.response.headers.get('retry-after'), policy.now());
  if (asked === undefined) return jittered;
  return asked > policy.maxDelayMs ? undefined : asked;
}

/** The one retry loop both forms share: from the outcome of send `attempt`, retry until done. */
async function continueRetrying(
  policy: RetryPolicy,
  template: Request | PreparedRequest,
  first: Outcome,
  send: FetchLike,
): Promise<Outcome> {
  let outcome = first;
  for (let attempt = 1; ; attempt++) {
    const delayMs = delayBeforeNext(policy, template, outcome, attempt);
    if (delayMs === undefined) return outcome;
    // Free the connection of a response we will not read.
    await outcome.response?.body?.cancel().catch(() => undefined);
    // A prepared request without a caller's signal cannot be aborted: a signal of its own.
    await policy.sleep(delayMs, template.signal ?? new AbortController().signal);
    try {
      outcome = { response: await send(sendable(template)) };
    } catch (error) {
      outcome = { error };
    }
  }
}

/** What to send again: a prepared request itself (its body can be read again), else a clone. */
function sendable(template: Request | PreparedRequest): Request {
  return isPreparedRequest(template) ? (template as unknown as Request) : template.clone();
}

function settle(outcome: Outcome): Response {
  if (outcome.response !== undefined) return outcome.response;
  throw outcome.error;
}

/**
 * Retries idempotent requests on 429, 502, 503, 504 and network errors, with exponential backoff
 * and full jitter, honouring `Retry-After` (seconds or HTTP date). Bodies replay: the request is
 * cloned before its first send. The last response (or error) is passed on when retries end.
 *
 * @example
 * client.use(authMiddleware(provider), retry({ maxAttempts: 3 }));
 */
export function retry(options: RetryOptions = {}): RetryLayer {
  checkOptionsObject('retry', options, [
    'maxAttempts',
    'baseDelayMs',
    'maxDelayMs',
    'methods',
    'statuses',
    'random',
    'sleep',
    'now',
  ]);
  const policy = resolvePolicy(options);
  const templates = new Map<string, Request>();
  const isRetryable = (request: Request | PreparedRequest): boolean =>
    policy.methods.has(request.method);
  const take = (id: string): Request | undefined => {
    const template = templates.get(id);
    templates.delete(id);
    return template;
  };
  return acceptsPreparedRequests({
    wrap(fetch: FetchLike): FetchLike {
      checkWrappedFetch('retry', fetch);
      return async (input, init) => {
        // A client's prepared request is sent again as it is (its body can be read again).
        const request =
          isPreparedRequest(input) && init === undefined ? input : toRequest(input, init);
        if (!isRetryable(request)) return fetch(request as Request);
        // As in onRequest: a request without a body is sent again as it is.
        const template =
          isPreparedRequest(request) || request.body === null ? request : request.clone();
        let response: Response;
        try {
          response = await fetch(request as Request);
        } catch (error) {
          return settle(await continueRetrying(policy, template, { error }, fetch));
        }
        // An answer not to retry goes back at once: no retry loop, no promise (bench P1).
        if (!policy.statuses.has(response.status)) return response;
        return settle(await continueRetrying(policy, template, { response }, fetch));
      };
    },
    // Synchronous unless there is something to wait for: openapi-fetch awaits what a hook
    // returns, and the common path (a GET that succeeded) should cost no promise (bench P1).
    onRequest({ request, id }) {
      // A request without a body can be sent again as it is; clone() costs a Request and a
      // signal per call, which the profile of P1 showed as most of this layer's overhead.
      if (isRetryable(request))
        templates.set(id, request.body === null ? request : request.clone());
      return undefined;
    },
    onResponse({ response, id, options: { fetch } }) {
      const template = take(id);
      if (template === undefined || !policy.statuses.has(response.status)) return undefined;
      return continueRetrying(policy, template, { response }, fetch).then((outcome) =>
        outcome.response === response ? undefined : settle(outcome),
      );
    },
    async onError({ error, id, options: { fetch } }) {
      const template = take(id);
      if (template === undefined) return undefined;
      const outcome = await continueRetrying(policy, template, { error }, fetch);
      if (outcome.response !== undefined) return outcome.response;
      return outcome.error instanceof Error ? outcome.error : undefined;
    },
  });
}

/** `fetch` with retries; shorthand for `retry(options).wrap(fetch)`. */
export function withRetry(fetch: FetchLike, options?: RetryOptions): FetchLike {
  return retry(options).wrap(fetch);
}
