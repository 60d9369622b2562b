import type * as v from 'valibot';
import type { WebhookEventName } from './event-names.js';
import type { eventSchemas } from './payload-schemas.js';
import type { computerRecordSchema, mobileDeviceRecordSchema } from './records.js';

/** A computer as computer events describe it. */
export type WebhookComputer = v.InferOutput<typeof computerRecordSchema>;

/** A mobile device as mobile device events describe it. */
export type WebhookMobileDevice = v.InferOutput<typeof mobileDeviceRecordSchema>;

/** The `event` object of the webhook event `E`. */
export type WebhookEventData<E extends WebhookEventName> = v.InferOutput<(typeof eventSchemas)[E]>;

/** The `webhook` object: which registered webhook fired, for which event, and when. */
export interface WebhookHeader<E extends WebhookEventName = WebhookEventName> {
  /** The webhook's id on the Jamf Pro server. */
  id: number;
  /** The webhook's display name. */
  name: string;
  /** The event that fired it: the discriminant. */
  webhookEvent: E;
  /** When the event happened, in milliseconds since the epoch. */
  eventTimestamp: number;
  [extra: string]: unknown;
}

/** One delivery of the event `E`: `{ webhook, event }`, as Jamf Pro POSTs it. */
export interface WebhookPayload<E extends WebhookEventName = WebhookEventName> {
  webhook: WebhookHeader<E>;
  event: WebhookEventData<E>;
}

/** Any of the 18 payloads, discriminated by `webhook.webhookEvent`. */
export type AnyWebhookPayload = { [E in WebhookEventName]: WebhookPayload<E> }[WebhookEventName];
