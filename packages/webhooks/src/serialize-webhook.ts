import type { AnyWebhookPayload, WebhookPayload } from './events/types.js';
import { writeXml } from './events/xml-write.js';
import type { WebhookBodyFormat } from './parse-webhook.js';

/** A payload written as Jamf Pro sends it: the body and its `Content-Type`. */
export interface SerializedWebhook {
  body: string;
  contentType: 'application/json' | 'text/xml';
}

/**
 * Writes a payload as a JSON or XML body, as a webhook with that `content_type` would send it.
 * @example
 * const { body, contentType } = serializeWebhook(generateWebhook('JSSStartup'), 'xml');
 */
export function serializeWebhook(
  payload: AnyWebhookPayload | WebhookPayload,
  format: WebhookBodyFormat = 'json',
): SerializedWebhook {
  return format === 'xml'
    ? { body: writeXml(payload), contentType: 'text/xml' }
    : { body: JSON.stringify(payload), contentType: 'application/json' };
}
