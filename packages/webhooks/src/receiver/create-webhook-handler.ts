import { isJamfWebhookError, JamfWebhookError } from '../errors.js';
import { isWebhookEventName, type WebhookEventName } from '../events/event-names.js';
import type { AnyWebhookPayload, WebhookPayload } from '../events/types.js';
import { parseWebhook, type WebhookBodyFormat } from '../parse-webhook.js';
import { type DedupeStore, deliveryKey } from './dedupe.js';
import { readBodyCapped } from './read-body.js';
import type { WebhookAuth } from './webhook-auth.js';

/** Handlers by event name; each gets that event's typed payload. Events without one get a 200. */
export type WebhookHandlers = {
  [E in WebhookEventName]?: (payload: WebhookPayload<E>, request: Request) => unknown;
};

/** Options of {@link createWebhookHandler}. */
export interface WebhookHandlerOptions {
  /**
   * The credentials every request must carry ({@link basicAuth} or {@link headerAuth}), or
   * `'none'` for a webhook registered without authentication.
   */
  auth: WebhookAuth | 'none';
  /** What to run for each event. */
  on: WebhookHandlers;
  /** Largest body accepted, in bytes (default 1 MiB); larger ones get a 413. */
  maxBodyBytes?: number;
  /** Handle a delivery seen twice only once (see {@link memoryDedupeStore}). */
  dedupe?: DedupeStore;
  /** Called with what a handler threw (the answer is then a 500, so Jamf sees a failure). */
  onError?: (error: unknown, payload: AnyWebhookPayload) => void;
}

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * A receiver for Jamf Pro webhooks as a standard `(Request) => Promise<Response>` handler, for
 * Node (with `toNodeListener`), Bun, Deno, Hono, Next.js route handlers and workers.
 * It answers 401 (bad credentials), 405 (not POST), 415 (neither JSON nor XML), 413 (body over
 * `maxBodyBytes`, counted while reading) and 400 (not a valid payload of a known event) without
 * calling any handler; otherwise it runs the event's handler and answers 200, or 500 if it threw.
 * @throws {JamfWebhookError} `INVALID_OPTIONS` for a missing `auth` or `on`, a handler for an
 * event that does not exist (a typo would otherwise never run) or that is not a function, a
 * `dedupe` without `claim` and `release`, an `onError` that is not a function, or a bad
 * `maxBodyBytes`.
 * @example
 * const handle = createWebhookHandler({
 *   auth: basicAuth({ username: 'jamf', password: process.env.HOOK_PASSWORD ?? '' }),
 *   on: { ComputerAdded: ({ event }) => console.log(event.serialNumber) },
 * });
 */
export function createWebhookHandler(
  options: WebhookHandlerOptions,
): (request: Request) => Promise<Response> {
  const { auth, on, dedupe, onError } = options ?? ({} as WebhookHandlerOptions);
  const maxBodyBytes = options?.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (auth !== 'none' && typeof auth?.verify !== 'function') {
    throw new JamfWebhookError(
      'INVALID_OPTIONS',
      "createWebhookHandler needs auth: basicAuth(…), headerAuth(…) or 'none'.",
    );
  }
  if (typeof on !== 'object' || on === null) {
    throw new JamfWebhookError(
      'INVALID_OPTIONS',
      'createWebhookHandler needs `on`: handlers by event name.',
    );
  }
  const unknown = Object.keys(on).filter((name) => !isWebhookEventName(name));
  if (unknown.length > 0) {
    throw new JamfWebhookError(
      'INVALID_OPTIONS',
      `No Jamf Pro webhook event is called ${unknown.map((name) => `"${name.slice(0, 64)}"`).join(', ')}.`,
    );
  }
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 1) {
    throw new JamfWebhookError('INVALID_OPTIONS', 'maxBodyBytes must be a positive integer.');
  }
  // Found at construction rather than as a 500 on the first delivery of that event.
  const notFunctions = Object.entries(on).filter(
    ([, handle]) => handle !== undefined && typeof handle !== 'function',
  );
  if (notFunctions.length > 0) {
    throw new JamfWebhookError(
      'INVALID_OPTIONS',
      `The handler for ${notFunctions.map(([name]) => name).join(', ')} is not a function.`,
    );
  }
  const store = dedupe as Partial<DedupeStore> | undefined;
  if (
    store !== undefined &&
    (typeof store?.claim !== 'function' || typeof store.release !== 'function')
  ) {
    throw new JamfWebhookError(
      'INVALID_OPTIONS',
      'dedupe must be a DedupeStore (claim and release), such as memoryDedupeStore().',
    );
  }
  if (onError !== undefined && typeof onError !== 'function') {
    throw new JamfWebhookError('INVALID_OPTIONS', 'onError must be a function.');
  }

  const handler = async (request: Request): Promise<Response> => {
    if (auth !== 'none' && !(await auth.verify(request))) {
      await request.body?.cancel().catch(() => {});
      return answer(401, 'Unauthorized', auth.type === 'basic' ? basicChallenge : undefined);
    }
    if (request.method !== 'POST') return answer(405, 'Method Not Allowed', { allow: 'POST' });
    const format = bodyFormat(request.headers.get('content-type'));
    if (format === undefined) return answer(415, 'Unsupported Media Type');

    let payload: AnyWebhookPayload;
    try {
      payload = parseWebhook(await readBodyCapped(request, maxBodyBytes), format);
    } catch (error) {
      if (isJamfWebhookError(error, 'BODY_TOO_LARGE')) return answer(413, 'Payload Too Large');
      if (isJamfWebhookError(error)) return answer(400, `${error.code}: ${error.message}`);
      throw error;
    }

    const run = on[payload.webhook.webhookEvent] as
      | ((payload: AnyWebhookPayload, request: Request) => unknown)
      | undefined;
    if (run === undefined) return answer(200, 'OK');
    const key = dedupe === undefined ? undefined : deliveryKey(payload);
    if (key !== undefined && !(await dedupe!.claim(key))) return answer(200, 'OK (duplicate)');
    try {
      await run(payload, request);
      return answer(200, 'OK');
    } catch (error) {
      if (key !== undefined) await dedupe!.release(key);
      onError?.(error, payload);
      return answer(500, 'Internal Server Error');
    }
  };
  // A secret-free description, should anyone log the handler itself.
  const describe = () => ({ auth, maxBodyBytes, events: Object.keys(on) });
  return Object.assign(handler, {
    toJSON: describe,
    [inspectSymbol]: () => `WebhookHandler ${JSON.stringify(describe())}`,
  });
}

const basicChallenge = { 'www-authenticate': 'Basic realm="jamf-webhooks", charset="UTF-8"' };

function answer(status: number, text: string, headers?: Record<string, string>): Response {
  return new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', ...headers },
  });
}

function bodyFormat(contentType: string | null): WebhookBodyFormat | undefined {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType === 'application/json' || mediaType.endsWith('+json')) return 'json';
  if (mediaType === 'text/xml' || mediaType === 'application/xml' || mediaType.endsWith('+xml')) {
    return 'xml';
  }
  return undefined;
}
