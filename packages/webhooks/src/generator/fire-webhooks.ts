import { JamfWebhookError } from '../errors.js';
import type { AnyWebhookPayload, WebhookPayload } from '../events/types.js';
import type { WebhookBodyFormat } from '../parse-webhook.js';
import { checkFormat } from '../parse-webhook.js';
import { WebhookAuth } from '../receiver/webhook-auth.js';
import { serializeWebhook } from '../serialize-webhook.js';

/** Options of {@link fireWebhooks}. */
export interface FireWebhooksOptions {
  /** Requests in flight at once (default 8). */
  concurrency?: number;
  /** Credentials to send ({@link basicAuth} or {@link headerAuth}); none by default. */
  auth?: WebhookAuth;
  /** `'json'` (default) or `'xml'`, like a webhook's `content_type`. */
  contentType?: WebhookBodyFormat;
  /** The `fetch` to send with (default: the global one). */
  fetch?: typeof fetch;
  /** Abort the run; requests not yet sent are counted as failures. */
  signal?: AbortSignal;
}

/** One delivery that did not get a 2xx answer. */
export interface FireFailure {
  /** Position of the payload in the list given. */
  index: number;
  /** Its event name. */
  webhookEvent: string;
  /** The answer's status, when there was an answer. */
  status?: number;
  /** Why no answer came (a network error, an abort). */
  error?: unknown;
}

/** What {@link fireWebhooks} did. */
export interface FireSummary {
  /** Requests that got an answer (any status). */
  sent: number;
  /** How many answers had each status. */
  statuses: Record<number, number>;
  /** Deliveries without a 2xx answer, in order. */
  failures: FireFailure[];
}

/**
 * POSTs payloads to a receiver as Jamf Pro would, `concurrency` at a time, and reports what came
 * back. For load-testing a receiver and end-to-end tests; pair with {@link generateWebhook}.
 * @throws {JamfWebhookError} `INVALID_OPTIONS` for a bad `concurrency` or `contentType`, `payloads`
 * not a list (or one that {@link serializeWebhook} refuses, named by its index, before anything is
 * sent), a
 * `url` that is not absolute http(s) or that embeds credentials (pass `auth`), or an `auth` not
 * made by `basicAuth`/`headerAuth`.
 * @example
 * const events = Array.from({ length: 100 }, (_, seed) => generateWebhook('ComputerCheckIn', { seed }));
 * const summary = await fireWebhooks('http://127.0.0.1:3000/jamf', events, { concurrency: 10 });
 */
export async function fireWebhooks(
  url: string | URL,
  payloads: ReadonlyArray<AnyWebhookPayload | WebhookPayload>,
  options: FireWebhooksOptions = {},
): Promise<FireSummary> {
  if (!Array.isArray(payloads)) {
    throw new JamfWebhookError('INVALID_OPTIONS', 'fireWebhooks needs an array of payloads.');
  }
  if (typeof options !== 'object' || options === null) {
    throw new JamfWebhookError('INVALID_OPTIONS', 'fireWebhooks options must be an object.');
  }
  const concurrency = options.concurrency ?? 8;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new JamfWebhookError('INVALID_OPTIONS', 'concurrency must be a positive integer.');
  }
  checkReceiverUrl(url);
  if (options.auth !== undefined && !(options.auth instanceof WebhookAuth)) {
    throw new JamfWebhookError(
      'INVALID_OPTIONS',
      'auth must be basicAuth({ username, password }) or headerAuth({ name, value }).',
    );
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new JamfWebhookError('INVALID_OPTIONS', 'fetch must be a function.');
  }
  checkFormat(options.contentType);
  // Every body before the first send: a payload that cannot be written stops the run whole,
  // instead of a rejection midway that loses the summary of what was already delivered.
  const bodies = payloads.map((payload, index) => {
    try {
      return serializeWebhook(payload, options.contentType);
    } catch (error) {
      if (!(error instanceof JamfWebhookError)) throw error;
      throw new JamfWebhookError(error.code, `Payload ${index}: ${error.message}`, {
        cause: error,
        issues: error.issues,
      });
    }
  });
  const send = options.fetch ?? fetch;
  const authHeaders = options.auth?.headersForSending() ?? {};
  const summary: FireSummary = { sent: 0, statuses: {}, failures: [] };
  const failures: FireFailure[] = [];
  let next = 0;

  const worker = async () => {
    for (let index = next++; index < payloads.length; index = next++) {
      const payload = payloads[index]!;
      const { body, contentType } = bodies[index]!;
      try {
        options.signal?.throwIfAborted();
        const response = await send(url, {
          method: 'POST',
          headers: { 'content-type': contentType, ...authHeaders },
          body,
          signal: options.signal,
        });
        await response.body?.cancel().catch(() => {});
        summary.sent++;
        summary.statuses[response.status] = (summary.statuses[response.status] ?? 0) + 1;
        if (!response.ok) {
          failures.push({
            index,
            webhookEvent: payload.webhook.webhookEvent,
            status: response.status,
          });
        }
      } catch (error) {
        failures.push({ index, webhookEvent: payload.webhook.webhookEvent, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, payloads.length) }, worker));
  summary.failures = failures.sort((a, b) => a.index - b.index);
  return summary;
}

/**
 * Refuses the receiver's address before anything is sent when it is not absolute http(s) or
 * embeds credentials: `fetch` refuses those per request, with an error that quotes the URL and so
 * its password. Messages here never repeat the address.
 */
function checkReceiverUrl(url: string | URL): void {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    throw new JamfWebhookError('INVALID_OPTIONS', 'fireWebhooks needs an absolute http(s) URL.');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new JamfWebhookError('INVALID_OPTIONS', 'fireWebhooks needs an absolute http(s) URL.');
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new JamfWebhookError(
      'INVALID_OPTIONS',
      'The receiver URL must not embed credentials; pass auth: basicAuth({ username, password }).',
    );
  }
}
