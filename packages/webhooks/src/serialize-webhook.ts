import { JamfWebhookError } from './errors.js';
import { isWebhookEventName } from './events/event-names.js';
import type { AnyWebhookPayload, WebhookPayload } from './events/types.js';
import { validatedPayload } from './events/validate-payload.js';
import { writeXml } from './events/xml-write.js';
import { checkFormat, type WebhookBodyFormat } from './parse-webhook.js';

/** A payload written as Jamf Pro sends it: the body and its `Content-Type`. */
export interface SerializedWebhook {
  body: string;
  contentType: 'application/json' | 'text/xml';
}

/**
 * Writes a payload as a JSON or XML body, as a webhook with that `content_type` would send it.
 * @throws {JamfWebhookError} `INVALID_OPTIONS` for a format other than `'json'`/`'xml'`,
 * `UNKNOWN_EVENT` or `INVALID_PAYLOAD` for a payload {@link parseWebhook} would refuse.
 * @example
 * const { body, contentType } = serializeWebhook(generateWebhook('JSSStartup'), 'xml');
 */
export function serializeWebhook(
  payload: AnyWebhookPayload | WebhookPayload,
  format: WebhookBodyFormat = 'json',
): SerializedWebhook {
  checkFormat(format);
  // Only what a receiver accepts is written: `undefined` made the body `undefined`, and a
  // payload missing fields made a body every receiver answers with 400.
  const name = (payload as { webhook?: { webhookEvent?: unknown } } | null)?.webhook?.webhookEvent;
  if (!isWebhookEventName(name)) {
    throw new JamfWebhookError(
      'UNKNOWN_EVENT',
      'serializeWebhook needs a payload { webhook: { webhookEvent }, event } of a Jamf Pro event.',
    );
  }
  validatedPayload(name, payload);
  return format === 'xml'
    ? { body: writeXml(payload), contentType: 'text/xml' }
    : { body: JSON.stringify(payload), contentType: 'application/json' };
}
