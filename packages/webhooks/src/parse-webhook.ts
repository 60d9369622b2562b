import * as v from 'valibot';
import { JamfWebhookError } from './errors.js';
import { isWebhookEventName } from './events/event-names.js';
import { envelopeSchema, payloadSchemas } from './events/payload.js';
import type { AnyWebhookPayload } from './events/types.js';
import { coerceXml, readXml } from './events/xml-read.js';

/** The two forms Jamf Pro sends a payload in (a webhook's `content_type`). */
export type WebhookBodyFormat = 'json' | 'xml';

/**
 * Parses and validates one webhook body into its typed payload.
 * Use it where you receive webhooks without {@link createWebhookHandler} (a queue, a log file).
 *
 * @param format `'json'` or `'xml'`; by default, a body starting with `<` is XML.
 * @throws {JamfWebhookError} `MALFORMED_BODY`, `UNKNOWN_EVENT` or `INVALID_PAYLOAD`.
 * @example
 * const payload = parseWebhook(await request.text());
 * if (payload.webhook.webhookEvent === 'ComputerAdded') console.log(payload.event);
 */
export function parseWebhook(body: string, format?: WebhookBodyFormat): AnyWebhookPayload {
  if (typeof body !== 'string') {
    throw new JamfWebhookError('MALFORMED_BODY', 'The body must be a string (the request text).');
  }
  const isXml = format === undefined ? body.trimStart().startsWith('<') : format === 'xml';
  let tree: unknown;
  try {
    tree = isXml ? readXml(body) : JSON.parse(body);
  } catch (cause) {
    throw new JamfWebhookError(
      'MALFORMED_BODY',
      `The body is not well-formed ${isXml ? 'XML' : 'JSON'}.`,
      {
        cause,
      },
    );
  }
  const envelope = v.safeParse(envelopeSchema, tree);
  const name = envelope.success ? envelope.output.webhook.webhookEvent : undefined;
  if (!isWebhookEventName(name)) {
    throw new JamfWebhookError(
      'UNKNOWN_EVENT',
      name === undefined
        ? 'The body is not a Jamf Pro webhook payload ({ webhook: { webhookEvent }, event }).'
        : `"${name.slice(0, 64)}" is not one of the 18 Jamf Pro webhook events.`,
    );
  }
  const schema = payloadSchemas[name];
  const result = v.safeParse(schema, isXml ? coerceXml(schema, tree) : tree);
  if (!result.success) {
    const issues = result.issues.map((issue) => v.getDotPath(issue) ?? '(root)');
    throw new JamfWebhookError(
      'INVALID_PAYLOAD',
      `The ${name} payload does not match its shape at ${issues.slice(0, 5).join(', ')}.`,
      { issues },
    );
  }
  return result.output as AnyWebhookPayload;
}
