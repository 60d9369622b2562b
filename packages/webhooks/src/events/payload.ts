import * as v from 'valibot';
import { type WebhookEventName, webhookEventNames } from './event-names.js';
import { eventSchemas } from './payload-schemas.js';
import { webhookHeaderSchema } from './records.js';

/** The whole payload `{ webhook, event }` of each event, built from the `event` schemas. */
export const payloadSchemas = Object.fromEntries(
  webhookEventNames.map((name) => [
    name,
    v.looseObject({ webhook: webhookHeaderSchema(name), event: eventSchemas[name] }),
  ]),
) as unknown as Record<WebhookEventName, v.GenericSchema>;

/** Just enough to find the discriminant before choosing the event's schema. */
export const envelopeSchema = v.looseObject({
  webhook: v.looseObject({ webhookEvent: v.string() }),
  event: v.unknown(),
});
