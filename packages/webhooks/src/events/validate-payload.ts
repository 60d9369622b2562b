import * as v from 'valibot';
import { JamfWebhookError } from '../errors.js';
import type { WebhookEventName } from './event-names.js';
import { payloadSchemas } from './payload.js';
import type { AnyWebhookPayload } from './types.js';

/**
 * `value` as a payload of event `name`, checked against that event's schema: what a receiver
 * accepts and a sender may write.
 * @throws {JamfWebhookError} `INVALID_PAYLOAD` naming up to five paths that do not match.
 */
export function validatedPayload(name: WebhookEventName, value: unknown): AnyWebhookPayload {
  const result = v.safeParse(payloadSchemas[name], value);
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
