import { JamfWebhookError } from '../errors.js';
import type { AnyWebhookPayload } from '../events/types.js';

/**
 * Remembers which deliveries were handled, so one seen twice is handled once. Pass one to
 * {@link createWebhookHandler} as `dedupe`; implement it over Redis or a database to share it.
 */
export interface DedupeStore {
  /** Records `key`; true when it was not there yet (this delivery should be handled). */
  claim(key: string): boolean | Promise<boolean>;
  /** Forgets `key` (its handler failed, so a redelivery should run it again). */
  release(key: string): void | Promise<void>;
}

/**
 * An in-memory {@link DedupeStore} that keeps the newest `maxEntries` keys (default 10,000) and
 * forgets the oldest first, so memory stays bounded however many deliveries arrive.
 * @throws {JamfWebhookError} `INVALID_OPTIONS` when `maxEntries` is not a positive integer.
 */
export function memoryDedupeStore(options: { maxEntries?: number } = {}): DedupeStore {
  if (typeof options !== 'object' || options === null) {
    throw new JamfWebhookError('INVALID_OPTIONS', 'memoryDedupeStore options must be an object.');
  }
  const maxEntries = options.maxEntries ?? 10_000;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new JamfWebhookError('INVALID_OPTIONS', 'maxEntries must be a positive integer.');
  }
  const keys = new Set<string>();
  return {
    claim(key) {
      if (keys.has(key)) return false;
      keys.add(key);
      if (keys.size > maxEntries) keys.delete(keys.values().next().value as string);
      return true;
    },
    release(key) {
      keys.delete(key);
    },
  };
}

/**
 * The identity of one delivery: webhook id, event name, event timestamp and the event's content
 * (keys sorted, so its JSON and XML forms give the same key). A retried delivery has the same key.
 */
export function deliveryKey(payload: AnyWebhookPayload): string {
  const webhook = (payload as Partial<AnyWebhookPayload> | null)?.webhook;
  if (typeof webhook !== 'object' || webhook === null) {
    throw new JamfWebhookError(
      'INVALID_OPTIONS',
      'deliveryKey needs a payload { webhook, event }.',
    );
  }
  const { id, webhookEvent, eventTimestamp } = webhook;
  return `${id}:${webhookEvent}:${eventTimestamp}:${canonicalJson(payload.event)}`;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
