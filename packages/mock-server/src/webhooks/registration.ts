import { isWebhookEventName, type WebhookEventName } from '@jamf/webhooks';
import type { Entity } from '../state/inventory/entity-store.js';

/**
 * A webhook registered on the mock, with the settings of Jamf's Classic `webhook` object
 * (`classic-schemas.json`): event, URL, content type, authentication and timeouts.
 */
export interface MockWebhook extends Entity {
  enabled: boolean;
  url: string;
  event: WebhookEventName;
  /** Jamf's default is `text/xml`. */
  contentType: 'application/json' | 'text/xml';
  /** `HEADER` is newer servers' header authentication (not in the 11.28 Classic schema). */
  authenticationType: 'NONE' | 'BASIC' | 'HEADER';
  username: string;
  /** Never shown by `mock.webhooks.list()` or the Classic GET. */
  password: string;
  /**
   * For `HEADER`: the headers to send, as a JSON object of name → value (the shape is
   * unverified; Jamf's schema only says `header` is a string). Secret like `password`.
   */
  header: string;
  /** Seconds to connect (Jamf's default 5). */
  connectionTimeoutSeconds: number;
  /** Seconds to wait for the answer once connected (Jamf's default 2). */
  readTimeoutSeconds: number;
  /** The smart group whose membership changes fire the smart group events. */
  smartGroupId: number | undefined;
}

/** What `mock.webhooks.register` takes: the required three, the rest defaulted as Jamf does. */
export type MockWebhookInput = Pick<MockWebhook, 'name' | 'url' | 'event'> &
  Partial<Omit<MockWebhook, 'id' | 'name' | 'url' | 'event'>>;

/** A registration as `mock.webhooks.list()` shows it: secrets replaced by whether they are set. */
export type MockWebhookView = Omit<MockWebhook, 'password' | 'header'> & {
  hasPassword: boolean;
  hasHeader: boolean;
};

const SMART_GROUP_EVENTS: ReadonlySet<string> = new Set([
  'SmartGroupComputerMembershipChange',
  'SmartGroupMobileDeviceMembershipChange',
]);

/** Fills Jamf's defaults and checks the rules; a string is the reason it is refused. */
export function normalizeWebhook(input: MockWebhookInput): Omit<MockWebhook, 'id'> | string {
  if (typeof input !== 'object' || input === null) return 'A webhook needs name, url and event';
  if (typeof input.name !== 'string' || !input.name.trim()) return 'Name is required';
  if (typeof input.url !== 'string') return 'Invalid URL';
  if (!isWebhookEventName(input.event)) return 'Invalid event';
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    return 'Invalid URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'Invalid URL';
  const smartGroupId = input.smartGroupId;
  if (smartGroupId !== undefined && !SMART_GROUP_EVENTS.has(input.event)) {
    return 'A smart group applies only to smart group membership events';
  }
  const authenticationType = input.authenticationType ?? 'NONE';
  if (!['NONE', 'BASIC', 'HEADER'].includes(authenticationType)) {
    return 'Invalid authentication type';
  }
  const contentType = input.contentType ?? 'text/xml';
  if (contentType !== 'application/json' && contentType !== 'text/xml') {
    return 'Invalid content type';
  }
  const connectionTimeoutSeconds = input.connectionTimeoutSeconds ?? 5;
  const readTimeoutSeconds = input.readTimeoutSeconds ?? 2;
  if (!(connectionTimeoutSeconds > 0) || !(readTimeoutSeconds > 0)) return 'Invalid timeout';
  return {
    name: input.name,
    enabled: input.enabled ?? true,
    url: url.href,
    event: input.event,
    contentType,
    authenticationType,
    username: input.username ?? '',
    password: input.password ?? '',
    header: input.header ?? '',
    connectionTimeoutSeconds,
    readTimeoutSeconds,
    smartGroupId,
  };
}

/** The secret-free view of a registration. */
export function webhookView(row: Readonly<MockWebhook>): MockWebhookView {
  const { password, header, ...rest } = row;
  return { ...rest, hasPassword: password !== '', hasHeader: header !== '' };
}
