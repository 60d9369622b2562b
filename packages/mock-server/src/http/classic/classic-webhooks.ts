import { type MockWebhooks, webhookRegistrations } from '../../webhooks/mock-webhooks.js';
import {
  type MockWebhook,
  type MockWebhookInput,
  normalizeWebhook,
} from '../../webhooks/registration.js';
import type { ClassicResource } from './classic-resource.js';
import { xmlText } from './classic-resource.js';

/**
 * Classic `webhooks` (`/JSSResource/webhooks`) over the mock's registrations, with the fields of
 * Jamf's Classic `webhook` object. The password and header values are written, never read back.
 */
export function classicWebhooks(webhooks: MockWebhooks): ClassicResource<MockWebhook> {
  return {
    plural: 'webhooks',
    privilegeObjects: ['Webhooks'],
    listRoot: 'webhooks',
    root: 'webhook',
    store: () => webhookRegistrations(webhooks),
    summary: (row) => ({ id: row.id, name: row.name }),
    detail: (row) => ({
      id: row.id,
      name: row.name,
      enabled: row.enabled,
      url: row.url,
      content_type: row.contentType,
      event: row.event,
      connection_timeout: row.connectionTimeoutSeconds,
      read_timeout: row.readTimeoutSeconds,
      authentication_type: row.authenticationType,
      username: row.username,
      smart_group_id: row.smartGroupId ?? '',
    }),
    lookups: { name: (row) => row.name },
    fromXml(value, existing) {
      const text = (key: string) => xmlText(value, key);
      const number = (key: string) => {
        const raw = text(key);
        return raw === undefined || raw === '' ? undefined : Number(raw);
      };
      const enabled = text('enabled');
      const input = {
        name: text('name') ?? existing?.name ?? '',
        url: text('url') ?? existing?.url ?? '',
        event: text('event') ?? existing?.event ?? '',
        enabled: enabled === undefined ? existing?.enabled : enabled === 'true',
        contentType: text('content_type') ?? existing?.contentType,
        authenticationType: text('authentication_type') ?? existing?.authenticationType,
        username: text('username') ?? existing?.username,
        password: text('password') ?? existing?.password,
        header: text('header') ?? existing?.header,
        connectionTimeoutSeconds:
          number('connection_timeout') ?? existing?.connectionTimeoutSeconds,
        readTimeoutSeconds: number('read_timeout') ?? existing?.readTimeoutSeconds,
        smartGroupId: number('smart_group_id') ?? existing?.smartGroupId,
      } as MockWebhookInput;
      return normalizeWebhook(input);
    },
    isNameUnique: true,
  };
}
