import {
  type AnyWebhookPayload,
  basicAuth,
  serializeWebhook,
  type WebhookEventName,
} from '@jamf/webhooks';
import type { MockWebhook } from './registration.js';

/** One POST of a webhook by the mock, as `mock.webhooks.deliveries` records it. */
export interface WebhookDelivery {
  /** 1, 2, … in the order deliveries started. */
  readonly id: number;
  readonly webhookId: number;
  readonly event: WebhookEventName;
  /** Where it went (the registration's URL). */
  readonly url: string;
  readonly contentType: 'application/json' | 'text/xml';
  /** What was sent, as a typed payload (the body is its JSON or XML form). */
  readonly payload: AnyWebhookPayload;
  /** Mock clock time it started, epoch ms. */
  readonly startedAt: number;
  /** `pending` until the receiver answered, failed or timed out. */
  outcome: 'pending' | 'delivered' | 'failed';
  /** The receiver's HTTP status, once it answered. */
  status?: number;
  /** Why it failed: `timeout`, a non-2xx status, or the network error's message. Never a secret. */
  error?: string;
}

/** A receiver called in-process instead of over the network. */
export type InProcessReceiver = (request: Request) => Response | Promise<Response>;

/** What a delivery needs besides the registration and payload. */
export interface DeliveryContext {
  fetch: typeof fetch;
  /** In-process receivers by URL (`href`). */
  receiverFor(url: string): InProcessReceiver | undefined;
}

/**
 * POSTs `payload` as the registration says (content type, authentication) and settles
 * `delivery`. Bounded by the registration's connection + read timeouts; never throws.
 */
export async function deliver(
  webhook: Readonly<MockWebhook>,
  delivery: WebhookDelivery,
  context: DeliveryContext,
): Promise<void> {
  const controller = new AbortController();
  const budgetMs = (webhook.connectionTimeoutSeconds + webhook.readTimeoutSeconds) * 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new DeliveryTimeout());
    }, budgetMs);
  });
  try {
    const format = webhook.contentType === 'application/json' ? 'json' : 'xml';
    const { body, contentType } = serializeWebhook(delivery.payload, format);
    const request = new Request(webhook.url, {
      method: 'POST',
      headers: { 'content-type': contentType, ...authHeaders(webhook) },
      body,
      signal: controller.signal,
    });
    const receiver = context.receiverFor(webhook.url);
    const send = async () => {
      const response = await (receiver ? receiver(request) : context.fetch(request));
      await response.arrayBuffer().catch(() => undefined);
      return response.status;
    };
    const status = await Promise.race([send(), timedOut]);
    delivery.status = status;
    delivery.outcome = status >= 200 && status < 300 ? 'delivered' : 'failed';
    if (delivery.outcome === 'failed') delivery.error = `HTTP ${status}`;
  } catch (error) {
    delivery.outcome = 'failed';
    delivery.error =
      error instanceof DeliveryTimeout
        ? 'timeout'
        : error instanceof Error
          ? error.message
          : 'delivery failed';
  } finally {
    clearTimeout(timer);
    timedOut.catch(() => {});
  }
}

class DeliveryTimeout extends Error {}

function authHeaders(webhook: Readonly<MockWebhook>): Record<string, string> {
  if (webhook.authenticationType === 'BASIC') {
    return basicAuth({
      username: webhook.username,
      password: webhook.password,
    }).headersForSending();
  }
  if (webhook.authenticationType === 'HEADER') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(webhook.header);
    } catch {
      throw new Error('the header setting is not a JSON object of header names and values');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error('the header setting is not a JSON object of header names and values');
    }
    return Object.fromEntries(Object.entries(parsed).map(([name, value]) => [name, String(value)]));
  }
  return {};
}
