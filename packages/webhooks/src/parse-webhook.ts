import * as v from 'valibot';
import { JamfWebhookError } from './errors.js';
import { isWebhookEventName } from './events/event-names.js';
import { envelopeSchema, payloadSchemas } from './events/payload.js';
import type { AnyWebhookPayload } from './events/types.js';
import { validatedPayload } from './events/validate-payload.js';
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
  checkFormat(format);
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
  return validatedPayload(name, isXml ? coerceXml(payloadSchemas[name], tree) : tree);
}

/**
 * Refuses a format that is neither `'json'` nor `'xml'` (absent is allowed): anything else used to
 * be read as JSON without a word.
 * @throws {JamfWebhookError} `INVALID_OPTIONS`.
 */
export function checkFormat(format: unknown): asserts format is WebhookBodyFormat | undefined {
  if (format !== undefined && format !== 'json' && format !== 'xml') {
    throw new JamfWebhookError('INVALID_OPTIONS', "The body format must be 'json' or 'xml'.");
  }
}
