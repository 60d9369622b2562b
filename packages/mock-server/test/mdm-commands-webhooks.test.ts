import {
  type AnyWebhookPayload,
  createWebhookHandler,
  type WebhookEventName,
  type WebhookHandlers,
  webhookEventNames,
} from '@jamf/webhooks';
import { describe, expect, it } from 'vitest';
import { setupJamfMock } from '../src/vitest.js';
import { api, userToken } from './support/auth-support.js';
import { watchContract } from './support/watch-contract.js';

// The webhooks an MDM command fires, whichever API sent it: PushSent per device, and
// MobileDeviceCommandCompleted per mobile device (Jamf has no computer counterpart).
const jamf = setupJamfMock({ seed: 11 });
watchContract(jamf);
const HOOK = 'https://hooks.example.test/mdm';

function receive(events: WebhookEventName[]): AnyWebhookPayload[] {
  const got: AnyWebhookPayload[] = [];
  for (const event of events) {
    jamf.webhooks.register({ name: event, url: HOOK, event, contentType: 'application/json' });
  }
  const on = Object.fromEntries(
    webhookEventNames.map((name) => [name, (payload: AnyWebhookPayload) => void got.push(payload)]),
  ) as WebhookHandlers;
  jamf.webhooks.attach(HOOK, createWebhookHandler({ auth: 'none', on }));
  return got;
}

const managementIdOf = async (token: string, path: string, pick: (body: never) => string) =>
  pick((await (await api(jamf, token, 'GET', path)).json()) as never);

describe('MDM command webhooks', () => {
  it('a Pro command to a mobile device completes it; to a computer, pushes only', async () => {
    const got = receive(['PushSent', 'MobileDeviceCommandCompleted']);
    const token = await userToken(jamf);
    const computer = [...jamf.state.computers.values()].find((row) => row.isManaged);
    const computerId = await managementIdOf(
      token,
      `/v1/computers-inventory/${computer?.id}`,
      (body: { general: { managementId: string } }) => body.general.managementId,
    );
    const mobileId = await managementIdOf(
      token,
      '/v2/mobile-devices/3',
      (body: { managementId: string }) => body.managementId,
    );
    const sent = await api(jamf, token, 'POST', '/v2/mdm/commands', {
      clientData: [{ managementId: computerId }, { managementId: mobileId }],
      commandData: { commandType: 'RESTART_DEVICE' },
    });
    expect(sent.status).toBe(201);
    const [, mobileCommand] = (await sent.json()) as { id: string }[];
    await jamf.webhooks.settled();
    expect(got.map((payload) => [payload.webhook.webhookEvent, payload.event])).toEqual([
      ['PushSent', { managementId: computerId, type: 'Computer' }],
      ['PushSent', { managementId: mobileId, type: 'MobileDevice' }],
      [
        'MobileDeviceCommandCompleted',
        expect.objectContaining({
          jssID: 3,
          mdmCommand: 'RestartDevice',
          mdmCommandUUID: mobileCommand?.id,
        }),
      ],
    ]);
  });

  it('a command left pending pushes but does not complete', async () => {
    const got = receive(['PushSent', 'MobileDeviceCommandCompleted']);
    jamf.state.mdmCommands.acknowledgesOnSend = false;
    const sent = await fetch(
      `${jamf.baseUrl}/JSSResource/mobiledevicecommands/command/DeviceLock/id/5`,
      { method: 'POST', headers: { authorization: `Bearer ${await userToken(jamf)}` } },
    );
    expect(sent.status).toBe(201);
    await jamf.webhooks.settled();
    expect(got.map((payload) => payload.webhook.webhookEvent)).toEqual(['PushSent']);
  });

  it('a blank push fires PushSent and no completion; a refused command fires nothing', async () => {
    const got = receive(['PushSent', 'MobileDeviceCommandCompleted']);
    const token = await userToken(jamf);
    const mobileId = await managementIdOf(
      token,
      '/v2/mobile-devices/4',
      (body: { managementId: string }) => body.managementId,
    );
    const push = await api(jamf, token, 'POST', '/v2/mdm/blank-push', {
      clientManagementIds: [mobileId],
    });
    expect(push.status).toBe(200);
    const refused = await api(jamf, token, 'POST', '/v2/mdm/commands', {
      clientData: [{ managementId: mobileId }, { managementId: 'nobody' }],
      commandData: { commandType: 'DEVICE_LOCK' },
    });
    expect(refused.status).toBe(400);
    await jamf.webhooks.settled();
    expect(got.map((payload) => [payload.webhook.webhookEvent, payload.event])).toEqual([
      ['PushSent', { managementId: mobileId, type: 'MobileDevice' }],
    ]);
  });
});
