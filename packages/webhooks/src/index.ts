export { isJamfWebhookError, JamfWebhookError, type JamfWebhookErrorCode } from './errors.js';
export {
  isWebhookEventName,
  type WebhookEventName,
  webhookEventNames,
} from './events/event-names.js';
export type {
  AnyWebhookPayload,
  WebhookComputer,
  WebhookEventData,
  WebhookHeader,
  WebhookMobileDevice,
  WebhookPayload,
} from './events/types.js';
export {
  type FireFailure,
  type FireSummary,
  type FireWebhooksOptions,
  fireWebhooks,
} from './generator/fire-webhooks.js';
export { type GenerateWebhookOptions, generateWebhook } from './generator/generate-webhook.js';
export { parseWebhook, type WebhookBodyFormat } from './parse-webhook.js';
export {
  createWebhookHandler,
  type WebhookHandlerOptions,
  type WebhookHandlers,
} from './receiver/create-webhook-handler.js';
export { type DedupeStore, deliveryKey, memoryDedupeStore } from './receiver/dedupe.js';
export { basicAuth, headerAuth, WebhookAuth } from './receiver/webhook-auth.js';
export { type SerializedWebhook, serializeWebhook } from './serialize-webhook.js';
